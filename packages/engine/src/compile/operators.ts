import type { CustomOperator } from '../types.js';

/** Operators compared by a scale's order; they need to know the fact's scale. */
export const SCALE_OPERATORS: ReadonlySet<string> = new Set(['atLeast', 'atMost', 'above', 'below']);

const numeric = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);

/**
 * json-rules-engine's default operators, with the same semantics (including its fact-value
 * validators: a numeric operator is false for a non-numeric fact), plus OpenQAF's date and
 * presence operators. Scale operators are built per scale by `scaleOperator`.
 */
export const PLAIN_OPERATORS: Readonly<Record<string, CustomOperator>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  // As json-rules-engine: a list, or (from a fact) a text searched by indexOf. json-rules-engine
  // throws on anything else; here it is simply false.
  in: (a, b) => (Array.isArray(b) || typeof b === 'string') && b.indexOf(a as string) > -1,
  notIn: (a, b) => (Array.isArray(b) || typeof b === 'string') && b.indexOf(a as string) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
  before: (a, b) => isDate(a) && isDate(b) && a < b,
  after: (a, b) => isDate(a) && isDate(b) && a > b,
  onOrBefore: (a, b) => isDate(a) && isDate(b) && a <= b,
  onOrAfter: (a, b) => isDate(a) && isDate(b) && a >= b,
  present: (a, b) => (a !== undefined && a !== null) === (b !== false),
};

/** Every operator name the engine knows without plugins. */
export const BUILTIN_OPERATORS: ReadonlySet<string> = new Set([...Object.keys(PLAIN_OPERATORS), ...SCALE_OPERATORS]);

/**
 * An operator comparing two values by their rank on a scale; false when either is not on it.
 * For a numeric scale the ranks are the numbers themselves.
 */
export function scaleOperator(op: string, ranks: ReadonlyMap<string, number> | undefined): CustomOperator {
  const rank = ranks
    ? (v: unknown): number | undefined => ranks.get(v as string)
    : (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const cmp = op === 'atLeast' ? (x: number, y: number) => x >= y
    : op === 'atMost' ? (x: number, y: number) => x <= y
      : op === 'above' ? (x: number, y: number) => x > y
        : (x: number, y: number) => x < y;
  return (a, b) => {
    const x = rank(a);
    const y = rank(b);
    return x !== undefined && y !== undefined && cmp(x, y);
  };
}

/** Plain words for an operator, used by explanations and the readable diff. */
export const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  equal: 'is', notEqual: 'is not', in: 'is one of', notIn: 'is none of', contains: 'contains',
  doesNotContain: 'does not contain', lessThan: 'is fewer than', lessThanInclusive: 'is at most',
  greaterThan: 'is more than', greaterThanInclusive: 'is at least', before: 'is before', after: 'is after',
  onOrBefore: 'is on or before', onOrAfter: 'is on or after', present: 'is recorded',
  atLeast: 'is at least', atMost: 'is at most', above: 'is above', below: 'is below',
};
