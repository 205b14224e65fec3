import type { PackIndex } from './pack-index.js';

/**
 * The instance a reference to a per-domain decision names by its `domain` parameter:
 * `{ "fact": "domainScore", "params": { "domain": "$domain" } }` inside a per-domain decision
 * reads the same domain's `domainScore.<domainId>`; a domain id reads that domain's. Undefined
 * when the fact is not a per-domain decision or gives no domain (`domainId` is the current
 * domain, undefined outside a per-domain decision).
 */
export function domainInstanceId(index: PackIndex, fact: string, params: Record<string, unknown> | undefined, domainId: string | undefined): string | undefined {
  const domain = params?.domain;
  if (typeof domain !== 'string' || index.pack.decisions?.[fact]?.forEach !== 'domain') return undefined;
  const id = domain === '$domain' ? domainId : domain;
  return id === undefined ? undefined : `${fact}.${id}`;
}
