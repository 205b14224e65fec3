import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextNthWeekdayOfMonth, nextWeekday, nthWeekdayOfMonth, WEEKDAYS, type NthOfMonth, type Weekday } from './weekdays.js';

describe('weekdays of dates', () => {
  it('gives the next weekday on or after a date, or strictly after it', () => {
    // 2025-06-06 is a Friday.
    expect(nextWeekday('2025-06-06', 'friday', false)).toBe('2025-06-06');
    expect(nextWeekday('2025-06-06', 'friday', true)).toBe('2025-06-13');
    expect(nextWeekday('2025-06-05', 'friday', true)).toBe('2025-06-06');
    expect(nextWeekday('2025-06-07', 'friday', false)).toBe('2025-06-13');
    expect(nextWeekday('2025-12-29', 'sunday', false)).toBe('2026-01-04');
  });

  it('gives the nth weekday of a month, and the last', () => {
    expect(nthWeekdayOfMonth(2025, 5, 2, 'wednesday')).toBe('2025-06-11');
    // 1 October 2025 is itself a Wednesday.
    expect(nthWeekdayOfMonth(2025, 9, 1, 'wednesday')).toBe('2025-10-01');
    expect(nthWeekdayOfMonth(2025, 9, 4, 'wednesday')).toBe('2025-10-22');
    expect(nthWeekdayOfMonth(2025, 9, 'last', 'wednesday')).toBe('2025-10-29');
    expect(nthWeekdayOfMonth(2024, 1, 'last', 'thursday')).toBe('2024-02-29');
  });

  it('gives the next nth weekday of a month strictly after a date, crossing the year', () => {
    expect(nextNthWeekdayOfMonth('2025-06-10', 2, 'wednesday')).toBe('2025-06-11');
    expect(nextNthWeekdayOfMonth('2025-06-11', 2, 'wednesday')).toBe('2025-07-09');
    expect(nextNthWeekdayOfMonth('2025-12-20', 2, 'wednesday')).toBe('2026-01-14');
    expect(nextNthWeekdayOfMonth('2025-10-29', 'last', 'wednesday')).toBe('2025-11-26');
  });
});

describe('weekdays by arithmetic, as the Date-based way gave them', () => {
  // The functions as they were written over Date, the oracle.
  const DAY = 86_400_000;
  const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
  const time = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  const oldNext = (date: string, weekday: Weekday, strictly: boolean): string => {
    const t = time(date) + (strictly ? DAY : 0);
    return iso(t + ((WEEKDAYS.indexOf(weekday) - new Date(t).getUTCDay() + 7) % 7) * DAY);
  };
  const oldNth = (year: number, month: number, nth: NthOfMonth, weekday: Weekday): string => {
    if (nth === 'last') {
      const last = Date.UTC(year, month + 1, 0);
      return iso(last - ((new Date(last).getUTCDay() - WEEKDAYS.indexOf(weekday) + 7) % 7) * DAY);
    }
    return iso(time(oldNext(iso(Date.UTC(year, month, 1)), weekday, false)) + (nth - 1) * 7 * DAY);
  };
  const weekday = fc.constantFrom(...WEEKDAYS);
  const nth = fc.constantFrom<NthOfMonth>(1, 2, 3, 4, 'last');
  const date = fc.integer({ min: -600_000, max: 2_900_000 }).map((n) => iso(n * DAY));

  it('gives the same next weekday and nth weekday of a month for dates of years 0100-9999', () => {
    fc.assert(fc.property(date, weekday, fc.boolean(), (d, w, strictly) => { expect(nextWeekday(d, w, strictly)).toBe(oldNext(d, w, strictly)); }), { numRuns: 3000 });
    fc.assert(fc.property(fc.integer({ min: 100, max: 9998 }), fc.integer({ min: 0, max: 11 }), nth, weekday, (y, m, n, w) => { expect(nthWeekdayOfMonth(y, m, n, w)).toBe(oldNth(y, m, n, w)); }), { numRuns: 3000 });
  });
});
