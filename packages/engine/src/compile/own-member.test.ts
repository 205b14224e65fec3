import { describe, expect, it } from 'vitest';
import { inheritedName, ownMember } from './own-member.js';

describe('own members', () => {
  it('names the properties every object inherits, and no others', () => {
    for (const name of ['toString', 'valueOf', 'constructor', 'hasOwnProperty', '__proto__']) expect(inheritedName(name)).toBe(true);
    for (const name of ['serviceType', 'inv-01', 'level', '']) expect(inheritedName(name)).toBe(false);
  });

  it('reads only an own member', () => {
    expect(ownMember({}, 'toString')).toBeUndefined();
    expect(ownMember({ toString: 'Gold' }, 'toString')).toBe('Gold');
    expect(ownMember({ a: 1 }, 'a')).toBe(1);
    expect(ownMember(undefined, 'a')).toBeUndefined();
  });
});
