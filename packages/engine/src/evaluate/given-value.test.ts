import { describe, expect, it } from 'vitest';
import { givenValue, takenTypes } from './given-value.js';

describe('words for a given value and the types a place takes', () => {
  it('names the value with its kind', () => {
    expect(givenValue(4)).toBe('the number 4');
    expect(givenValue('four')).toBe('the text "four"');
    expect(givenValue(false)).toBe('the value false');
    expect(givenValue(null)).toBe('nothing (null)');
    expect(givenValue([1, 2])).toBe('a list of 2 items');
    expect(givenValue({ a: 1 })).toBe('an object');
  });
  it('names the types taken, one or several', () => {
    expect(takenTypes('string')).toBe('text values');
    expect(takenTypes(['number', 'string'])).toBe('numbers or text values');
    expect(takenTypes('integer,null')).toBe('whole numbers or nothing (null)');
  });
});
