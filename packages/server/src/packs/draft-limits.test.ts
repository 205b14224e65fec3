import { describe, expect, it } from 'vitest';
import { longestString } from './draft-limits.js';

describe('longestString', () => {
  it('names the longest string, member names included, by its pointer', () => {
    expect(longestString({ a: 'xx', list: [{ 'b/c': 'xxxxx' }] })).toEqual({ pointer: '/list/0/b~1c', length: 5 });
    expect(longestString({ ['k'.repeat(9)]: 'x' })).toEqual({ pointer: `/${'k'.repeat(9)}`, length: 9 });
    expect(longestString([1, true, null])).toBeUndefined();
  });
});
