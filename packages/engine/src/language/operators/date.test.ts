import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { after, before, onOrAfter, onOrBefore } from './date.js';

describe('date operators', () => {
  // What they were written with: a date is text matching /^\d{4}-\d{2}-\d{2}/.
  const isDate = (v: unknown): boolean => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);
  const byRegex = {
    before: (a: unknown, b: unknown) => isDate(a) && isDate(b) && (a as string) < (b as string),
    after: (a: unknown, b: unknown) => isDate(a) && isDate(b) && (a as string) > (b as string),
    onOrBefore: (a: unknown, b: unknown) => isDate(a) && isDate(b) && (a as string) <= (b as string),
    onOrAfter: (a: unknown, b: unknown) => isDate(a) && isDate(b) && (a as string) >= (b as string),
  };
  // Dates, near-dates (a character off, a digit from another script, short, longer) and other values.
  const near = fc.tuple(fc.date({ min: new Date(-62_000_000_000_000), max: new Date(253_000_000_000_000), noInvalidDate: true }), fc.nat(12), fc.constantFrom('', 'x', '/', 'T10:00', '٣', ' '))
    .map(([d, at, c]) => { const t = d.toISOString().slice(0, 10); return at > 10 ? t + c : t.slice(0, at) + c + t.slice(at + (c ? 1 : 0)); });
  const value = fc.oneof(near, fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.constant(['2025-01-01']));

  it('reads a date as the regular expression did', () => {
    fc.assert(fc.property(value, value, (a, b) => {
      expect(before.test(a, b)).toBe(byRegex.before(a, b));
      expect(after.test(a, b)).toBe(byRegex.after(a, b));
      expect(onOrBefore.test(a, b)).toBe(byRegex.onOrBefore(a, b));
      expect(onOrAfter.test(a, b)).toBe(byRegex.onOrAfter(a, b));
    }), { numRuns: 5000 });
    expect(after.test('2025-03-02', '2025-03-01')).toBe(true);
    expect(after.test('2025-3-02', '2025-03-01')).toBe(false);
    expect(onOrAfter.test('2025-03-01T00:00', '2025-03-01')).toBe(true);
  });
});
