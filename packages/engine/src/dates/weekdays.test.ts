import { describe, expect, it } from 'vitest';
import { nextNthWeekdayOfMonth, nextWeekday, nthWeekdayOfMonth } from './weekdays.js';

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
