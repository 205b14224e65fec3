import { describe, expect, it } from 'vitest';
import { counted } from './count-words.js';

describe('counted', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(counted(1, 'finding')).toBe('1 finding');
    expect(counted(0, 'finding')).toBe('0 findings');
    expect(counted(2, 'entry', 'entries')).toBe('2 entries');
    expect(counted(1200, 'row')).toBe('1,200 rows');
  });
});
