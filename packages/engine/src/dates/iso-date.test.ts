import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addWorkingDays, isIsoDate, nextDayOfMonth } from './iso-date.js';

describe('ISO dates', () => {
  it('recognises real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
  });
  it('adds days across months and years', () => {
    expect(addDays('2025-03-01', 7)).toBe('2025-03-08');
    expect(addDays('2024-12-28', 7)).toBe('2025-01-04');
  });
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-01', 12)).toBe('2026-03-01');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });
  it('adds working days, skipping weekends', () => {
    expect(addWorkingDays('2025-03-07', 1)).toBe('2025-03-10'); // Friday -> Monday
    expect(addWorkingDays('2025-03-03', 10)).toBe('2025-03-17'); // Monday + 10 working days
  });
});

describe('nextDayOfMonth', () => {
  it('finds the next date on a day of the month, strictly after the date', () => {
    expect(nextDayOfMonth('2025-03-01', 8)).toBe('2025-03-08');
    expect(nextDayOfMonth('2025-03-08', 8)).toBe('2025-04-08');
    expect(nextDayOfMonth('2025-12-20', 6)).toBe('2026-01-06');
    expect(nextDayOfMonth('2025-02-10', 31)).toBe('2025-02-28');
    expect(nextDayOfMonth('2025-02-28', 31)).toBe('2025-03-31');
  });
});
