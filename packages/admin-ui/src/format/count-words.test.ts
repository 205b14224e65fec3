import { describe, expect, it } from 'vitest';
import { counted, noun } from './count-words.js';

describe('counted', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(counted(1, 'finding')).toBe('1 finding');
    expect(counted(0, 'finding')).toBe('0 findings');
    expect(counted(2, 'entry', 'entries')).toBe('2 entries');
    expect(counted(1200, 'row')).toBe('1,200 rows');
  });
});

describe('noun', () => {
  it('gives the noun alone, singular only for one', () => {
    expect(noun(1, 'visit')).toBe('visit');
    expect(noun(0, 'visit')).toBe('visits');
    expect(noun(3, 'entry', 'entries')).toBe('entries');
  });
});
