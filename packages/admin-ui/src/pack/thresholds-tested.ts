import type { Pack } from '@openqaf/engine';
import { sideWords, ownMember, decisionInstanceWords } from '@openqaf/engine/browser';
import type { BoundaryCoverageReply } from '@openqaf/server';
import { counted } from '../format/count-words.js';

/** Whether a side of a threshold is tested by a case, left untested for a recorded reason, or not tested. */
export type SideState = 'tested' | 'left' | 'untested';

/** One side of a threshold as the page shows it. */
export interface SideRow {
  /** The side in words with the value on its edge: "below (1)", "at or above (2)". */
  label: string;
  state: SideState;
  /** The cases whose value sits on the side's edge. */
  cases: string[];
  /** Why the pack leaves the side without a case, when it says so. */
  reason?: string;
}

/** One threshold: the comparison in the council's words, where it applies, and its sides. */
export interface ThresholdRow {
  words: string;
  /** The rule (or action, schedule entry) by its label, and for a per-domain decision the domains. */
  where: string;
  pointer: string;
  sides: SideRow[];
}

/** A decision's (or the actions', the schedule's) thresholds under its name in the pack's words. */
export interface ThresholdGroup {
  id: string;
  heading: string;
  thresholds: ThresholdRow[];
}

/** The "Thresholds tested" section's content, from a boundary coverage reply. */
export interface ThresholdsTested {
  /** "294 of 340 sides tested, 46 left untested with a reason, 0 not tested". */
  summary: string;
  /** True when some side is neither tested nor left with a reason. */
  gaps: boolean;
  groups: ThresholdGroup[];
  /** Where the reasons for untested sides come from, or that none are recorded. */
  reasons: string;
  /** Things to know about these results: reasons set aside or matching nothing, cases not counted. */
  notes: string[];
}

const SIDE_WORDS: Record<string, string> = { below: 'below', 'at-or-above': 'at or above', 'at-or-below': 'at or below', above: 'above', at: 'at' };

const KNOWN_KINDS = new Set(['number', 'scale', 'date']);

/**
 * A side in words, for any kind of threshold: a number's, a scale value's or a date's in the engine's
 * words ("below (Requires improvement)", "before (the day before)"); a side or edge of a kind this
 * page does not know is shown as it comes.
 */
function sideLabel(side: string, edge: unknown, threshold: unknown, kind?: unknown): string {
  if (typeof kind === 'string' && KNOWN_KINDS.has(kind) && SIDE_WORDS[side] && (typeof threshold === 'number' || typeof threshold === 'string')) {
    return sideWords({ side: side as 'below', coveredBy: [], ...(typeof edge === 'number' || typeof edge === 'string' ? { edge } : {}) }, threshold, kind as 'number');
  }
  const words = SIDE_WORDS[side] ?? side.replace(/-/g, ' ');
  return edge !== undefined && edge !== null ? `${words} (${String(edge)})` : `${words} (any value ${words} ${String(threshold)})`;
}

const OUTCOME_HEADINGS: Record<string, string> = { actions: 'Actions', schedule: 'Schedule', warnings: 'Warnings', scores: 'Scores' };

function ruleLabel(pack: Pack, decision: string, rule: string): string {
  const d = ownMember(pack.decisions, decision);
  const found = d?.rules?.find((r) => r.id === rule) ?? d?.limits?.find((l) => l.id === rule);
  const outcome = (OUTCOME_HEADINGS[decision] && (pack.outcomes as unknown as Record<string, { id: string; label?: string }[] | undefined>)[decision]?.find((o) => o.id === rule)) || undefined;
  const label = (found as { label?: string } | undefined)?.label ?? outcome?.label;
  return label && label !== rule ? `${label} (${rule})` : rule;
}

/**
 * The boundary coverage of a pack for people: per decision (in the pack's order of first
 * threshold), each threshold in the council's words with each side, the cases that test it,
 * the reason it is left untested, or "not tested"; the totals in one line; and where the
 * reasons come from. Tolerant of threshold kinds it does not know (words, dates): their sides
 * and edges are shown as they come.
 * @example thresholdsTested(reply, pack).summary // '294 of 340 sides tested, 46 left untested with a reason, 0 not tested'
 */
export function thresholdsTested(reply: BoundaryCoverageReply, pack: Pack): ThresholdsTested {
  const groups = new Map<string, ThresholdGroup>();
  for (const th of reply.report.thresholds) {
    const decision = th.decision;
    let group = groups.get(decision);
    if (!group) {
      group = { id: decision, heading: OUTCOME_HEADINGS[decision] ?? decisionInstanceWords(pack, decision), thresholds: [] };
      groups.set(decision, group);
    }
    const label = OUTCOME_HEADINGS[decision] ? undefined : decisionInstanceWords(pack, decision);
    const domains = th.instances.filter((i) => i !== decision).map((i) => {
      const words = decisionInstanceWords(pack, i);
      return label && words.startsWith(`${label}: `) ? words.slice(label.length + 2) : words;
    });
    group.thresholds.push({
      words: th.words,
      where: `${ruleLabel(pack, decision, th.rule)}${domains.length ? `; ${domains.join(', ')}` : ''}`,
      pointer: th.pointer,
      sides: th.sides.map((s): SideRow => {
        const state: SideState = s.coveredBy.length ? 'tested' : s.leftUncovered !== undefined ? 'left' : 'untested';
        return { label: sideLabel(String(s.side), s.edge, th.threshold, (th as { kind?: unknown }).kind), state, cases: [...s.coveredBy], ...(state === 'left' ? { reason: s.leftUncovered } : {}) };
      }),
    });
  }
  const s = reply.report.summary;
  const { file, recorded, setAside } = reply.reasons;
  const notes = [
    ...setAside.map((x) => `A recorded reason for ${x.entry.pointer} (${sideLabel(x.entry.side, undefined, x.entry.threshold ?? 'the threshold').replace(/ \(.*\)$/, '')}) is not applied: it was ${x.why}.`),
    ...reply.report.staleLeftUncovered.map((x) => `A recorded reason for ${x.entry.pointer} (${SIDE_WORDS[x.entry.side] ?? x.entry.side}) matches no untested side: ${x.why}.`),
    ...reply.report.notCounted.map((c) => `The case “${c.id}” is not counted: ${c.why}.`),
  ];
  return {
    summary: `${s.covered} of ${counted(s.sides, 'side')} tested, ${s.leftUncovered} left untested with a reason, ${s.uncovered} not tested (${counted(s.thresholds, 'threshold')})`,
    gaps: s.uncovered > 0,
    groups: [...groups.values()],
    reasons: file
      ? `Reasons for sides left untested are those recorded in ${file} (${counted(recorded, 'reason')}), written about the pack as the council's package ships it: a reason is applied only where the draft or version compares the same thing with the same number at the same place.`
      : 'No reasons are recorded for this pack (its council package has no list of sides left untested), so every side no case tests is shown as not tested.',
    notes,
  };
}
