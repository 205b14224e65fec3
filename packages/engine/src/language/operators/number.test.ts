import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { greaterThan, greaterThanInclusive, lessThan, lessThanInclusive } from './number.js';

describe('number operators', () => {
  // What they were written with: json-rules-engine's test of a numeric fact, on its text.
  const numeric = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';
  const value = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e21, 5e-324), fc.string(), fc.constantFrom('3', ' 4x', 'NaN', 'Infinity', null, undefined, true, [2], {}));

  it('holds a fact to be numeric as json-rules-engine did, a number without writing it as text', () => {
    fc.assert(fc.property(value, value, (a, b) => {
      expect(lessThan.test(a, b)).toBe(numeric(a) && (a as number) < (b as number));
      expect(lessThanInclusive.test(a, b)).toBe(numeric(a) && (a as number) <= (b as number));
      expect(greaterThan.test(a, b)).toBe(numeric(a) && (a as number) > (b as number));
      expect(greaterThanInclusive.test(a, b)).toBe(numeric(a) && (a as number) >= (b as number));
    }), { numRuns: 5000 });
    expect(greaterThanInclusive.test(3, 3)).toBe(true);
    expect(greaterThanInclusive.test(NaN, 0)).toBe(false);
  });
});
