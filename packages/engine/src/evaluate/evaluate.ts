import { AssessmentError } from '../errors.js';
import type { Assessment, Determination, DeterminationAction, DeterminationScheduleEntry, DeterminationWarning, Pack } from '../types.js';
import type { Explanation, ExplanationEntry } from '../explain/explanation.js';
import { compilePack, type CompiledInstance, type CompiledPack } from '../compile/compile-pack.js';
import { specialisedRun } from './specialised-run.js';
import { unsetList, type EvalState } from '../compile/eval-state.js';
import { isIsoDate } from '../dates/iso-date.js';
import { decideExplained } from './decide.js';
import { blankList, resultList, type CompiledCondition } from '../compile/compile-condition.js';
import { applyLimits, explainLimits } from '../language/limits.js';
import { applyHumanDecision, nameWhoDecides, restsOnPending, type HumanDecisions } from './recorded-decisions.js';
import type { RecordedDecision } from '../language/human-decision.js';
import { offsetDate } from '../compile/compile-offset.js';
import { decisionDependencies } from '../compile/decision-graph.js';
import { ownMember } from '../compile/own-member.js';

/** Options of one evaluation. */
export interface EvaluateOptions {
  /** Include the explanation (format 3): which rule fired with which fact values, and why others did not. */
  explain?: boolean;
  /** The date the determination is made (default: the assessment date). */
  asOf?: string;
  /**
   * The recorded decisions (`assessment.decisions` ids) taken before this evaluation, as when a
   * stored assessment is determined again: a person's decision among them stands even without
   * the reason the pack requires (when departing from the proposal, or always: the determination
   * marks it `departsWithoutReason`); one recorded now is refused. Default: none (all recorded now).
   */
  recordedEarlier?: readonly string[];
}

const compiledCache = new WeakMap<Pack, CompiledPack>();

/**
 * Per compiled pack, the decision instances its headline rests on (its own, and those of every
 * decision it depends on, directly or not), worked out once: the headline is pending when one
 * of them awaits a person.
 */
const headlineRestsOnCache = new WeakMap<CompiledPack, readonly string[]>();

function headlineRestsOn(c: CompiledPack): readonly string[] {
  let ids = headlineRestsOnCache.get(c);
  if (!ids) {
    const deps = decisionDependencies(c.pack);
    const all = c.instances.map((i) => i.id);
    ids = all.filter((id) => restsOnPending(c.headline.decisionId, new Set([id]), c.index.instancesOf, deps));
    headlineRestsOnCache.set(c, ids);
  }
  return ids;
}

/** Per compiled pack, its interpretations in the pack's order, listed once. */
const interpretationsCache = new WeakMap<CompiledPack, readonly { id: string; title: string; note: string }[]>();

function interpretationsOf(c: CompiledPack): readonly { id: string; title: string; note: string }[] {
  let list = interpretationsCache.get(c);
  if (!list) { list = Object.entries(c.pack.interpretations ?? {}).map(([id, i]) => ({ id, title: i.title, note: i.note })); interpretationsCache.set(c, list); }
  return list;
}

/** Per compiled pack, each interpretation's place in the pack's order, and a mark for each place. */
const interpretationPlaces = new WeakMap<CompiledPack, { places: ReadonlyMap<string, number>; marks: Uint8Array }>();

/**
 * The interpretations relied on, in the pack's order, each a copy of its id, title and note: the
 * few relied on are marked at their places, then read off in order (no sort).
 */
function reliedOn(c: CompiledPack, ids: ReadonlySet<string>): { id: string; title: string; note: string }[] {
  const list = interpretationsOf(c);
  let at = interpretationPlaces.get(c);
  if (!at) { at = { places: new Map(list.map((i, k) => [i.id, k])), marks: new Uint8Array(list.length) }; interpretationPlaces.set(c, at); }
  const { places, marks } = at;
  let first = marks.length;
  let last = -1;
  for (const id of ids) {
    const k = places.get(id);
    if (k === undefined) continue;
    marks[k] = 1;
    if (k < first) first = k;
    if (k > last) last = k;
  }
  const found: { id: string; title: string; note: string }[] = [];
  // The marks are cleared as they are read: the next evaluation finds none.
  for (let k = first; k <= last; k++) {
    if (!marks[k]) continue;
    marks[k] = 0;
    const i = list[k]!;
    found.push({ id: i.id, title: i.title, note: i.note });
  }
  return found;
}

/**
 * The decision recorded for an instance: the assessment's own member of that name only, so an
 * instance named as a property every object inherits (`toString`, `valueOf`) finds none where
 * none was recorded.
 */
function recordedDecision(recorded: Record<string, RecordedDecision> | undefined, id: string): RecordedDecision | undefined {
  return recorded !== undefined && Object.hasOwn(recorded, id) ? recorded[id] : undefined;
}

/** A value's rank on a numeric scale: the number itself. */
const numericRank = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Compiles a pack once per object identity. */
function compiledOf(p: CompiledPack | Pack): CompiledPack {
  if ('instances' in p && 'hash' in p) return p;
  let c = compiledCache.get(p as Pack);
  if (!c) { c = compilePack(p as Pack); compiledCache.set(p as Pack, c); }
  return c;
}

/**
 * Builds the working state for an already-checked assessment. `ranks` are the judgement ranks
 * the assessment check wrote; without them they are read from the judgements.
 */
export function initialState(c: CompiledPack, a: Assessment, asOf: string, ranks?: number[]): EvalState {
  const judgements = a.judgements ?? {};
  if (!ranks) {
    ranks = unsetList(c.index.criteria.length);
    const crit = c.index.criteria;
    for (let i = 0; i < crit.length; i++) {
      const j = ownMember(judgements, crit[i]!.criterion.id);
      if (j !== undefined) ranks[i] = c.judgementRanks.get(j) ?? -1;
    }
  }
  return {
    facts: a.facts ?? {},
    assessmentDate: a.date,
    asOf,
    // A list without holes (read faster than `new Array(n)`'s), each value undefined until decided.
    values: blankList(c.instances.length),
    ranks,
    judgements,
    counts: unsetList(c.countSlots),
    interpretations: new Set(),
  };
}


/**
 * Evaluates an assessment under a pack and returns the determination: headline, every
 * decision, actions with due dates, schedule with next due dates, scores, the
 * interpretations relied on, and (with `explain`) a trace. The assessment is checked against
 * the pack's inputs first; on bad input an `AssessmentError` names each fact and nothing is
 * evaluated. The same pack hash and assessment always give the same determination.
 * @example
 * const d = evaluate(compiled, { date: '2025-03-01', judgements, facts: { cqcRating: 'Good' } }, { explain: true });
 */
export function evaluate(pack: CompiledPack | Pack, assessment: unknown, opts: EvaluateOptions = {}): Determination {
  const c = compiledOf(pack);
  const ranks = unsetList(c.index.criteria.length);
  const problems = c.checkAssessment(assessment, ranks, opts.recordedEarlier);
  if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) problems.push({ pointer: '', fact: 'asOf', message: `"${opts.asOf}" is not a calendar date (YYYY-MM-DD).` });
  if (problems.length) throw new AssessmentError(problems);
  const a = assessment as Assessment;
  const asOf = opts.asOf ?? a.date;
  const s = initialState(c, a, asOf, ranks);
  const trace: ExplanationEntry[] | undefined = opts.explain ? [] : undefined;

  const recorded = a.decisions;
  const human: HumanDecisions | undefined = c.takesRecordedDecisions ? { proposals: [], decidedBy: {}, pending: new Set() } : undefined;
  // Without an explanation, the pack's own straight code (`specialised-run.ts`); with one, the loops.
  const run = trace ? null : specialisedRun(c);
  const settle = (inst: CompiledInstance, st: EvalState): void => settled(inst, st, human, recorded, opts, trace);
  let decisions: Record<string, unknown>;
  if (run) decisions = run.decide(s, settle);
  else {
    for (const inst of c.order) {
      s.values[inst.slot] = trace ? decideExplained(inst, s, trace) : inst.decide(s);
      if (inst.limits || inst.takesRecordedDecision) settle(inst, s);
    }
    decisions = {};
    for (const inst of c.instances) decisions[inst.id] = s.values[inst.slot];
  }
  if (human) nameWhoDecides(c.index, human, decisions);

  const actions: DeterminationAction[] = [];
  const schedule: DeterminationScheduleEntry[] = [];
  if (run) run.outcomes(s, actions, schedule);
  else {
    for (const act of c.actions) {
      const fired = trace ? tracedOutcome('action', act.id, act.when, s, trace) : act.when.test(s);
      if (!fired) continue;
      const due = act.due ? offsetDate(act.due, s) : a.date;
      if (act.interpretation) s.interpretations.add(act.interpretation);
      actions.push(act.interpretation
        ? { id: act.id, label: act.label, owner: act.owner, due, source: act.source, interpretation: act.interpretation }
        : { id: act.id, label: act.label, owner: act.owner, due, source: act.source });
    }

    for (const e of c.schedule) {
      const fired = trace ? tracedOutcome('schedule', e.id, e.when, s, trace) : e.when.test(s);
      if (!fired) continue;
      const fromValue = e.from ? e.from(s) : a.date;
      const from = isIsoDate(fromValue) ? fromValue : a.date;
      const entry = e.timing(s, from);
      if (!entry) continue;
      if (e.interpretation) s.interpretations.add(e.interpretation);
      schedule.push(entry);
    }
  }

  const warnings: DeterminationWarning[] = [];
  for (const w of c.warnings) {
    const fired = trace ? tracedOutcome('warning', w.id, w.when, s, trace) : w.when.test(s);
    if (!fired) continue;
    if (w.interpretation) s.interpretations.add(w.interpretation);
    warnings.push({ id: w.id, message: w.message, citation: w.citation, ...(w.interpretation ? { interpretation: w.interpretation } : {}) });
  }

  const scores: Record<string, number | null> = {};
  for (const sc of c.scores) {
    const applies = sc.when ? sc.when.test(s) : true;
    const v = applies ? sc.value(s) : null;
    scores[sc.id] = typeof v === 'number' ? v : null;
    if (applies && typeof v === 'number' && sc.interpretation) s.interpretations.add(sc.interpretation);
  }

  const interpretations = reliedOn(c, s.interpretations);

  const determination: Determination = {
    pack: { id: c.pack.metadata.id, version: c.pack.metadata.version, hash: c.hash },
    asOf,
    assessmentDate: a.date,
    headline: { decision: c.headline.id, value: s.values[c.headline.slot], scale: c.headline.decision.scale },
    decisions,
    actions,
    schedule,
    scores,
    interpretations,
  };
  if (warnings.length) determination.warnings = warnings;
  if (human?.pending.size && headlineRestsOn(c).some((id) => human.pending.has(id))) determination.headline.pending = true;
  if (human?.proposals.length) determination.proposals = human.proposals;
  if (human && Object.keys(human.decidedBy).length) determination.decidedBy = human.decidedBy;
  if (trace) determination.explanation = explanationOf(c, s, trace);
  return determination;
}

/**
 * After an instance's rules gave its value (in `s.values`): its limiters cap it, then a person's
 * decision is applied, each writing the value the rest of the pack reads. The person decides on
 * the limited value: a limiter caps the proposal too. Only a decision a person takes or an
 * officer may override can have a recorded decision (the assessment check refuses any other), so
 * the others are not looked at.
 */
function settled(inst: CompiledInstance, s: EvalState, human: HumanDecisions | undefined, recorded: Record<string, RecordedDecision> | undefined, opts: EvaluateOptions, trace: ExplanationEntry[] | undefined): void {
  const value = s.values[inst.slot];
  if (inst.limits) {
    const limited = applyLimits(inst.limits, value, s, inst.ranks ? (v) => inst.ranks!.get(v as string) : numericRank);
    s.values[inst.slot] = limited.value;
    for (const l of limited.capped) if (l.interpretation) s.interpretations.add(l.interpretation);
    if (trace) explainLimits(inst.id, inst.limits, value, limited, s, trace);
  }
  if (human && inst.takesRecordedDecision) s.values[inst.slot] = applyHumanDecision(inst, s, s.values[inst.slot], recordedDecision(recorded, inst.id), human, trace, opts.recordedEarlier?.includes(inst.id));
}

/**
 * Whether an action, schedule entry or warning applies, with its entry in the explanation: its
 * `when` is read once, for both. Should that throw, its `test` is read first, so the error is the
 * one an evaluation without explanation gives.
 */
function tracedOutcome(kind: 'action' | 'schedule' | 'warning', of: string, when: CompiledCondition, s: EvalState, trace: ExplanationEntry[]): boolean {
  const conditions = resultList(when);
  let fired: boolean;
  try { fired = when.fill(s, conditions, 0); } catch (e) { when.test(s); throw e; }
  trace.push(fired ? { kind, of, fired, conditions } : { kind, of, conditions });
  return fired;
}

/**
 * Per compiled pack, each judgement on the judgement scale by its rank; null when two share a rank
 * (then every judgement is read by its criterion's id).
 */
const judgementsByRank = new WeakMap<CompiledPack, readonly string[] | null>();

function judgementOfRank(c: CompiledPack): readonly string[] | null {
  let names = judgementsByRank.get(c);
  if (names === undefined) {
    const list: string[] = [];
    let distinct = true;
    for (const [name, rank] of c.judgementRanks) { if (list[rank] !== undefined) distinct = false; list[rank] = name; }
    names = distinct ? list : null;
    judgementsByRank.set(c, names);
  }
  return names;
}

/** The explanation of an evaluation: the judgements counts refer to, and its entries. */
function explanationOf(c: CompiledPack, s: EvalState, entries: ExplanationEntry[]): Explanation {
  const crit = c.index.criteria;
  if (crit.length === 0) return { format: 3, entries };
  const judgements = blankList<string | null>(crit.length);
  const byRank = judgementOfRank(c);
  const ranks = s.ranks;
  for (let i = 0; i < crit.length; i++) {
    // A judgement with a rank is the judgement of that rank (the check wrote the rank of the text
    // given): it need not be looked up by the criterion's id.
    const rank = ranks[i]!;
    const named = byRank !== null && rank >= 0 ? byRank[rank] : undefined;
    if (named !== undefined) { judgements[i] = named; continue; }
    // A judgement the check let through is text; anything else read here (`toString`'s function, for a
    // criterion of that name not judged) is no judgement.
    const j = s.judgements[crit[i]!.criterion.id];
    judgements[i] = typeof j === 'string' ? j : null;
  }
  return { format: 3, judgements, entries };
}
