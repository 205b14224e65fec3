import type { Determination, Pack } from '../engine/index.js';

/** One output of a determination that differs between two packs, in the council's words. */
export interface DeterminationDifference {
  /** What differs: the headline, a decision (a domain's band), the actions, the schedule or a score. */
  kind: 'headline' | 'decision' | 'actions' | 'schedule' | 'score';
  /** The decision or score id, when the difference is of one. */
  id?: string;
  /** The council's words, e.g. "Safeguarding and safety: Silver -> Bronze". */
  explanation: string;
  before: unknown;
  after: unknown;
}

type Compared = Pick<Determination, 'headline' | 'decisions' | 'actions' | 'schedule' | 'scores'>;

/**
 * True when two JSON values (a determination's outputs) are equal: strings, numbers, booleans
 * and null by `===` (NaN equals NaN), arrays item by item, objects key by key in any order. A quicker stand-in
 * for `isDeepStrictEqual` over plain JSON, which what-if calls for every output of every provider.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  let keys = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key)) continue;
    keys++;
    if (!Object.hasOwn(y, key) || !sameJson(x[key], y[key])) return false;
  }
  for (const key in y) if (Object.hasOwn(y, key)) keys--;
  return keys === 0;
}

/** True when every compared output (headline, decisions, actions, schedule, scores) is the same. */
export function sameOutputs(before: Compared, after: Compared): boolean {
  return (
    sameJson(before.headline.value, after.headline.value) &&
    sameJson(before.decisions, after.decisions) &&
    sameJson(before.actions, after.actions) &&
    sameJson(before.schedule, after.schedule) &&
    sameJson(before.scores, after.scores)
  );
}

function shown(value: unknown): string {
  if (value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A decision's label; a per-domain instance `<decision>.<domain>` reads "<domain title>, <label>". */
function titleOf(pack: Pack | undefined, decision: string): string {
  const decisions = pack?.decisions as Record<string, { label?: string }> | undefined;
  if (decisions?.[decision]) return decisions[decision].label ?? decision;
  const dot = decision.indexOf('.');
  if (dot < 0) return decision;
  const [name, domainId] = [decision.slice(0, dot), decision.slice(dot + 1)];
  const domains = (pack?.framework as { domains?: { id: string; title: string }[] } | undefined)?.domains ?? [];
  const domain = domains.find((d) => d.id === domainId)?.title ?? domainId;
  return `${domain}, ${decisions?.[name]?.label ?? name}`;
}

function labels<T extends { label: string; due?: string; nextDue?: string }>(list: readonly T[]): string[] {
  return list.map((x) => `${x.label}${x.due ? ` (due ${x.due})` : x.nextDue ? ` (next ${x.nextDue})` : ''}`);
}

function listChange(name: string, before: string[], after: string[]): string {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  const parts = [...(added.length ? [`now ${added.join('; ')}`] : []), ...(removed.length ? [`no longer ${removed.join('; ')}`] : [])];
  return `${name}: ${parts.join(', ') || 'in another order'}`;
}

/**
 * Every output that differs between two determinations of the same assessment: the headline,
 * each decision (each domain's band, even when the headline stays), the actions, the schedule
 * and the scores, each explained in the council's words (decision titles from `pack`).
 */
export function determinationDifferences(before: Compared, after: Compared, pack?: Pack): DeterminationDifference[] {
  const out: DeterminationDifference[] = [];
  if (sameOutputs(before, after)) return out;
  if (!sameJson(before.headline.value, after.headline.value)) {
    out.push({
      kind: 'headline',
      id: after.headline.decision,
      explanation: `${titleOf(pack, after.headline.decision)}: ${shown(before.headline.value)} -> ${shown(after.headline.value)}`,
      before: before.headline.value,
      after: after.headline.value,
    });
  }
  const decisions = [...new Set([...Object.keys(before.decisions), ...Object.keys(after.decisions)])];
  for (const id of decisions) {
    if (id === after.headline.decision || id === before.headline.decision) continue;
    const [b, a] = [before.decisions[id], after.decisions[id]];
    if (sameJson(b, a)) continue;
    out.push({ kind: 'decision', id, explanation: `${titleOf(pack, id)}: ${shown(b)} -> ${shown(a)}`, before: b, after: a });
  }
  if (!sameJson(before.actions, after.actions)) {
    out.push({
      kind: 'actions',
      explanation: listChange('Actions', labels(before.actions), labels(after.actions)),
      before: before.actions,
      after: after.actions,
    });
  }
  if (!sameJson(before.schedule, after.schedule)) {
    out.push({
      kind: 'schedule',
      explanation: listChange('Schedule', labels(before.schedule), labels(after.schedule)),
      before: before.schedule,
      after: after.schedule,
    });
  }
  const scores = [...new Set([...Object.keys(before.scores), ...Object.keys(after.scores)])];
  for (const id of scores) {
    const [b, a] = [before.scores[id], after.scores[id]];
    if (b === a) continue;
    out.push({ kind: 'score', id, explanation: `Score ${id}: ${shown(b)} -> ${shown(a)}`, before: b, after: a });
  }
  return out;
}
