import { describe, expect, it } from 'vitest';
import { NOT_YET_DECIDED, headlineText } from './store-assessment.js';

describe('the stored headline text', () => {
  it('is a value as itself, and anything else as JSON', () => {
    expect(headlineText('Silver')).toBe('Silver');
    expect(headlineText(3)).toBe('3');
    expect(headlineText(['QM1', 'PAMMs'])).toBe('["QM1","PAMMs"]');
  });

  it('says a headline with no value yet (a person\'s decision nothing reads meanwhile) is not yet decided, never "null"', () => {
    // Bolton's PQR until the QA Team allocates it (003 s2).
    expect(headlineText(null)).toBe(NOT_YET_DECIDED);
    expect(NOT_YET_DECIDED).toBe('Not yet decided');
  });
});
