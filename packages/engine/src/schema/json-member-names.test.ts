import { describe, expect, it } from 'vitest';
import { firstDuplicateMember, memberNameCount } from './json-member-names.js';

describe('memberNameCount', () => {
  it('counts one per member, ignoring colons and quotes inside strings', () => {
    expect(memberNameCount('{"a:b": "c:d", "e\\":": [{"f": 1}, "g:"], "h": {}}')).toBe(4);
    expect(memberNameCount('[1, "x:y", []]')).toBe(0);
  });
});

describe('firstDuplicateMember', () => {
  it('finds the second use of a name, decoded, with its pointer and offset', () => {
    const text = '{"list": [0, {"a~/b": 1, "a\\u007e/b": 2}]}';
    expect(firstDuplicateMember(text)).toEqual({ pointer: '/list/1/a~0~1b', member: 'a~/b', offset: text.indexOf('"a\\u007e') });
  });

  it('lets the same name appear in different objects, and in values', () => {
    expect(firstDuplicateMember('{"a": {"a": "a"}, "b": [{"a": 1}, {"a": 2}], "c": "a"}')).toBeUndefined();
  });

  it('finds a repeated __proto__, which JSON.parse also collapses', () => {
    expect(firstDuplicateMember('{"__proto__": 1, "__proto__": 2}')?.pointer).toBe('/__proto__');
  });

  it('walks nesting too deep for recursion', () => {
    const deep = 100_000;
    const text = `${'{"x":'.repeat(deep)}{"k": 1, "k": 2}${'}'.repeat(deep)}`;
    expect(firstDuplicateMember(text)?.pointer).toBe(`${'/x'.repeat(deep)}/k`);
  });
});
