import { EvaluationError } from '../errors.js';
import type { HitPolicy } from '../types.js';
import type { CompiledInstance, CompiledRule } from '../compile/compile-pack.js';
import type { EvalState } from '../compile/eval-state.js';
import { showValue } from '../compile/compile-condition.js';
import { SPECIALISED_MOST, specialised, unpack } from '../compile/specialised.js';

/**
 * An instance's value without an explanation: its hit policy applied to its rules (what
 * `decideInstance` gives), the interpretations of the rules that made it (or of the fallback)
 * added to the state, and an `EvaluationError` for a gap (no rule matched, no fallback).
 */
export type DecideValue = (s: EvalState) => unknown;

/** A compiled instance before its `decide` is chosen (what this file reads of it). */
export type Instance = Omit<CompiledInstance, 'decide'>;

/** A rule's output checked against the decision's scale (`onScale`): the value, or a throw. */
type Checked = (s: EvalState) => unknown;

/**
 * Chooses, once per instance at compile time, the function that decides it for its hit policy
 * (first, max, min, collect, unique), rather than branching on the policy in every evaluation.
 * It gives what `decideInstance` gives, throws what it throws, in the same order, and adds the
 * interpretations the evaluation adds for it.
 */
export function decideValueOf(inst: Instance): DecideValue {
  const make = DECIDE_BY_POLICY[inst.policy];
  return make(inst, inst.rules.map((r) => r.when.test), inst.rules.map((r) => checkedOutput(inst, r)), fallbackOf(inst));
}

type Make = (inst: Instance, tests: ((s: EvalState) => boolean)[], outputs: Checked[], fallback: DecideValue) => DecideValue;

const DECIDE_BY_POLICY: Record<HitPolicy, Make> = {
  first: (inst, tests, outputs, fallback) => firstMatch(inst.rules.map((r) => r.interpretation), tests, outputs, fallback),
  max: (inst, tests, outputs, fallback) => extreme(inst, tests, outputs, fallback, true),
  min: (inst, tests, outputs, fallback) => extreme(inst, tests, outputs, fallback, false),
  collect: (inst, tests, outputs, fallback) => (s) => {
    const matched = matching(tests, s);
    if (!matched.length) return fallback(s);
    const values = matched.map((i) => outputs[i]!(s));
    relied(inst.rules, matched, s);
    return values;
  },
  unique: (inst, tests, outputs, fallback) => (s) => {
    const matched = matching(tests, s);
    if (matched.length > 1) throw new EvaluationError(inst.id, `rules "${matched.map((i) => inst.rules[i]!.id).join('", "')}" all match, but the hit policy is unique.`);
    if (!matched.length) return fallback(s);
    const v = outputs[matched[0]!]!(s);
    relied(inst.rules, matched, s);
    return v;
  },
};

/**
 * `first`: the first matching rule's output, its interpretation added. Made as code of its own
 * (`specialised.ts`), a rule after another, each test and output called from a call site that sees
 * only it: `if (t0(s)) { const v = o0(s); s.interpretations.add(i0); return v; } ... return fallback(s);`.
 */
function firstMatch(interpretations: (string | undefined)[], tests: ((s: EvalState) => boolean)[], outputs: Checked[], fallback: DecideValue): DecideValue {
  if (tests.length > SPECIALISED_MOST) {
    // A decision of very many rules (a table of thousands of rows) is read by a loop: code of that size would not be optimised.
    return (s) => {
      for (let i = 0; i < tests.length; i++) {
        if (!tests[i]!(s)) continue;
        const v = outputs[i]!(s);
        const interpretation = interpretations[i];
        if (interpretation) s.interpretations.add(interpretation);
        return v;
      }
      return fallback(s);
    };
  }
  let code = `${unpack('t', 'T', tests.length)} ${unpack('o', 'O', outputs.length)} ${unpack('i', 'I', interpretations.length)} const fallback = F; return function decide(s) {`;
  for (let i = 0; i < tests.length; i++) code += ` if (t${i}(s)) { const v = o${i}(s);${interpretations[i] ? ` s.interpretations.add(i${i});` : ''} return v; }`;
  code += ' return fallback(s); };';
  return specialised<DecideValue>(['T', 'O', 'I', 'F'], code, [tests, outputs, interpretations, fallback]);
}

/** `max` and `min`: the matching rule whose value ranks highest (lowest), the first of equals. */
function extreme(inst: Instance, tests: ((s: EvalState) => boolean)[], outputs: Checked[], fallback: DecideValue, max: boolean): DecideValue {
  const ranks = inst.ranks;
  const rules = inst.rules;
  // The matching rules are listed only when one of them could bring an interpretation.
  const interpreted = rules.some((r) => r.interpretation);
  if (tests.length <= SPECIALISED_MOST) {
    // Written as code of its own (`specialised.ts`), a rule after another, as `firstMatch` is.
    const rank = ranks ? (v: unknown): number => ranks.get(v as string)! : (v: unknown): number => v as number;
    let code = `${unpack('t', 'T', tests.length)} ${unpack('o', 'O', outputs.length)} const rank = RANK, relied = RELIED, rules = RULES, fallback = F;`;
    code += ` return function decide(s) { let found = false, best, bestRank = 0, v, k; const matched = ${interpreted ? '[]' : 'undefined'};`;
    for (let i = 0; i < tests.length; i++) {
      code += ` if (t${i}(s)) { v = o${i}(s); k = rank(v);${interpreted ? ` matched.push(${i});` : ''} if (!found || k ${max ? '>' : '<'} bestRank) { found = true; best = v; bestRank = k; } }`;
    }
    code += ` if (!found) return fallback(s);${interpreted ? ' relied(rules, matched, s);' : ''} return best; };`;
    return specialised<DecideValue>(['T', 'O', 'RANK', 'RELIED', 'RULES', 'F'], code, [tests, outputs, rank, relied, rules, fallback]);
  }
  return (s) => {
    let found = false;
    let bestValue: unknown;
    let bestRank = 0;
    const matched: number[] | undefined = interpreted ? [] : undefined;
    for (let i = 0; i < tests.length; i++) {
      if (!tests[i]!(s)) continue;
      const v = outputs[i]!(s);
      const k = ranks ? ranks.get(v as string)! : (v as number);
      matched?.push(i);
      if (!found || (max ? k > bestRank : k < bestRank)) { found = true; bestValue = v; bestRank = k; }
    }
    if (!found) return fallback(s);
    if (matched) relied(rules, matched, s);
    return bestValue;
  };
}

/** The positions of the rules whose conditions hold, every test made before any output is read. */
function matching(tests: ((s: EvalState) => boolean)[], s: EvalState): number[] {
  const matched: number[] = [];
  for (let i = 0; i < tests.length; i++) if (tests[i]!(s)) matched.push(i);
  return matched;
}

function relied(rules: CompiledRule[], matched: number[], s: EvalState): void {
  for (const i of matched) { const interpretation = rules[i]!.interpretation; if (interpretation) s.interpretations.add(interpretation); }
}

/** When no rule matched: the fallback's value and interpretation, else the gap's error. */
function fallbackOf(inst: Instance): DecideValue {
  const fb = inst.fallback;
  if (!fb) return () => { throw new EvaluationError(inst.id, 'no rule matched and the decision has no fallback.'); };
  const collect = inst.policy === 'collect';
  const output = fb.output;
  const interpretation = fb.interpretation;
  return (s) => {
    const v = output(s);
    const value = collect && !Array.isArray(v) ? (v === undefined || v === null ? [] : [v]) : onScale(inst, v, 'fallback');
    if (interpretation) s.interpretations.add(interpretation);
    return value;
  };
}

/**
 * A rule's output, checked against the scale as it is read (`onScale`). An output the pack
 * writes as a literal (its reader gives that value whatever the state) is checked once, here:
 * on the scale, it needs no check when read; off it, it is checked (and refused) when read.
 */
function checkedOutput(inst: Instance, r: CompiledRule): Checked {
  const output = r.output;
  const id = r.id;
  if (!checksScale(inst)) return output;
  if (!r.computedOutput && onScaleAlready(inst, output(undefined as unknown as EvalState), id)) return output;
  return (s) => onScale(inst, output(s), id);
}

/** Whether a value is on the instance's scale (`onScale` does not throw). */
function onScaleAlready(inst: Instance, v: unknown, rule: string): boolean {
  try { onScale(inst, v, rule); return true; } catch { return false; }
}

/** Whether `onScale` checks anything for this instance (not under `collect`, not on a scale of neither kind). */
function checksScale(inst: Instance): boolean {
  return inst.ranks ? inst.policy !== 'collect' : inst.numeric !== undefined;
}

/** Checks a computed output lies on the decision's scale; throws otherwise. */
export function onScale(inst: Instance, v: unknown, rule: string): unknown {
  if (inst.ranks) {
    if (inst.policy === 'collect') return v;
    if (typeof v !== 'string' || !inst.ranks.has(v)) throw new EvaluationError(inst.id, `rule "${rule}" gave ${showValue(v)}, which is not on the scale "${inst.decision.scale}".`);
  } else if (inst.numeric) {
    const n = inst.numeric;
    if (typeof v !== 'number' || v < n.min || v > n.max || (n.integer && !Number.isInteger(v))) {
      throw new EvaluationError(inst.id, `rule "${rule}" gave ${showValue(v)}, which is not on the numeric scale "${inst.decision.scale}" (${n.min}..${n.max}).`);
    }
  }
  return v;
}
