import type { PlainOperatorDefinition } from '../operator.js';

// As json-rules-engine's fact-value validator: a numeric operator is false for a non-numeric fact.
// (A number is read as its text would be: numeric unless NaN, without writing and parsing that text.)
const numeric = (v: unknown): boolean => (typeof v === 'number' ? v === v : Number.parseFloat(v as string).toString() !== 'NaN');

/**
 * `lessThan`: the fact is a number below the value. A number (a score, a percentage, an amount,
 * anything named as a subject: "Weighted score is less than 50", "The number of visits missed is
 * less than 3") is "less than"; only a count of things read as a count is "fewer than" ("fewer
 * than 3 criteria judged Not met").
 */
export const lessThan: PlainOperatorDefinition = {
  kind: 'plain', name: 'lessThan', words: 'is less than', countWords: 'fewer than', jsonRulesEngine: true,
  doc: 'The fact is a number below the value.',
  test: (a, b) => numeric(a) && (a as number) < (b as number),
};

/** `lessThanInclusive`: the fact is a number at most the value. */
export const lessThanInclusive: PlainOperatorDefinition = {
  kind: 'plain', name: 'lessThanInclusive', words: 'is at most', countWords: 'at most', jsonRulesEngine: true,
  doc: 'The fact is a number at most the value.',
  test: (a, b) => numeric(a) && (a as number) <= (b as number),
};

/** `greaterThan`: the fact is a number above the value. */
export const greaterThan: PlainOperatorDefinition = {
  kind: 'plain', name: 'greaterThan', words: 'is more than', countWords: 'more than', jsonRulesEngine: true,
  doc: 'The fact is a number above the value.',
  test: (a, b) => numeric(a) && (a as number) > (b as number),
};

/** `greaterThanInclusive`: the fact is a number at least the value. */
export const greaterThanInclusive: PlainOperatorDefinition = {
  kind: 'plain', name: 'greaterThanInclusive', words: 'is at least', countWords: 'at least', jsonRulesEngine: true,
  doc: 'The fact is a number at least the value.',
  test: (a, b) => numeric(a) && (a as number) >= (b as number),
};
