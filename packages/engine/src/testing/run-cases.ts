import type { Assessment, CaseAcceptance, CaseExpectation, Determination, Pack, PackCase } from '../types.js';
import type { CompiledPack } from '../compile/compile-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { ownMember } from '../compile/own-member.js';

/** The outcome of one pack case. */
export interface CaseResult {
  id: string;
  note: string;
  ok: boolean;
  /** What differed from the expectation, in plain words. */
  failures: string[];
  determination?: Determination;
  /** Who accepted the case's expected value after review, when it is not from the document. */
  accepted?: CaseAcceptance;
}

/** The outcome of a pack's cases: counts and each result. */
export interface CaseReport {
  passed: number;
  failed: number;
  results: CaseResult[];
}

/** The assessment a case describes, with `fillJudgements` applied. */
export function caseAssessment(pack: Pack, c: PackCase): Assessment {
  if (c.fillJudgements === undefined || !pack.framework) return c.input;
  const fills = typeof c.fillJudgements === 'string' ? { '*': c.fillJudgements } : c.fillJudgements;
  const judgements: Record<string, string> = {};
  for (const d of pack.framework.domains) {
    // A domain named as a property every object inherits (`toString`) takes the fill for all unless given its own.
    const j = ownMember(fills, d.id) ?? ownMember(fills, '*');
    for (const s of d.standards) for (const cr of s.criteria) if (j !== undefined) judgements[cr.id] = j;
  }
  Object.assign(judgements, c.input.judgements ?? {});
  return { ...c.input, judgements };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Compares a determination with a case's expectation; returns what differs. */
export function checkExpectation(d: Determination, want: CaseExpectation): string[] {
  const f: string[] = [];
  if (want.headline !== undefined && !same(d.headline.value, want.headline)) f.push(`headline: expected ${JSON.stringify(want.headline)}, got ${JSON.stringify(d.headline.value)}`);
  for (const [k, v] of Object.entries(want.decisions ?? {})) {
    if (!same(d.decisions[k], v)) f.push(`decision ${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(d.decisions[k])}`);
  }
  const actions = new Map(d.actions.map((a) => [a.id, a]));
  for (const w of want.actions ?? []) {
    const id = typeof w === 'string' ? w : w.id;
    const got = actions.get(id);
    if (!got) f.push(`action ${id}: expected, but not triggered`);
    else if (typeof w !== 'string' && w.due && got.due !== w.due) f.push(`action ${id}: expected due ${w.due}, got ${got.due}`);
  }
  if (want.actionsExact) {
    const wanted = new Set((want.actions ?? []).map((w) => (typeof w === 'string' ? w : w.id)));
    for (const a of d.actions) if (!wanted.has(a.id)) f.push(`action ${a.id}: triggered, but not expected`);
  }
  for (const id of want.noActions ?? []) if (actions.has(id)) f.push(`action ${id}: triggered, but expected not to be`);
  const warnings = new Set((d.warnings ?? []).map((w) => w.id));
  for (const id of want.warnings ?? []) if (!warnings.has(id)) f.push(`warning ${id}: expected, but not given`);
  for (const id of want.noWarnings ?? []) if (warnings.has(id)) f.push(`warning ${id}: given, but expected not to be`);
  const schedule = new Map(d.schedule.map((e) => [e.id, e]));
  for (const w of want.schedule ?? []) {
    const id = typeof w === 'string' ? w : w.id;
    const got = schedule.get(id);
    if (!got) { f.push(`schedule ${id}: expected, but not scheduled`); continue; }
    if (typeof w === 'string') continue;
    if (w.nextDue && got.nextDue !== w.nextDue) f.push(`schedule ${id}: expected next due ${w.nextDue}, got ${got.nextDue}`);
    if (w.everyMonths !== undefined && got.everyMonths !== w.everyMonths) f.push(`schedule ${id}: expected every ${w.everyMonths} months, got ${got.everyMonths ?? `${got.everyDays} days`}`);
    if (w.everyDays !== undefined && got.everyDays !== w.everyDays) f.push(`schedule ${id}: expected every ${w.everyDays} days, got ${got.everyDays ?? `${got.everyMonths} months`}`);
  }
  for (const id of want.noSchedule ?? []) if (schedule.has(id)) f.push(`schedule ${id}: scheduled, but expected not to be`);
  for (const [k, v] of Object.entries(want.scores ?? {})) if (d.scores[k] !== v) f.push(`score ${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(d.scores[k])}`);
  const interp = new Set(d.interpretations.map((i) => i.id));
  for (const id of want.interpretations ?? []) if (!interp.has(id)) f.push(`interpretation ${id}: expected to be relied on, but was not`);
  const proposals = new Map((d.proposals ?? []).map((p) => [p.decision, p]));
  for (const w of want.proposals ?? []) {
    const id = typeof w === 'string' ? w : w.decision;
    const got = proposals.get(id);
    if (!got) { f.push(`proposal ${id}: expected a person's decision to be asked for, but none was`); continue; }
    if (typeof w === 'string') continue;
    if (w.proposed !== undefined && !same(got.proposed, w.proposed)) f.push(`proposal ${id}: expected ${JSON.stringify(w.proposed)} proposed, got ${JSON.stringify(got.proposed)}`);
    if (w.role !== undefined && got.role !== w.role) f.push(`proposal ${id}: expected ${w.role} to decide, got ${got.role}`);
    if (w.due !== undefined && got.due !== w.due) f.push(`proposal ${id}: expected a decision by ${w.due}, got ${got.due ?? 'no date'}`);
  }
  for (const id of want.noProposals ?? []) if (proposals.has(id)) f.push(`proposal ${id}: a person's decision was asked for, but expected not to be`);
  if (want.pending !== undefined && (d.headline.pending === true) !== want.pending) f.push(`headline: expected ${want.pending ? '' : 'not '}to wait on a person's decision`);
  return f;
}

/** Runs one case: evaluates its input and compares with `want` / `wantError`. */
export function runCase(compiled: CompiledPack, c: PackCase): CaseResult {
  const base = { id: c.id, note: c.note, ...(c.accepted ? { accepted: c.accepted } : {}) };
  let d: Determination;
  try {
    d = evaluate(compiled, caseAssessment(compiled.pack, c), c.asOf ? { asOf: c.asOf } : {});
  } catch (err) {
    const message = (err as Error).message;
    if (c.wantError !== undefined && message.includes(c.wantError)) return { ...base, ok: true, failures: [] };
    return { ...base, ok: false, failures: [c.wantError !== undefined ? `expected an error containing "${c.wantError}", got: ${message}` : `evaluation failed: ${message}`] };
  }
  if (c.wantError !== undefined) return { ...base, ok: false, failures: [`expected an error containing "${c.wantError}", but the assessment was evaluated`], determination: d };
  const failures = checkExpectation(d, c.want ?? {});
  return { ...base, ok: failures.length === 0, failures, determination: d };
}

/**
 * Runs a pack's cases (or the ones given) and reports how many passed.
 * @example
 * const { passed, failed } = runCases(compiled);
 */
export function runCases(compiled: CompiledPack, cases: PackCase[] = compiled.pack.cases ?? []): CaseReport {
  const results = cases.map((c) => runCase(compiled, c));
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, results };
}
