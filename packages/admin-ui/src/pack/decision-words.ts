import type { Pack } from '@openqaf/engine';
import { ownMember } from '@openqaf/engine/browser';

/**
 * A decision instance in the pack's words: its decision's label and, for a decision taken per
 * domain (`domainRating.safe`), the domain's title after it; the id itself where the pack has no
 * words for it. What the proposals, the recorded decisions and the work queue show instead of an id.
 * @example decisionWords(birmingham, 'domainRating.safe') // 'Domain rating: Safe'
 */
export function decisionWords(pack: Pack, instanceId: string): string {
  const [id, ...rest] = instanceId.split('.');
  const label = ownMember(pack.decisions, id!)?.label ?? id!;
  if (!rest.length) return label;
  const domain = rest.join('.');
  return `${label}: ${pack.framework?.domains.find((d) => d.id === domain)?.title ?? domain}`;
}
