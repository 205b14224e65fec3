import type { Condition, CustomOperator, LeafCondition } from '../types.js';
import type { EvalState, Getter } from './eval-state.js';
import { compileFact, type CompileScope } from './compile-fact.js';
import { OPERATOR_WORDS, PLAIN_OPERATORS, SCALE_OPERATORS, scaleOperator } from './operators.js';

/** Result of explaining a condition: whether it holds, and why in plain words. */
export interface Explanation {
  ok: boolean;
  lines: string[];
}

/** A compiled condition: a fast test, and a slower explanation of the same test. */
export interface CompiledCondition {
  test: (s: EvalState) => boolean;
  explain: (s: EvalState) => Explanation;
}

/** Renders a value for explanations: strings bare, lists joined, missing as "not recorded". */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return 'not recorded';
  if (Array.isArray(v)) return v.map(showValue).join(', ');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Replaces `{ "param": name }` by the current domain's parameter. */
export function resolveParam(name: string, scope: CompileScope): unknown {
  return scope.index.domains[scope.domainIndex]?.parameters?.[name];
}

/**
 * Compiles a json-rules-engine condition into closures. Semantics follow json-rules-engine
 * (with `allowUndefinedFacts`), including that `all` and `any` of nothing both hold.
 */
export function compileCondition(c: Condition, scope: CompileScope): CompiledCondition {
  if ('all' in c) {
    const parts = c.all.map((x) => compileCondition(x, scope));
    const tests = parts.map((p) => p.test);
    return {
      test: (s) => { for (const t of tests) if (!t(s)) return false; return true; },
      explain: (s) => {
        const results = parts.map((p) => p.explain(s));
        const ok = results.every((r) => r.ok);
        const lines = (ok ? results : results.filter((r) => !r.ok)).flatMap((r) => r.lines);
        return { ok, lines: c.label ? [`${c.label}: ${ok ? 'yes' : 'no'}`, ...lines.map((l) => `  ${l}`)] : lines };
      },
    };
  }
  if ('any' in c) {
    const parts = c.any.map((x) => compileCondition(x, scope));
    const tests = parts.map((p) => p.test);
    return {
      // json-rules-engine treats an empty `any` as true, like an empty `all`.
      test: tests.length === 0 ? () => true : (s) => { for (const t of tests) if (t(s)) return true; return false; },
      explain: (s) => {
        const results = parts.map((p) => p.explain(s));
        const ok = results.length === 0 || results.some((r) => r.ok);
        const shown = ok ? results.filter((r) => r.ok) : results;
        const lines = shown.flatMap((r) => r.lines);
        const head = c.label ?? (ok ? 'one of these holds' : 'none of these holds');
        return { ok, lines: [`${head}:`, ...lines.map((l) => `  ${l}`)] };
      },
    };
  }
  if ('not' in c) {
    const inner = compileCondition(c.not, scope);
    return {
      test: (s) => !inner.test(s),
      explain: (s) => {
        const r = inner.explain(s);
        return { ok: !r.ok, lines: [`${c.label ?? 'it is not the case that'}:`, ...r.lines.map((l) => `  ${l}`)] };
      },
    };
  }
  return compileLeaf(c as LeafCondition, scope);
}

function compileLeaf(leaf: LeafCondition, scope: CompileScope): CompiledCondition {
  const fact = compileFact(leaf.fact, resolveParams(leaf.params, scope), leaf.path, scope);
  let value: Getter;
  let valueText: (s: EvalState) => string;
  const raw = leaf.value;
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as { fact?: unknown }).fact === 'string') {
    const r = raw as { fact: string; params?: Record<string, unknown>; path?: string };
    const other = compileFact(r.fact, resolveParams(r.params, scope), r.path, scope);
    value = other.get;
    valueText = (s) => `${showValue(other.get(s))} (${other.label})`;
  } else if (raw && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as { param?: unknown }).param === 'string') {
    const v = resolveParam((raw as { param: string }).param, scope);
    value = () => v;
    valueText = () => showValue(v);
  } else {
    value = () => raw;
    valueText = () => showValue(raw);
  }
  const op = operatorFor(leaf.operator, fact.scale, scope);
  const get = fact.get;
  const words = OPERATOR_WORDS[leaf.operator] ?? leaf.operator;
  const label = leaf.label;
  const countWords = COUNT_WORDS[leaf.operator];
  return {
    test: (s) => op(get(s), value(s)),
    explain: (s) => {
      const actual = get(s);
      const ok = op(actual, value(s));
      if (fact.count && countWords) {
        const what = `${label ? `${label}: ` : ''}${countWords} ${valueText(s)} ${fact.label}`;
        return { ok, lines: [ok ? `${what}: yes, ${showValue(actual)}` : `needs ${what}; ${showValue(actual)} ${actual === 1 ? 'was' : 'were'}`] };
      }
      const what = label ?? `${fact.label} ${words} ${valueText(s)}`;
      return { ok, lines: [ok ? `${what}: yes (${showValue(actual)})` : `${what}: no, it was ${showValue(actual)}`] };
    },
  };
}

/** How a comparison of a count reads: "at least 12 criteria ...". */
const COUNT_WORDS: Readonly<Record<string, string>> = {
  greaterThanInclusive: 'at least', greaterThan: 'more than', lessThanInclusive: 'at most',
  lessThan: 'fewer than', equal: 'exactly', notEqual: 'other than',
};

function resolveParams(params: Record<string, unknown> | undefined, scope: CompileScope): Record<string, unknown> | undefined {
  if (!params) return params;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { param?: unknown }).param === 'string'
      ? resolveParam((v as { param: string }).param, scope)
      : v;
  }
  return out;
}

/** The operator function for a leaf: plain, by scale order, or a plugin's. */
export function operatorFor(name: string, scale: string | undefined, scope: CompileScope): CustomOperator {
  if (SCALE_OPERATORS.has(name)) return scaleOperator(name, scale ? scope.index.ranks.get(scale) : undefined);
  const op = PLAIN_OPERATORS[name] ?? scope.extensions.operators?.[name];
  if (!op) throw new Error(`Operator "${name}" is declared by the pack but no plugin supplies it.`);
  return op;
}
