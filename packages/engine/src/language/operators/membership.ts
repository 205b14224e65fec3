import type { PlainOperatorDefinition } from '../operator.js';

// As json-rules-engine: the value is a list, or (from a fact) a text searched by indexOf.
// json-rules-engine throws on anything else; here it is simply false.
const searchable = (b: unknown): b is string | unknown[] => Array.isArray(b) || typeof b === 'string';

/** `in`: the fact's value is one of the listed values. */
export const isIn: PlainOperatorDefinition = {
  kind: 'plain', name: 'in', words: 'is one of', jsonRulesEngine: true,
  doc: 'The fact is one of the values in the list.',
  test: (a, b) => searchable(b) && b.indexOf(a as string) > -1,
};

/** `notIn`: the fact's value is none of the listed values. */
export const notIn: PlainOperatorDefinition = {
  kind: 'plain', name: 'notIn', words: 'is none of', jsonRulesEngine: true,
  doc: 'The fact is none of the values in the list.',
  test: (a, b) => searchable(b) && b.indexOf(a as string) === -1,
};

/** `contains`: the fact is a list holding the value. */
export const contains: PlainOperatorDefinition = {
  kind: 'plain', name: 'contains', words: 'contains', jsonRulesEngine: true,
  doc: 'The fact is a list that holds the value.',
  test: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
};

/** `doesNotContain`: the fact is a list not holding the value. */
export const doesNotContain: PlainOperatorDefinition = {
  kind: 'plain', name: 'doesNotContain', words: 'does not contain', jsonRulesEngine: true,
  doc: 'The fact is a list that does not hold the value.',
  test: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
};
