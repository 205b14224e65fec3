import { compileLeftSide } from './compile-left-side.js';
import type { Condition, Expression, LeafCondition } from '../types.js';
import type { LeafResult } from '../explain/explanation.js';
import { compileFact, type CompileScope } from './compile-fact.js';
import { resolveParam } from './resolve-param.js';
import { comparisonWords, countedWords, expressionWords, operatorCountWords, operatorWords } from '../language/wording.js';
import { OPERATOR_BY_NAME, isValueExpression } from '../language/registry.js';
import { operatorDeclarations } from '../language/plugin-operator.js';

/** Renders a value for explanations: strings bare, yes/no for booleans, lists joined, missing as "not recorded". */
export function showValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  // A yes/no fact reads as the answer recorded, never "true" or "false".
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v === undefined || v === null) return 'not recorded';
  if (Array.isArray(v)) return v.map(showValue).join(', ');
  return JSON.stringify(v);
}

/**
 * A condition's words over its leaves' results: `holds` tells whether it held, `lines` appends
 * why, one plain-words line each starting with `indent`. `base` is the index of its first leaf
 * in the results; `size` how many leaves it has.
 */
export interface ConditionWords {
  size: number;
  holds: (leaves: readonly LeafResult[], base: number) => boolean;
  lines: (leaves: readonly LeafResult[], base: number, out: string[], indent: string) => boolean;
}

/**
 * The words of a condition, from the registry's wording (operators' `words` and `countWords`,
 * facts' labels, value expressions' words): the one place a condition is put in words, for an
 * evaluation's explanation and for one rendered later from its stored results.
 */
export function conditionWords(c: Condition, scope: CompileScope): ConditionWords {
  if ('all' in c) {
    const parts = offsets(c.all.map((x) => conditionWords(x, scope)));
    const label = c.label;
    const holds = (l: readonly LeafResult[], b: number): boolean => parts.every(([p, o]) => p.holds(l, b + o));
    return {
      size: total(parts), holds,
      // Holding, every part says why; failing, only the parts that fail.
      lines: (l, b, out, indent) => {
        const ok = holds(l, b);
        let inner = indent;
        if (label !== undefined) { out.push(`${indent}${label}: ${ok ? 'yes' : 'no'}`); inner = `${indent}  `; }
        for (const [p, o] of parts) if (ok || !p.holds(l, b + o)) p.lines(l, b + o, out, inner);
        return ok;
      },
    };
  }
  if ('any' in c) {
    const parts = offsets(c.any.map((x) => conditionWords(x, scope)));
    // json-rules-engine treats an empty `any` as true, like an empty `all`.
    const holds = (l: readonly LeafResult[], b: number): boolean => parts.length === 0 || parts.some(([p, o]) => p.holds(l, b + o));
    const yes = `${c.label ?? 'one of these holds'}:`;
    const no = `${c.label ?? 'none of these holds'}:`;
    return {
      size: total(parts), holds,
      // Holding, the parts that hold say why; failing, every part says why not.
      lines: (l, b, out, indent) => {
        const ok = holds(l, b);
        out.push(indent + (ok ? yes : no));
        for (const [p, o] of parts) if (!ok || p.holds(l, b + o)) p.lines(l, b + o, out, `${indent}  `);
        return ok;
      },
    };
  }
  if ('not' in c) {
    const inner = conditionWords(c.not, scope);
    const head = `${c.label ?? 'it is not the case that'}:`;
    return {
      size: inner.size,
      holds: (l, b) => !inner.holds(l, b),
      lines: (l, b, out, indent) => { out.push(indent + head); return !inner.lines(l, b, out, `${indent}  `); },
    };
  }
  return leafWords(c as LeafCondition, scope);
}

function offsets(parts: ConditionWords[]): [ConditionWords, number][] {
  let o = 0;
  return parts.map((p) => { const at = o; o += p.size; return [p, at]; });
}

function total(parts: [ConditionWords, number][]): number {
  return parts.reduce((n, [p]) => n + p.size, 0);
}

function leafWords(leaf: LeafCondition, scope: CompileScope): ConditionWords {
  const fact = compileLeftSide(leaf, scope);
  const raw = leaf.value;
  let valueText: (wanted: unknown) => string;
  /** The value's words when they cannot change between evaluations (a literal or a parameter). */
  let fixedValueText: string | undefined;
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as { fact?: unknown }).fact === 'string') {
    const r = raw as { fact: string; params?: Record<string, unknown>; path?: string };
    const other = compileFact(r.fact, resolveParams(r.params, scope), r.path, scope).label;
    valueText = (w) => `${showValue(w)} (${other})`;
  } else if (raw && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as { param?: unknown }).param === 'string') {
    fixedValueText = showValue(resolveParam((raw as { param: string }).param, scope));
  } else if (isValueExpression(raw)) {
    const text = valueExpressionWords(raw as Expression, scope);
    valueText = (w) => `${showValue(w)} (${text})`;
  } else {
    fixedValueText = showValue(raw);
  }
  if (fixedValueText !== undefined) { const t = fixedValueText; valueText = () => t; }
  const words = operatorWords(leaf.operator, operatorDeclarations(scope.index.pack, scope.extensions));
  const label = leaf.label;
  const countWords = operatorCountWords(leaf.operator);
  const isCount = Boolean(fact.count && countWords);
  // "at least 1 criterion", "at least 2 criteria": `n` is the number compared with.
  // "exactly 0" reads "no", as the editor's words do ("no criteria judged Not met").
  const countWhat = (text: string, n: unknown): string => `${label ? `${label}: ` : ''}${leaf.operator === 'equal' && text === '0' ? 'no' : `${countWords} ${text}`} ${countedWords(fact.label, n)}`;
  const plainWhat = (text: string): string => label ?? `${fact.label} ${words} ${text}`;
  // A yes/no fact compared with yes or no reads as its answer ("Contract default notice served: not recorded (yes needed)").
  const answer = label === undefined && leaf.operator === 'equal' && typeof raw === 'boolean' ? showValue(raw) : undefined;
  // `present` takes no value: "The current CQC rating is recorded", never "is recorded true".
  const valueless = label === undefined && OPERATOR_BY_NAME.get(leaf.operator)?.valueless === true
    ? `${fact.label} ${comparisonWords(leaf.operator, raw, '')}` : undefined;
  // With a fixed value (or a label), the words around the fact's value are built once, here.
  let fixedWhat: string | undefined;
  if (fixedValueText !== undefined) fixedWhat = isCount ? countWhat(fixedValueText, fixedValueText) : plainWhat(fixedValueText);
  else if (!isCount && label !== undefined) fixedWhat = label;
  return {
    size: 1,
    holds: (l, b) => l[b]!.holds === true,
    lines: (l, b, out, indent) => {
      const { value: actual, wanted } = l[b]!;
      const ok = l[b]!.holds === true;
      if (isCount) {
        const what = fixedWhat ?? countWhat(valueText(wanted), wanted);
        out.push(ok ? `${indent}${what}: yes, ${showValue(actual)}` : `${indent}needs ${what}; ${showValue(actual)} ${actual === 1 ? 'was' : 'were'}`);
      } else if (answer !== undefined) {
        out.push(ok ? `${indent}${fact.label}: ${showValue(actual)}` : `${indent}${fact.label}: ${showValue(actual)} (${answer} needed)`);
      } else if (valueless !== undefined) {
        // The value, when there is one to show ("is not recorded: no, it was Good"); never "not recorded" twice.
        const shown = actual === undefined || actual === null ? undefined : showValue(actual);
        out.push(ok ? `${indent}${valueless}: yes${shown ? ` (${shown})` : ''}` : `${indent}${valueless}: no${shown ? `, it was ${shown}` : ''}`);
      } else {
        const what = fixedWhat ?? plainWhat(valueText(wanted));
        out.push(ok ? `${indent}${what}: yes (${showValue(actual)})` : `${indent}${what}: no, it was ${showValue(actual)}`);
      }
      return ok;
    },
  };
}

/** Words for a value expression: its form's words, with facts by their labels and parameters by their values. */
export function valueExpressionWords(e: Expression, scope: CompileScope): string {
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

/** A reference's params with `{ "param": name }` values resolved in the scope's domain. */
export function resolveParams(params: Record<string, unknown> | undefined, scope: CompileScope): Record<string, unknown> | undefined {
  if (!params) return params;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { param?: unknown }).param === 'string'
      ? resolveParam((v as { param: string }).param, scope)
      : v;
  }
  return out;
}
