import type { PlainOperatorDefinition } from '../operator.js';

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);

/** `before`: both are dates and the fact's is earlier. */
export const before: PlainOperatorDefinition = {
  kind: 'plain', name: 'before', words: 'is before',
  doc: 'Both are dates (YYYY-MM-DD) and the fact is earlier.',
  test: (a, b) => isDate(a) && isDate(b) && a < b,
};

/** `after`: both are dates and the fact's is later. */
export const after: PlainOperatorDefinition = {
  kind: 'plain', name: 'after', words: 'is after',
  doc: 'Both are dates (YYYY-MM-DD) and the fact is later.',
  test: (a, b) => isDate(a) && isDate(b) && a > b,
};

/** `onOrBefore`: both are dates and the fact's is the same or earlier. */
export const onOrBefore: PlainOperatorDefinition = {
  kind: 'plain', name: 'onOrBefore', words: 'is on or before',
  doc: 'Both are dates (YYYY-MM-DD) and the fact is the same day or earlier.',
  test: (a, b) => isDate(a) && isDate(b) && a <= b,
};

/** `onOrAfter`: both are dates and the fact's is the same or later. */
export const onOrAfter: PlainOperatorDefinition = {
  kind: 'plain', name: 'onOrAfter', words: 'is on or after',
  doc: 'Both are dates (YYYY-MM-DD) and the fact is the same day or later.',
  test: (a, b) => isDate(a) && isDate(b) && a >= b,
};
