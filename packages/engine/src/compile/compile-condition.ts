import type { Condition, CustomOperator, Expression, LeafCondition } from '../types.js';
import type { EvalState, Getter } from './eval-state.js';
import { compileFact, type CompiledFact, type CompileScope } from './compile-fact.js';
import { resolveParam } from './resolve-param.js';
import { PLAIN_OPERATORS, SCALE_OPERATORS, scaleOperator, scaleTestAgainst } from './operators.js';
import { isValueExpression } from '../language/registry.js';
import { compileExpression } from './compile-expression.js';
import { conditionWords, resolveParams, showValue, type ConditionWords } from './condition-words.js';
import type { LeafResult } from '../explain/explanation.js';
import { checkedOperator, operatorDeclarations } from '../language/plugin-operator.js';
import { ownMember } from './own-member.js';
import { compileLeftSide } from './compile-left-side.js';
import { SPECIALISED_MOST, specialised, unpack } from './specialised.js';

/** Result of explaining a condition: whether it holds, and why in plain words. */
export interface Explanation {
  ok: boolean;
  lines: string[];
}

/** A compiled condition: a fast test, and the results of its leaves for an explanation. */
export interface CompiledCondition {
  test: (s: EvalState) => boolean;
  /**
   * Appends every leaf's result (fact value, value wanted, whether it held, what a count
   * counted) to `out`, depth first; returns whether the condition holds (what `test` returns).
   */
  results: (s: EvalState, out: LeafResult[]) => boolean;
  /** How many leaves it has: how many results `results` appends. */
  leaves: number;
  /**
   * `results` writing at `out[at]` onwards (`leaves` of them, in order): an explanation gives each
   * condition a list of exactly its number of leaves, made once rather than grown.
   */
  fill: (s: EvalState, out: LeafResult[], at: number) => boolean;
  /** The condition's words over its leaves' results (`condition-words.ts`), made when first asked for. */
  words: () => ConditionWords;
}

/**
 * Lists of `n` places, made once for each `n` and copied: the copy is a list of exactly `n`
 * places without holes (`new Array(n)` has holes until filled, and stays one V8 writes to JSON
 * more slowly).
 */
const blanks: unknown[][] = [];

/** A new list of `n` places (each `undefined` until written), without holes. */
export function blankList<T>(n: number): T[] {
  let blank = blanks[n];
  if (!blank) {
    blank = [];
    for (let i = 0; i < n; i++) blank.push(undefined);
    blanks[n] = blank;
  }
  return blank.slice() as T[];
}

/** A list for a condition's leaves' results, to `fill`: as many places as it has leaves. */
export function resultList(c: CompiledCondition): LeafResult[] {
  return blankList<LeafResult>(c.leaves);
}

/** A condition's leaves' results in a list of their own, and whether it holds. */
export function leafResults(c: CompiledCondition, s: EvalState): { holds: boolean; conditions: LeafResult[] } {
  const conditions = resultList(c);
  return { holds: c.fill(s, conditions, 0), conditions };
}

/** Explains a compiled condition on its own: whether it holds, and its lines. */
export function explainCondition(c: CompiledCondition, s: EvalState): Explanation {
  const { conditions: leaves } = leafResults(c, s);
  const lines: string[] = [];
  const ok = c.words().lines(leaves, 0, lines, '');
  return { ok, lines };
}

export { showValue };

/** The words of a condition, compiled once on first use. */
function lazyWords(c: Condition, scope: CompileScope): () => ConditionWords {
  let w: ConditionWords | undefined;
  return () => (w ??= conditionWords(c, scope));
}

/**
 * Compiles a json-rules-engine condition into closures. Semantics follow json-rules-engine
 * (with `allowUndefinedFacts`), including that `all` and `any` of nothing both hold. `pointer`
 * is where the condition is in the pack, for the evaluation errors of expressions in it.
 */
export function compileCondition(c: Condition, scope: CompileScope, pointer = ''): CompiledCondition {
  const words = lazyWords(c, scope);
  if ('all' in c || 'any' in c) {
    const all = 'all' in c;
    const parts = (all ? c.all : c.any).map((x, i) => compileCondition(x, scope, `${pointer}/${all ? 'all' : 'any'}/${i}`));
    const tests = parts.map((p) => p.test);
    const test = all ? allOf(tests) : anyOf(tests);
    // Each part's first leaf's place among this condition's leaves.
    const offsets = parts.map((_, i) => parts.slice(0, i).reduce((n, p) => n + p.leaves, 0));
    const fills = parts.map((p) => p.fill);
    const fill = all
      ? (s: EvalState, out: LeafResult[], at: number): boolean => { let ok = true; for (let i = 0; i < fills.length; i++) if (!fills[i]!(s, out, at + offsets[i]!)) ok = false; return ok; }
      : (s: EvalState, out: LeafResult[], at: number): boolean => { let ok = fills.length === 0; for (let i = 0; i < fills.length; i++) if (fills[i]!(s, out, at + offsets[i]!)) ok = true; return ok; };
    return { test, results: (s, out) => fill(s, out, out.length), leaves: parts.reduce((n, p) => n + p.leaves, 0), fill, words };
  }
  if ('not' in c) {
    const inner = compileCondition(c.not, scope, `${pointer}/not`);
    const fill = inner.fill;
    return { test: notOf(inner.test), results: (s, out) => !fill(s, out, out.length), leaves: inner.leaves, fill: (s, out, at) => !fill(s, out, at), words };
  }
  return compileLeaf(c as LeafCondition, scope, pointer, words);
}

type Test = (s: EvalState) => boolean;

/**
 * Whether every test holds (each in turn, stopping at the first that does not); `all` of
 * nothing holds. Made as code of its own (`specialised.ts`): each part is called from a call
 * site that sees only it.
 */
function allOf(tests: Test[]): Test {
  return joined(tests, ' && ');
}

/** Whether some test holds (each in turn, stopping at the first that does); json-rules-engine treats an empty `any` as true, like an empty `all`. */
function anyOf(tests: Test[]): Test {
  return joined(tests, ' || ');
}

/** `!!(t0(s) && t1(s) ...)` (or `||`) over the tests; true for none. */
function joined(tests: Test[], op: ' && ' | ' || '): Test {
  if (tests.length === 0) return () => true;
  if (tests.length > SPECIALISED_MOST) {
    // Very many parts are read by a loop: code of that size would not be optimised.
    return op === ' && '
      ? (s) => { for (const t of tests) if (!t(s)) return false; return true; }
      : (s) => { for (const t of tests) if (t(s)) return true; return false; };
  }
  const calls = tests.map((_, i) => `t${i}(s)`).join(op);
  return specialised<Test>(['T'], `${unpack('t', 'T', tests.length)} return function test(s) { return !!(${calls}); };`, [tests]);
}

/** Whether the test does not hold, from a call site of its own. */
function notOf(test: Test): Test {
  return specialised<Test>(['t'], 'return function test(s) { return !t(s); };', [test]);
}

function compileLeaf(leaf: LeafCondition, scope: CompileScope, pointer: string, words: () => ConditionWords): CompiledCondition {
  const fact = compileLeftSide(leaf, scope, pointer);
  let value: Getter;
  /** True when the value wanted is the pack's (a literal or a parameter): an explanation need not repeat it. */
  let fixed = false;
  let fixedValue: unknown;
  const raw = leaf.value;
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as { fact?: unknown }).fact === 'string') {
    const r = raw as { fact: string; params?: Record<string, unknown>; path?: string };
    value = compileFact(r.fact, resolveParams(r.params, scope), r.path, scope, `${pointer}/value/fact`).get;
  } else if (raw && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as { param?: unknown }).param === 'string') {
    const v = resolveParam((raw as { param: string }).param, scope);
    value = () => v;
    fixed = true;
    fixedValue = v;
  } else if (isValueExpression(raw)) {
    // A value expression (a date `{ "addMonths": -3, "to": { "fact": "asOf" } }`, `{ "multiply": [{ "param": "x" }, 4] }`, ...), read each evaluation.
    value = compileExpression(raw as Expression, scope, undefined, `${pointer}/value`);
  } else {
    value = () => raw;
    fixed = true;
    fixedValue = raw;
  }
  const op = checkedPluginOperator(leaf, operatorFor(leaf.operator, fact.scale, scope), scope, pointer);
  const get = fact.get;
  const counted = fact.counted;
  // One literal per shape: the members' order is the explanation's JSON order. A leaf that did not
  // hold carries no `holds` (explanation format 3); a count that counted nothing, no `counted`.
  let fill: CompiledCondition['fill'];
  if (fixed) {
    // The value wanted is the pack's: not read again, and compared as the test compares it.
    const holdsFor = holdsAgainst(leaf.operator, op, fact, fixedValue, scope);
    fill = counted
      ? (s, out, at) => {
        const actual = get(s);
        const holds = holdsFor(actual);
        const c = counted(s);
        out[at] = c !== undefined && c.length
          ? (holds ? { value: actual, holds: true, counted: c } : { value: actual, counted: c })
          : (holds ? { value: actual, holds: true } : { value: actual });
        return holds;
      }
      : (s, out, at) => {
        const actual = get(s);
        const holds = holdsFor(actual);
        out[at] = holds ? { value: actual, holds: true } : { value: actual };
        return holds;
      };
  } else {
    fill = (s, out, at) => {
      const actual = get(s);
      const wanted = value(s);
      const holds = op(actual, wanted);
      const c = counted ? counted(s) : undefined;
      out[at] = c !== undefined && c.length
        ? (holds ? { value: actual, wanted, holds: true, counted: c } : { value: actual, wanted, counted: c })
        : (holds ? { value: actual, wanted, holds: true } : { value: actual, wanted });
      return holds;
    };
  }
  const test = fixed ? testAgainst(leaf.operator, op, fact, fixedValue, scope) : (s: EvalState): boolean => op(get(s), value(s));
  return { test, results: (s, out) => fill(s, out, out.length), leaves: 1, fill, words };
}

/**
 * Whether a value holds against a value wanted that the pack fixes (a literal or a parameter): what
 * `op(value, wanted)` gives, with `equal` compared in place and a scale operator's wanted rank
 * looked up once.
 */
function holdsAgainst(name: string, op: CustomOperator, fact: CompiledFact, wanted: unknown, scope: CompileScope): (actual: unknown) => boolean {
  if (op === PLAIN_OPERATORS.equal) return (v) => v === wanted;
  if (SCALE_OPERATORS.has(name)) return scaleTestAgainst(name, fact.scale ? scope.index.ranks.get(fact.scale) : undefined, wanted);
  return (v) => op(v, wanted);
}

/**
 * A leaf's test when the value wanted is fixed by the pack (a literal or a parameter): the value
 * is held rather than read, `equal` is compared in place, and a scale operator's wanted rank is
 * looked up once. It gives what `op(get(s), wanted)` gives.
 */
function testAgainst(name: string, op: CustomOperator, fact: CompiledFact, wanted: unknown, scope: CompileScope): (s: EvalState) => boolean {
  const { get, reads, scale } = fact;
  // A decision's value or an input fact is read in place, not through its getter.
  const slot = reads && 'slot' in reads ? reads.slot : -1;
  const input = reads && 'input' in reads ? reads.input : undefined;
  if (op === PLAIN_OPERATORS.equal) {
    if (slot >= 0) return (s) => s.values[slot] === wanted;
    if (input !== undefined) return (s) => s.facts[input] === wanted;
    return (s) => get(s) === wanted;
  }
  if (SCALE_OPERATORS.has(name)) {
    const against = scaleTestAgainst(name, scale ? scope.index.ranks.get(scale) : undefined, wanted);
    if (slot >= 0) return (s) => against(s.values[slot]);
    if (input !== undefined) return (s) => against(s.facts[input]);
    return (s) => against(get(s));
  }
  if (slot >= 0) return (s) => op(s.values[slot], wanted);
  if (input !== undefined) return (s) => op(s.facts[input], wanted);
  return (s) => op(get(s), wanted);
}

/** A plugin operator with a declaration, held to it at evaluation (`checkedOperator`); any other operator as it is. */
function checkedPluginOperator(leaf: LeafCondition, op: CustomOperator, scope: CompileScope, pointer: string): CustomOperator {
  if (SCALE_OPERATORS.has(leaf.operator) || ownMember(PLAIN_OPERATORS, leaf.operator)) return op;
  const d = operatorDeclarations(scope.index.pack, scope.extensions).get(leaf.operator);
  return d ? checkedOperator(leaf.operator, d, op, leaf.fact ?? 'the expression', pointer) : op;
}

/** The operator function for a leaf: plain, by scale order, or a plugin's. */
export function operatorFor(name: string, scale: string | undefined, scope: CompileScope): CustomOperator {
  if (SCALE_OPERATORS.has(name)) return scaleOperator(name, scale ? scope.index.ranks.get(scale) : undefined);
  const op = ownMember(PLAIN_OPERATORS, name) ?? ownMember(scope.extensions.operators, name);
  if (!op) throw new Error(`Operator "${name}" is declared by the pack but no plugin supplies it.`);
  return op;
}
