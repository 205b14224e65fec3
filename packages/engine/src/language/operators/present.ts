import type { PlainOperatorDefinition } from '../operator.js';

/** `present`: the fact is recorded (value `true`) or not recorded (value `false`). */
export const present: PlainOperatorDefinition = {
  kind: 'plain', name: 'present', words: 'is recorded', wordsWhenFalse: 'is not recorded', valueless: true,
  doc: 'With `true`, the fact is recorded (not missing or null); with `false`, it is not.',
  test: (a, b) => (a !== undefined && a !== null) === (b !== false),
};
