import { describe, expect, it } from 'vitest';
import { jsonValueProblem, MAX_JSON_DEPTH, tooDeepOffset } from './json-value-check.js';

const nested = (levels: number) => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};

describe('jsonValueProblem', () => {
  it('finds nothing wrong with ordinary JSON, emoji and escaped pointer tokens included', () => {
    expect(jsonValueProblem({ 'a/b': ['x 😀', 1.5e300, -0, null, true], '~': { n: 0 } })).toBeUndefined();
  });

  it('allows exactly the engine limit of nesting and refuses one level more', () => {
    expect(jsonValueProblem(nested(MAX_JSON_DEPTH + 1))).toBeUndefined();
    expect(jsonValueProblem(nested(MAX_JSON_DEPTH + 2))?.pointer).toBe('/0'.repeat(MAX_JSON_DEPTH + 1));
  });

  it('walks a million levels without exhausting the stack', () => {
    expect(jsonValueProblem(nested(1_000_000))?.message).toMatch(/nested deeper/);
  });

  it('reports the first problem in document order, with escaped pointer tokens', () => {
    expect(jsonValueProblem({ ok: 1, 'a/b': { '~x': Infinity }, later: '\0' })).toEqual({
      pointer: '/a~1b/~0x',
      message: 'is a number too large to store (it overflows to infinity)',
    });
  });
});

describe('tooDeepOffset', () => {
  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(tooDeepOffset(`["\\"${'['.repeat(200)}"]`)).toBe(-1);
  });

  it('names the bracket that opens one level too many', () => {
    expect(tooDeepOffset('['.repeat(MAX_JSON_DEPTH + 1))).toBe(-1);
    expect(tooDeepOffset('['.repeat(MAX_JSON_DEPTH + 2))).toBe(MAX_JSON_DEPTH + 1);
  });
});
