import type { PlainOperatorDefinition } from '../operator.js';

/** Text beginning `YYYY-MM-DD` (what `/^\d{4}-\d{2}-\d{2}/` matches), read by character codes rather than a regular expression. */
const isDate = (v: unknown): v is string => typeof v === 'string' && v.length >= 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45
  && digit(v, 0) && digit(v, 1) && digit(v, 2) && digit(v, 3) && digit(v, 5) && digit(v, 6) && digit(v, 8) && digit(v, 9);

const digit = (v: string, i: number): boolean => { const c = v.charCodeAt(i); return c >= 48 && c <= 57; };

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
