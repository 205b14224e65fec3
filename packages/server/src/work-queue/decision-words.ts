import { decidedByWords, longDate } from '../engine/index.js';
import type { Determination, Pack } from '../engine/index.js';

type Proposal = NonNullable<Determination['proposals']>[number];

/**
 * A decision instance in the pack's words: the decision's label, with the domain's title for a
 * per-domain instance ("Domain rating (Safe)"); the id itself where the pack does not name it.
 * @example decisionTitle(pack, 'domainRating.safe') // 'Domain rating (Safe)'
 */
export function decisionTitle(pack: Pack | undefined, instanceId: string): string {
  const dot = instanceId.indexOf('.');
  const decisionId = dot < 0 ? instanceId : instanceId.slice(0, dot);
  const label = pack?.decisions[decisionId]?.label ?? pack?.decisions[instanceId]?.label;
  if (!label) return instanceId;
  if (dot < 0 || pack?.decisions[instanceId]) return label;
  const domainId = instanceId.slice(dot + 1);
  return `${label} (${pack?.framework?.domains.find((d) => d.id === domainId)?.title ?? domainId})`;
}

/**
 * A pending decision as the work queue words it: what is to be decided, the proposal, who
 * decides and by when, with the date as reports write it.
 * @example decisionWords(pack, proposal) // 'Overall rating: proposed Silver, to be decided by the team manager, by 18 January 2027'
 */
export function decisionWords(pack: Pack | undefined, p: Proposal): string {
  const proposed = typeof p.proposed === 'string' ? p.proposed : JSON.stringify(p.proposed);
  return `${decisionTitle(pack, p.decision)}: proposed ${proposed}, ${decidedByWords(p.roleLabel, p.due, longDate)}`;
}
