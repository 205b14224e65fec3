import type { Condition, CustomOperator, Expression, LeafCondition } from '../types.js';
import type { EvalState, Getter } from './eval-state.js';
import { compileFact, type CompileScope } from './compile-fact.js';
import { resolveParam } from './resolve-param.js';
import { PLAIN_OPERATORS, SCALE_OPERATORS, scaleOperator } from './operators.js';
import { expressionWords, operatorCountWords, operatorWords } from '../language/wording.js';
import { isValueExpression } from '../language/registry.js';
import { compileExpression } from './compile-expression.js';

/** Result of explaining a condition: whether it holds, and why in plain words. */
export interface Explanation {
  ok: boolean;
  lines: string[];
}

/** A compiled condition: a fast test, and a slower explanation of the same test. */
export interface CompiledCondition {
  test: (s: EvalState) => boolean;
  /**
   * Appends why the condition holds or not to `lines`, one plain-words line each, every line
   * starting with `indent`; returns whether it holds (always what `test` returns). Appending to
   * one list, rather than returning lists to be joined, keeps a traced evaluation cheap.
   */
  explainInto: (s: EvalState, lines: string[], indent: string) => boolean;
}

/** Explains a compiled condition on its own: whether it holds, and its lines. */
export function explainCondition(c: CompiledCondition, s: EvalState): Explanation {
  const lines: string[] = [];
  const ok = c.explainInto(s, lines, '');
  return { ok, lines };
}

/** Renders a value for explanations: strings bare, lists joined, missing as "not recorded". */
export function showValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (v === undefined || v === null) return 'not recorded';
  if (Array.isArray(v)) return v.map(showValue).join(', ');
  return JSON.stringify(v);
}


/**
 * Compiles a json-rules-engine condition into closures. Semantics follow json-rules-engine
 * (with `allowUndefinedFacts`), including that `all` and `any` of nothing both hold. `pointer`
 * is where the condition is in the pack, for the evaluation errors of expressions in it.
 */
export function compileCondition(c: Condition, scope: CompileScope, pointer = ''): CompiledCondition {
  if ('all' in c) {
    const parts = c.all.map((x, i) => compileCondition(x, scope, `${pointer}/all/${i}`));
    const tests = parts.map((p) => p.test);
    const test = (s: EvalState): boolean => { for (const t of tests) if (!t(s)) return false; return true; };
    const label = c.label;
    return {
      test,
      // Holding, every part says why; failing, only the parts that fail.
      explainInto: (s, lines, indent) => {
        const ok = test(s);
        let inner = indent;
        if (label !== undefined) {
          lines.push(`${indent}${label}: ${ok ? 'yes' : 'no'}`);
          inner = `${indent}  `;
        }
        for (let i = 0; i < parts.length; i++) if (ok || !tests[i]!(s)) parts[i]!.explainInto(s, lines, inner);
        return ok;
      },
    };
  }
  if ('any' in c) {
    const parts = c.any.map((x, i) => compileCondition(x, scope, `${pointer}/any/${i}`));
    const tests = parts.map((p) => p.test);
    // json-rules-engine treats an empty `any` as true, like an empty `all`.
    const test = tests.length === 0 ? () => true : (s: EvalState): boolean => { for (const t of tests) if (t(s)) return true; return false; };
    const holds = `${c.label ?? 'one of these holds'}:`;
    const fails = `${c.label ?? 'none of these holds'}:`;
    return {
      test,
      // Holding, the parts that hold say why; failing, every part says why not.
      explainInto: (s, lines, indent) => {
        const ok = test(s);
        lines.push(indent + (ok ? holds : fails));
        const inner = `${indent}  `;
        for (let i = 0; i < parts.length; i++) if (!ok || tests[i]!(s)) parts[i]!.explainInto(s, lines, inner);
        return ok;
      },
    };
  }
  if ('not' in c) {
    const inner = compileCondition(c.not, scope, `${pointer}/not`);
    const head = `${c.label ?? 'it is not the case that'}:`;
    return {
      test: (s) => !inner.test(s),
      explainInto: (s, lines, indent) => {
        lines.push(indent + head);
        return !inner.explainInto(s, lines, `${indent}  `);
      },
    };
  }
  return compileLeaf(c as LeafCondition, scope, pointer);
}

function compileLeaf(leaf: LeafCondition, scope: CompileScope, pointer: string): CompiledCondition {
  const fact = compileFact(leaf.fact, resolveParams(leaf.params, scope), leaf.path, scope);
  let value: Getter;
  let valueText: (s: EvalState) => string;
  /** The value's words when they cannot change between evaluations (a literal or a parameter). */
  let fixedValueText: string | undefined;
  const raw = leaf.value;
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as { fact?: unknown }).fact === 'string') {
    const r = raw as { fact: string; params?: Record<string, unknown>; path?: string };
    const other = compileFact(r.fact, resolveParams(r.params, scope), r.path, scope);
    value = other.get;
    valueText = (s) => `${showValue(other.get(s))} (${other.label})`;
  } else if (raw && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as { param?: unknown }).param === 'string') {
    const v = resolveParam((raw as { param: string }).param, scope);
    const text = showValue(v);
    value = () => v;
    fixedValueText = text;
    valueText = () => text;
  } else if (isValueExpression(raw)) {
    // A value expression (a date `{ "addMonths": -3, "to": { "fact": "asOf" } }`, `{ "multiply": [{ "param": "x" }, 4] }`, ...), read each evaluation.
    const e = raw as Expression;
    value = compileExpression(e, scope, undefined, `${pointer}/value`);
    const text = valueExpressionWords(e, scope);
    valueText = (s) => `${showValue(value(s))} (${text})`;
  } else {
    const text = showValue(raw);
    value = () => raw;
    fixedValueText = text;
    valueText = () => text;
  }
  const op = operatorFor(leaf.operator, fact.scale, scope);
  const get = fact.get;
  const words = operatorWords(leaf.operator);
  const label = leaf.label;
  const countWords = operatorCountWords(leaf.operator);
  const isCount = Boolean(fact.count && countWords);
  const countWhat = (text: string): string => `${label ? `${label}: ` : ''}${countWords} ${text} ${fact.label}`;
  const plainWhat = (text: string): string => label ?? `${fact.label} ${words} ${text}`;
  // With a fixed value (or a label), the words around the fact's value are built once, here.
  let fixedWhat: string | undefined;
  if (fixedValueText !== undefined) fixedWhat = isCount ? countWhat(fixedValueText) : plainWhat(fixedValueText);
  else if (!isCount && label !== undefined) fixedWhat = label;
  return {
    test: (s) => op(get(s), value(s)),
    explainInto: (s, lines, indent) => {
      const actual = get(s);
      const ok = op(actual, value(s));
      if (isCount) {
        const what = fixedWhat ?? countWhat(valueText(s));
        lines.push(ok ? `${indent}${what}: yes, ${showValue(actual)}` : `${indent}needs ${what}; ${showValue(actual)} ${actual === 1 ? 'was' : 'were'}`);
      } else {
        const what = fixedWhat ?? plainWhat(valueText(s));
        lines.push(ok ? `${indent}${what}: yes (${showValue(actual)})` : `${indent}${what}: no, it was ${showValue(actual)}`);
      }
      return ok;
    },
  };
}

/** Words for a value expression: its form's words, with facts by their labels and parameters by their values. */
function valueExpressionWords(e: Expression, scope: CompileScope): string {
  const w = (x: Expression): string => {
    if (x && typeof x === 'object' && !Array.isArray(x)) {
      const o = x as Record<string, unknown>;
      if (typeof o.fact === 'string') return compileFact(o.fact, resolveParams(o.params as Record<string, unknown> | undefined, scope), o.path as string | undefined, scope).label;
      if (typeof o.param === 'string') return showValue(resolveParam(o.param, scope));
    }
    return expressionWords(x, w) ?? showValue(x);
  };
  return w(e);
}

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
