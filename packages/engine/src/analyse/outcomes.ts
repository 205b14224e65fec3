import type { CompiledInstance, CompiledPack } from '../compile/compile-pack.js';
import type { CompiledCondition } from '../compile/compile-condition.js';
import type { Condition } from '../types.js';
import { FindingCollector } from './finding-collector.js';
import type { FindingExample } from './analyse.js';
import { inputSpace, type Dimension, type DimensionOption } from './input-space.js';
import { analysisState, walkSpace } from './walk-space.js';
import { finite } from './scale-value.js';
import { derivedDecisions, type DerivedDecisions } from './derived-decisions.js';

/**
 * What an outcome finding is about: an action or schedule entry that can never fire, one that
 * fires whatever the inputs (a note: often meant, as "always"), or two schedule entries for
 * one activity that can both fire (two visit cycles for one thing).
 */
export type OutcomeFindingKind = 'never-fires' | 'always-fires' | 'conflicting-schedule';

/** Actions (`outcomes.actions`) or schedule entries (`outcomes.schedule`). */
export type OutcomeOf = 'action' | 'schedule';

/** One finding about the pack's outcomes, with the inputs it covers in the council's words. */
export interface OutcomeFinding {
  kind: OutcomeFindingKind;
  of: OutcomeOf;
  /** The action or schedule entry's id; for a conflict, both ids joined by " + ". */
  outcome: string;
  /** Plain-words summary. */
  message: string;
  /** True for a note (always-fires): worth reading, nothing to acknowledge. */
  note?: boolean;
  /** Concrete input combinations in total (for a conflict, where both fire). */
  count: number;
  examples: FindingExample[];
  more: number;
  varies?: string;
}

/** A decision an outcome reads, and the values of it under which the outcome can fire. */
export interface FiresWhen {
  /** The decision's title (and domain), as the pack names it. */
  decision: string;
  /** Its values (in the pack's words) where the outcome can fire, in the scale's order. */
  values: string[];
  /** True when it can fire at every value the decision can be read at. */
  any: boolean;
}

/** The analysis of one action or schedule entry over the inputs its condition reads. */
export interface OutcomeAnalysis {
  outcome: string;
  of: OutcomeOf;
  label: string;
  /** Schedule entries: the activity they schedule. */
  activity?: string;
  /** True when every point of its input space was checked. */
  exhaustive: boolean;
  points: number;
  combinations: number;
  /** Input combinations under which it fires. */
  fires: number;
  dimensions: string[];
  notes: string[];
  /** Per decision its condition reads: the values under which it can fire. */
  firesWhen: FiresWhen[];
}

/** The analysis of a pack's actions and schedule. */
export interface OutcomesReport {
  /** True when every outcome's input space (and every pair compared) was checked whole. */
  exhaustive: boolean;
  outcomes: OutcomeAnalysis[];
  findings: OutcomeFinding[];
  /** How the decisions outcomes read were varied. */
  notes: string[];
}

/** How decisions read by outcomes are varied, said once per report. */
export const OUTCOME_DECISIONS_NOTE = 'each decision an outcome reads is taken at every value it can be read at, independently of the facts and of other decisions, except a decision worked out from other inputs the outcome reads, which is computed from them as evaluation would (derived-decisions.ts): an outcome found never to fire never does, and one found always to fire always does; two schedule entries found to fire together may need inputs the decisions never give together (the examples show which)';

/** An outcome's condition as the analyser reads a decision: one rule with that condition (nothing compiled here is evaluated). */
function asDecision(whens: Condition[]): CompiledInstance {
  return { id: 'outcome', decision: { label: 'outcome', scale: '', rules: whens.map((when, i) => ({ id: `when-${i}`, when, output: null, source: { doc: '', section: '' } })) }, instance: { domainIndex: -1 } } as unknown as CompiledInstance;
}

/** The decisions a dimension varies (by instance id), or undefined when it varies no decision. */
function decisionOf(c: CompiledPack, d: Dimension): CompiledInstance | undefined {
  const keys = (d.reads ?? []).filter((k) => k.startsWith('v:')).map((k) => k.slice(2));
  if (keys.length !== 1 || d.reads!.length !== 1) return undefined;
  return c.instances.find((ci) => ci.id === keys[0]);
}

interface Outcome { id: string; of: OutcomeOf; label: string; activity?: string; when: Condition; compiled: CompiledCondition }

function outcomesOf(c: CompiledPack): Outcome[] {
  const actions = c.pack.outcomes.actions ?? [];
  const schedule = c.pack.outcomes.schedule ?? [];
  return [
    ...actions.map((a, i) => ({ id: a.id, of: 'action' as const, label: a.label, when: a.when, compiled: c.actions[i]!.when })),
    ...schedule.map((s, i) => ({ id: s.id, of: 'schedule' as const, label: s.label, activity: s.activity, when: s.when, compiled: c.schedule[i]!.when })),
  ];
}

/** The words of a point: every dimension's option, in order. */
const wordsOf = (current: readonly DimensionOption[]): string => current.map((o) => o.words).filter(Boolean).join('; ');

/** What the space of one condition gives, the same for every outcome with that condition. */
interface Firing { exhaustive: boolean; points: number; combinations: number; fires: number; firedPoints: number; dimensions: string[]; notes: string[]; firesWhen: FiresWhen[] }

/**
 * The input space of outcome conditions, with each decision derived from the space's other
 * inputs computed from them rather than varied (`derived-decisions.ts`): a schedule entry reading
 * a band and the domain ratings it is worked out from never sees a band those ratings cannot give.
 */
function outcomeSpace(c: CompiledPack, whens: Condition[]): DerivedDecisions {
  const inst = asDecision(whens);
  return derivedDecisions(c, inst, inputSpace(c, inst));
}

/** A derived decision's title, as a varied decision's dimension names it. */
const derivedLabel = (x: CompiledInstance): string => (x.instance.domain ? `${x.decision.label} (${x.instance.domain.title})` : x.decision.label);

/** Where a condition fires over its input space (`o.compiled` is its compiled form). */
function firing(c: CompiledPack, o: Outcome): Firing {
  const derived = outcomeSpace(c, [o.when]);
  const dims = derived.dims;
  const state = analysisState(c);
  // A derived decision's values where the outcome fires, and wherever it is computed.
  const derivedAt = derived.instances.map((x) => ({ x, fired: new Set<unknown>(), seen: new Set<unknown>() }));
  const decisionDims = dims.map((d, i) => ({ i, d, inst: decisionOf(c, d) })).filter((x) => x.inst);
  const firedAt = decisionDims.map(() => new Set<number>());
  let fires = 0;
  let firedPoints = 0;
  const walk = walkSpace(dims, state, o.id, (_current, choice, weight) => {
    for (const d of derivedAt) d.seen.add(state.values[d.x.slot]);
    if (!o.compiled.test(state)) return;
    fires += weight;
    firedPoints++;
    decisionDims.forEach((x, k) => firedAt[k]!.add(choice[x.i]!));
    for (const d of derivedAt) d.fired.add(state.values[d.x.slot]);
  }, derived.derive);
  const exhaustive = walk.enumerated && dims.every((d) => d.exhaustive);
  const notes = [...dims.filter((d) => !d.exhaustive && d.note).map((d) => d.note!), ...(walk.note ? [walk.note] : [])];
  const firesWhen = decisionDims.map(({ d }, k) => {
    const at = [...firedAt[k]!].sort((a, b) => a - b);
    const values = at.map((i) => { const w = d.option(i).words; return w.startsWith(`${d.name} `) ? w.slice(d.name.length + 1) : w; });
    return { decision: d.name, values, any: at.length === d.size };
  });
  for (const { x, fired, seen } of derivedAt) {
    const rank = (v: unknown): number => (v === undefined || v === null ? -1 : x.ranks?.get(v as string) ?? (typeof v === 'number' ? v : 0));
    const values = [...fired].sort((a, b) => rank(a) - rank(b)).map((v) => (v === undefined || v === null ? 'undecided' : String(v)));
    firesWhen.push({ decision: derivedLabel(x), values, any: fired.size === seen.size });
  }
  return { exhaustive, points: walk.points, combinations: finite(walk.combinations), fires: finite(fires), firedPoints, dimensions: dims.map((d) => `${d.name} (${d.size})`), notes, firesWhen };
}

/** One outcome's analysis and finding; outcomes with the same condition share its space's (`memo`, by the condition's JSON). */
function analyseOutcome(c: CompiledPack, o: Outcome, memo: Map<string, Firing>): { analysis: OutcomeAnalysis; finding?: OutcomeFinding } {
  const key = JSON.stringify(o.when);
  const f = memo.get(key) ?? firing(c, o);
  memo.set(key, f);
  const { firedPoints, exhaustive, fires, points } = f;
  const analysis: OutcomeAnalysis = {
    outcome: o.id, of: o.of, label: o.label, ...(o.activity !== undefined ? { activity: o.activity } : {}),
    exhaustive, points, combinations: f.combinations, fires, dimensions: [...f.dimensions], notes: [...f.notes],
    firesWhen: f.firesWhen.map((w) => ({ ...w, values: [...w.values] })),
  };
  const what = o.of === 'action' ? `action "${o.id}"` : `schedule entry "${o.id}"`;
  const qualifier = exhaustive ? '' : ` in the ${points.toLocaleString('en-GB')} points checked (not exhaustive)`;
  const base = { of: o.of, outcome: o.id, examples: [], more: 0 };
  if (firedPoints === 0) return { analysis, finding: { ...base, kind: 'never-fires', message: `${what} never fires${qualifier}: no inputs meet its condition`, count: 0 } };
  if (firedPoints === points) return { analysis, finding: { ...base, kind: 'always-fires', note: true, message: `${what} fires whatever the inputs${qualifier}: its condition always holds`, count: finite(fires) } };
  return { analysis };
}

/** Two schedule entries for one activity: where both fire, grouped as one finding. */
function conflict(c: CompiledPack, a: Outcome, b: Outcome): { finding?: OutcomeFinding; exhaustive: boolean; notes: string[] } {
  const derived = outcomeSpace(c, [a.when, b.when]);
  const dims = derived.dims;
  const state = analysisState(c);
  const collector = new FindingCollector<OutcomeFinding>(dims);
  const head = { kind: 'conflicting-schedule' as const, of: 'schedule' as const, outcome: `${a.id} + ${b.id}`, message: `schedule entries "${a.id}" and "${b.id}" both schedule "${a.activity}" for the same inputs: two cycles of one activity` };
  const walk = walkSpace(dims, state, head.outcome, (current, choice, weight) => {
    if (a.compiled.test(state) && b.compiled.test(state)) collector.add('both', head, current, choice, () => wordsOf(current), weight);
  }, derived.derive);
  const exhaustive = walk.enumerated && dims.every((d) => d.exhaustive);
  const notes = walk.note ? [`${head.outcome}: ${walk.note}`] : [];
  return { finding: collector.findings()[0], exhaustive, notes };
}

/**
 * Analyses a pack's actions and schedule entries over the inputs their conditions read (the
 * decisions' values among them, see `OUTCOME_DECISIONS_NOTE`): which can never fire, which fire
 * whatever the inputs, which two entries for one activity can fire together, and per outcome the
 * decision values under which it fires. Exhaustive where every space is finite; sampled, and
 * said so, where not.
 * @example
 * analyseOutcomes(compilePack(pack)).findings // [{ kind: 'never-fires', outcome: 'iap-review', ... }]
 */
export function analyseOutcomes(c: CompiledPack): OutcomesReport {
  const all = outcomesOf(c);
  const memo = new Map<string, Firing>();
  const results = all.map((o) => analyseOutcome(c, o, memo));
  const findings: OutcomeFinding[] = results.flatMap((r) => (r.finding ? [r.finding] : []));
  let exhaustive = results.every((r) => r.analysis.exhaustive);
  const notes = [OUTCOME_DECISIONS_NOTE];
  // Entries that never fire conflict with nothing.
  const never = new Set(findings.filter((f) => f.kind === 'never-fires').map((f) => f.outcome));
  const byActivity = new Map<string, Outcome[]>();
  for (const o of all) if (o.of === 'schedule' && !never.has(o.id)) byActivity.set(o.activity!, [...(byActivity.get(o.activity!) ?? []), o]);
  for (const entries of byActivity.values()) {
    for (let i = 0; i < entries.length; i++) for (let j = i + 1; j < entries.length; j++) {
      const r = conflict(c, entries[i]!, entries[j]!);
      if (r.finding) findings.push(r.finding);
      exhaustive &&= r.exhaustive;
      notes.push(...r.notes);
    }
  }
  return { exhaustive, outcomes: results.map((r) => r.analysis), findings, notes };
}
