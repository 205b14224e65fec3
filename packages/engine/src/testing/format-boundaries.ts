/**
 * Boundary coverage in words: a threshold's comparison (a number's, a scale value's, a date's), its sides, and the report for people
 * (`qaf coverage --boundaries`). See docs/pack-format.md#boundary-coverage.
 */
import type { Pack } from '../types.js';
import { countedWords, decisionInstanceWords, operatorCountWords, operatorWords } from '../language/wording.js';
import type { BoundaryCoverageReport, BoundarySide, BoundarySideCoverage, ThresholdKind } from './boundary-coverage.js';

/**
 * A threshold's comparison in words: a count by its count words ("at least 9 criteria judged
 * Fully met", "no criteria judged Not met"), anything else as the fact and the operator's words.
 * @example thresholdWords('greaterThan', 2000, 'Weekly hours', false) // 'Weekly hours is more than 2000'
 */
export function thresholdWords(operator: string, threshold: number, factLabel: string, count: boolean): string {
  const countWords = operatorCountWords(operator);
  if (count && countWords) {
    if (operator === 'equal' && threshold === 0) return `no ${factLabel}`;
    return `${countWords} ${threshold} ${countedWords(factLabel, threshold)}`;
  }
  return `${factLabel} ${operatorWords(operator)} ${threshold}`;
}

const SIDE_WORDS: Readonly<Record<BoundarySide, string>> = {
  'below': 'below', 'at-or-above': 'at or above', 'at-or-below': 'at or below', 'above': 'above', 'at': 'at',
};

/** A date's sides: a day is before, on or after another. */
const DATE_SIDE_WORDS: Readonly<Record<BoundarySide, string>> = {
  'below': 'before', 'at-or-above': 'on or after', 'at-or-below': 'on or before', 'above': 'after', 'at': 'on',
};

/** The day on a date side's edge, by its days from the date compared with. */
const dayWords = (edge: unknown): string => (edge === 0 ? 'the day itself' : edge === -1 ? 'the day before' : edge === 1 ? 'the day after' : `${String(edge)} days from it`);

/**
 * A side in words, with the value that sits on its edge, or "any" value on it when it has no edge;
 * a date's side by the day on its edge.
 * @example sideWords({ side: 'below', edge: 8, coveredBy: [] }, 9) // 'below (8)'
 * @example sideWords({ side: 'above', coveredBy: [] }, 2000) // 'above (any value above 2000)'
 * @example sideWords({ side: 'below', edge: 'Requires improvement', coveredBy: [] }, 'Good', 'scale') // 'below (Requires improvement)'
 * @example sideWords({ side: 'above', edge: 1, coveredBy: [] }, '2026-03-31', 'date') // 'after (the day after)'
 */
export function sideWords(s: BoundarySideCoverage, threshold: number | string, kind: ThresholdKind = 'number'): string {
  if (kind === 'date') return `${DATE_SIDE_WORDS[s.side]} (${dayWords(s.edge)})`;
  return `${SIDE_WORDS[s.side]} (${s.edge !== undefined ? s.edge : `any value ${SIDE_WORDS[s.side]} ${threshold}`})`;
}

/** At most the first three case ids, and how many more. */
function caseList(ids: readonly string[]): string {
  return ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
}

/**
 * A boundary coverage report for people: the totals, then decision by decision each threshold in
 * words with its pointer and where it applies, and each side with the cases that test it, the
 * reason it is left, or NOT COVERED. `uncoveredOnly` leaves out thresholds whose sides are all accounted for.
 */
export function formatBoundaryCoverage(r: BoundaryCoverageReport, pack: Pick<Pack, 'decisions' | 'framework'>, uncoveredOnly = false): string {
  const s = r.summary;
  const lines = [`Boundary coverage of ${r.pack.id} ${r.pack.version}: ${s.thresholds} thresholds, ${s.sides} sides: ${s.covered} covered by a case, ${s.leftUncovered} left uncovered with a reason, ${s.uncovered} NOT covered`];
  let current = '';
  for (const th of r.thresholds) {
    if (uncoveredOnly && th.sides.every((x) => x.coveredBy.length || x.leftUncovered !== undefined)) continue;
    if (th.decision !== current) { current = th.decision; lines.push('', `${decisionInstanceWords(pack, th.decision)} (${th.decision})`); }
    // One domain's instances by the domain's title only: the decision heads them.
    const where = th.instances.length === 1 && th.instances[0] === th.decision ? '' : `; ${th.instances.map((i) => decisionInstanceWords(pack, i).replace(`${decisionInstanceWords(pack, th.decision)}: `, '')).join(', ')}`;
    lines.push(`  ${th.words}  [${th.rule}: ${th.pointer}${where}]`);
    for (const side of th.sides) {
      const state = side.coveredBy.length ? `covered by ${caseList(side.coveredBy)}` : side.leftUncovered !== undefined ? `left uncovered: ${side.leftUncovered}` : 'NOT COVERED';
      lines.push(`    ${sideWords(side, th.threshold, th.kind)}: ${state}`);
    }
  }
  if (r.notCounted.length) lines.push('', 'Cases not counted:', ...r.notCounted.map((c) => `  ${c.id}: ${c.why}`));
  if (r.staleLeftUncovered.length) {
    lines.push('', 'Stale left-uncovered entries:', ...r.staleLeftUncovered.map((x) => `  ${x.entry.pointer} ${x.entry.side}${x.entry.threshold !== undefined ? ` (${x.entry.threshold})` : ''}: ${x.why}`));
  }
  return lines.join('\n');
}
