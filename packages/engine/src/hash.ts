import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export { canonicalJson };

/**
 * Metadata fields that describe a release of the rules rather than the rules themselves:
 * the version label and the date the release takes effect. They are left out of
 * {@link packHash}, as are `cases` and `$schema`. See docs/pack-format.md, "The content hash".
 */
export const RELEASE_METADATA = ['version', 'effectiveFrom'] as const;

function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * The pack without what is not rules: no `cases`, no `$schema`, and no release metadata
 * ({@link RELEASE_METADATA}). Two packs with the same rules have the same rules part.
 */
export function packRules(pack: unknown): unknown {
  if (pack === null || typeof pack !== 'object' || Array.isArray(pack)) return pack;
  const { cases: _cases, $schema: _schema, ...rules } = pack as Record<string, unknown>;
  const metadata = rules.metadata;
  if (metadata !== null && typeof metadata === 'object' && !Array.isArray(metadata)) {
    const kept: Record<string, unknown> = { ...(metadata as Record<string, unknown>) };
    for (const field of RELEASE_METADATA) delete kept[field];
    rules.metadata = kept;
  }
  return rules;
}

/**
 * The content hash that determinations cite: `sha256:` and the hex digest of the canonical
 * JSON of the pack's rules ({@link packRules}). Adding a case, or publishing identical rules
 * under a new version label or effective date, keeps the hash; any change to a rule, scale,
 * source, input or outcome changes it.
 * @example packHash(pack) // "sha256:9f86d0..."
 */
export function packHash(pack: unknown): string {
  return sha256(canonicalJson(packRules(pack)));
}

/**
 * The hash of the whole bundle, cases and release metadata included: the content hash of
 * pack versions published before the hash covered only the rules (such versions keep citing
 * it), and a key that tells apart two bundles with the same rules but different cases.
 */
export function bundleHash(pack: unknown): string {
  return sha256(canonicalJson(pack));
}
