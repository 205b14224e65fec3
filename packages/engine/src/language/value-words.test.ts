import { describe, expect, it } from 'vitest';
import { valueWords } from './value-words.js';

describe('valueWords', () => {
  it('writes text and numbers as they are, nothing as "no value", booleans as yes/no, a list joined, anything else as JSON', () => {
    expect([valueWords('Silver'), valueWords(3), valueWords(0), valueWords(null), valueWords(undefined), valueWords(true), valueWords(false)])
      .toEqual(['Silver', '3', '0', 'no value', 'no value', 'yes', 'no']);
    expect([valueWords([]), valueWords(['Annual', 'Focussed']), valueWords([1, null])]).toEqual(['nothing', 'Annual, Focussed', '1, no value']);
    expect(valueWords({ band: 'Gold' })).toBe('{"band":"Gold"}');
  });
});
