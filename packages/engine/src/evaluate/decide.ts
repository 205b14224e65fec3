import { EvaluationError } from '../errors.js';
import type { DecisionResult, ExplanationEntry, LeafResult, RuleResult } from '../explain/explanation.js';
import type { CompiledInstance, CompiledRule } from '../compile/compile-pack.js';
import type { EvalState } from '../compile/eval-state.js';
import { showValue } from '../compile/compile-condition.js';
import { literalOutput } from './decide-output.js';

/** Which rules decided an instance: their ids, or `fallback`, or none (a gap). */
export interface Decided {
  value: unknown;
  /** Rules whose output made the value (several under `max`/`min`/`collect`). */
  matched: CompiledRule[];
  usedFallback: boolean;
}

/** Checks a computed output lies on the decision's scale; throws otherwise. */
function onScale(inst: CompiledInstance, v: unknown, rule: string): unknown {
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
  const written = inst.decision.rules;
  for (const r of inst.rules) {
    const conditions: LeafResult[] = [];
    const ok = r.when.results(s, conditions);
    const chosen = first && decided.matched.includes(r);
    // A rule that did not fire carries no `fired` (explanation format 3).
    const result: RuleResult = (first ? chosen : ok) ? { rule: r.id, fired: true, conditions } : { rule: r.id, conditions };
    // A computed output is given for rules that did not fire too, so a reader can name the band
    // a failed rule would have given ("what kept it from Gold").
    if (!literalOutput(written![r.position]?.output)) {
      try { const output = r.output(s); if (output !== undefined) result.output = output; } catch { /* not computable here */ }
    }
    rules.push(result);
    if (chosen) break;
  }
  const entry: DecisionResult = { kind: 'decision', of: inst.id, rules };
  if (decided.usedFallback && inst.fallback) entry.fallback = true;
  entries.push(entry);
}
