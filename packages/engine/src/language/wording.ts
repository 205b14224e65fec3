import { FACT_BY_NAME, OPERATOR_BY_NAME, expressionOf } from './registry.js';
import type { FactWordsHelpers } from './fact.js';
import type { Expression } from './expression-type.js';

/**
 * The words between a fact and its value for an operator ("is at least"); a plugin's operator,
 * which has no words, reads as its name.
 * @example operatorWords('greaterThanInclusive') // 'is at least'
 */
export function operatorWords(operator: string): string {
  return OPERATOR_BY_NAME.get(operator)?.words ?? operator;
}

/**
 * The words before a count of criteria for an operator ("at least"), or undefined when a count
 * compared by it does not read as a count.
 * @example operatorCountWords('lessThan') // 'fewer than'
 */
export function operatorCountWords(operator: string): string | undefined {
  return OPERATOR_BY_NAME.get(operator)?.countWords;
}

/**
 * A comparison in words after its subject, for an editor: the operator's words and the value's
 * (already in words), or for `present` just "is recorded" / "is not recorded".
 * @example comparisonWords('present', false, 'false') // 'is not recorded'
 * @example comparisonWords('in', ['a', 'b'], 'a, b') // 'is one of a, b'
 */
export function comparisonWords(operator: string, value: unknown, valueWords: string): string {
  const def = OPERATOR_BY_NAME.get(operator);
  if (def?.valueless) return value === false && def.wordsWhenFalse ? def.wordsWhenFalse : def.words;
  return `${def?.words ?? operator} ${valueWords}`;
}

/**
 * An expression form in plain words, given words for what it holds; undefined for a literal, a
 * `fact` or a `param` (whose words depend on the pack: the caller words those).
 * @example expressionWords({ addDays: 10, to: { fact: 'visitDate' } }, words) // '10 days after the visit date'
 */
export function expressionWords(e: Expression, w: (e: Expression) => string): string | undefined {
  if (e === null || typeof e !== 'object') return undefined;
  return expressionOf(e)?.words?.(e as Record<string, unknown>, w);
}

/**
 * A built-in fact's reference in words for an editor (without the pack's index), or undefined
 * for a fact without words of its own (an input, a decision: the caller names those).
 * @example factWords('criteriaCount', { flag: 'mandatory', is: 'Not met' }, helpers) // 'the number of mandatory criteria judged Not met'
 */
export function factWords(fact: string, params: Record<string, unknown>, w: FactWordsHelpers): string | undefined {
  return FACT_BY_NAME.get(fact)?.words?.(params, w);
}
