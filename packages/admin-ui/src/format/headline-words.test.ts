import { describe, expect, it } from 'vitest';
import { headlineWords } from './headline-words.js';

describe('a headline in words', () => {
  it('is the value itself, a list joined', () => {
    expect(headlineWords('Silver')).toBe('Silver');
    expect(headlineWords(3)).toBe('3');
    expect(headlineWords(['QM1', 'PAMMs'])).toBe('QM1, PAMMs');
  });

  it('says a headline with no value yet is not yet decided, never "null"', () => {
    expect(headlineWords(null)).toBe('Not yet decided');
  });
});
