import type { PlainOperatorDefinition } from '../operator.js';

/** `equal`: the fact's value is the value (strictly, as json-rules-engine). */
export const equal: PlainOperatorDefinition = {
  kind: 'plain', name: 'equal', words: 'is', countWords: 'exactly', jsonRulesEngine: true,
  doc: 'The fact is exactly the value (same type and value).',
  test: (a, b) => a === b,
};

/** `notEqual`: the fact's value is not the value. */
export const notEqual: PlainOperatorDefinition = {
  kind: 'plain', name: 'notEqual', words: 'is not', countWords: 'other than', jsonRulesEngine: true,
  doc: 'The fact is not exactly the value.',
  test: (a, b) => a !== b,
};
