import { EvaluationError } from '../errors.js';
import type { DecisionResult, ExplanationEntry, LeafResult, RuleResult } from '../explain/explanation.js';
import type { CompiledInstance, CompiledRule } from '../compile/compile-pack.js';
import type { EvalState } from '../compile/eval-state.js';
import { resultList } from '../compile/compile-condition.js';
import { onScale } from './decide-value.js';

/** Which rules decided an instance: their ids, or `fallback`, or none (a gap). */
export interface Decided {
  value: unknown;
  /** Rules whose output made the value (several under `max`/`min`/`collect`). */
  matched: CompiledRule[];
  usedFallback: boolean;
}

/**
 * Applies a decision's hit policy to its rules. Returns `undefined` as the value and no
 * matches when no rule matches and there is no fallback (a gap); the caller decides whether
 * that is an error.
 */
export function decideInstance(inst: CompiledInstance, s: EvalState): Decided {
  const rules = inst.rules;
  switch (inst.policy) {
    case 'first': {
      for (const r of rules) if (r.when.test(s)) return { value: onScale(inst, r.output(s), r.id), matched: [r], usedFallback: false };
      break;
    }
    case 'max':
    case 'min': {
      let best: CompiledRule | undefined;
      let bestValue: unknown;
      let bestRank = 0;
      const rank = inst.ranks ? (v: unknown) => inst.ranks!.get(v as string)! : (v: unknown) => v as number;
      const matched: CompiledRule[] = [];
      for (const r of rules) {
        if (!r.when.test(s)) continue;
        const v = onScale(inst, r.output(s), r.id);
        const k = rank(v);
        matched.push(r);
        if (best === undefined || (inst.policy === 'max' ? k > bestRank : k < bestRank)) { best = r; bestValue = v; bestRank = k; }
      }
      if (best) return { value: bestValue, matched: [best, ...matched.filter((m) => m !== best)], usedFallback: false };
      break;
    }
    case 'collect': {
      const matched = rules.filter((r) => r.when.test(s));
      if (matched.length) return { value: matched.map((r) => onScale(inst, r.output(s), r.id)), matched, usedFallback: false };
      break;
    }
    case 'unique': {
      const matched = rules.filter((r) => r.when.test(s));
      if (matched.length > 1) throw new EvaluationError(inst.id, `rules "${matched.map((r) => r.id).join('", "')}" all match, but the hit policy is unique.`);
      if (matched.length === 1) return { value: onScale(inst, matched[0]!.output(s), matched[0]!.id), matched, usedFallback: false };
      break;
    }
  }
  return fallbackOf(inst, s);
}

/** When no rule matched: the fallback's value, or `undefined` and no matches (a gap) when there is none. */
function fallbackOf(inst: CompiledInstance, s: EvalState): Decided {
  if (inst.fallback) {
    const v = inst.fallback.output(s);
    return { value: inst.policy === 'collect' && !Array.isArray(v) ? (v === undefined || v === null ? [] : [v]) : onScale(inst, v, 'fallback'), matched: [], usedFallback: true };
  }
  return { value: undefined, matched: [], usedFallback: false };
}

/**
 * Explains an instance's decision as data, appending to `entries`: the rules considered in
 * order (under `first`, up to the one that fired), each with its leaves' results, and whether
 * the fallback gave the value.
 */
export function explainInstance(inst: CompiledInstance, s: EvalState, decided: Decided, entries: ExplanationEntry[]): void {
  const rules: RuleResult[] = [];
  const first = inst.policy === 'first';
  for (const r of inst.rules) {
    const conditions = resultList(r.when);
    const ok = r.when.fill(s, conditions, 0);
    const chosen = first && decided.matched.includes(r);
    rules.push(ruleResult(r, s, first ? chosen : ok, conditions, undefined));
    if (chosen) break;
  }
  entries.push(decisionEntry(inst, rules, decided.usedFallback));
}

/**
 * A rule's entry in an explanation. A rule that did not fire carries no `fired` (explanation
 * format 3). A computed output is given for rules that did not fire too, so a reader can name
 * the band a failed rule would have given ("what kept it from Gold"); `output` is the value
 * already computed for a rule that fired, else it is computed here when it can be.
 */
function ruleResult(r: CompiledRule, s: EvalState, fired: boolean, conditions: LeafResult[], output: { value: unknown } | undefined): RuleResult {
  const result: RuleResult = fired ? { rule: r.id, fired: true, conditions } : { rule: r.id, conditions };
  if (r.computedOutput) {
    if (output) { if (output.value !== undefined) result.output = output.value; }
    else {
      try { const v = r.output(s); if (v !== undefined) result.output = v; } catch { /* not computable here */ }
    }
  }
  if (r.banded) {
    // A band output: the number it banded, so an explanation can say how far it is from the next band.
    try { const n = r.banded(s); if (typeof n === 'number') result.banded = n; } catch { /* not a number: the output's own error says so */ }
  }
  return result;
}

function decisionEntry(inst: CompiledInstance, rules: RuleResult[], usedFallback: boolean): DecisionResult {
  const entry: DecisionResult = { kind: 'decision', of: inst.id, rules };
  if (usedFallback && inst.fallback) entry.fallback = true;
  return entry;
}

/**
 * Decides an instance and explains it (`decideInstance` then `explainInstance`), giving its value
 * and adding the interpretations it relied on, in one pass
 * over the rules under `first`: each rule's leaves are read once, for its result and its
 * explanation together. When anything throws, the two passes are made instead, so the error is
 * the one `decideInstance` gives first.
 */
export function decideExplained(inst: CompiledInstance, s: EvalState, entries: ExplanationEntry[]): unknown {
  if (inst.policy === 'first') {
    let decided: Decided | undefined;
    // Its entry is added last, once nothing more can throw; should anything throw, it is made again in two passes below, for its error.
    try { decided = decideFirstExplained(inst, s, entries); } catch { /* below */ }
    if (decided) return relyOn(inst, s, decided);
  }
  const decided = decideInstance(inst, s);
  explainInstance(inst, s, decided, entries);
  return relyOn(inst, s, decided);
}

/**
 * A decided instance's value, with the interpretations of the rules that made it (or of its
 * fallback) added to the state; an `EvaluationError` for a gap (no rule matched, no fallback).
 */
function relyOn(inst: CompiledInstance, s: EvalState, d: Decided): unknown {
  if (d.value === undefined && !d.usedFallback && d.matched.length === 0) {
    throw new EvaluationError(inst.id, 'no rule matched and the decision has no fallback.');
  }
  for (const r of d.matched) if (r.interpretation) s.interpretations.add(r.interpretation);
  if (d.usedFallback && inst.fallback?.interpretation) s.interpretations.add(inst.fallback.interpretation);
  return d.value;
}

/** {@link decideInstance} under `first` with its explanation, in one pass: its entry added to `entries` last. */
function decideFirstExplained(inst: CompiledInstance, s: EvalState, entries: ExplanationEntry[]): Decided {
  const rules: RuleResult[] = [];
  for (const r of inst.rules) {
    const conditions = resultList(r.when);
    if (!r.when.fill(s, conditions, 0)) { rules.push(ruleResult(r, s, false, conditions, undefined)); continue; }
    const value = onScale(inst, r.output(s), r.id);
    rules.push(ruleResult(r, s, true, conditions, { value }));
    entries.push(decisionEntry(inst, rules, false));
    return { value, matched: [r], usedFallback: false };
  }
  const decided = fallbackOf(inst, s);
  entries.push(decisionEntry(inst, rules, decided.usedFallback));
  return decided;
}
