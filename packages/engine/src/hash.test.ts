import { describe, expect, it } from 'vitest';
import { canonicalJson, packHash } from './hash.js';

describe('packHash', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
    expect(packHash({ a: 1, b: 2 })).toBe(packHash({ b: 2, a: 1 }));
  });
  it('changes with any value', () => {
    expect(packHash({ a: 1 })).not.toBe(packHash({ a: 2 }));
    expect(packHash({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
