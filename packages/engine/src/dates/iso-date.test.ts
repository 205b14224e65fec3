import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, addWorkingDays, daysInMonth, fromTime, isIsoDate, nextDayOfMonth, toTime, weekdayOfDay } from './iso-date.js';

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

  it('recognises a date as ajv-formats\' full date does (its pattern, months 1-12, days of the month, leap years)', () => {
    const ajvDate = (v: string): boolean => {
      const m = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(v);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
      return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap ? 29 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!);
    };
    // Text of a date's shape with any digits, and with one character changed.
    const shaped = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const changed = fc.tuple(shaped, fc.nat(9), fc.constantFrom('/', ':', 'a', ' ', '٣', '0', '9', '-'))
      .map(([t, at, c]) => t.slice(0, at) + c + t.slice(at + 1));
    fc.assert(fc.property(fc.oneof(shaped, changed, fc.string({ maxLength: 12 })), (v) => { expect(isIsoDate(v)).toBe(ajvDate(v)); }), { numRuns: 5000 });
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

describe('ISO dates by arithmetic, as Date gives them', () => {
  // What these functions gave when they went through Date, as the oracle.
  const viaDate = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  const isoViaDate = (t: number): string => new Date(t).toISOString().slice(0, 10);
  const DAY = 86_400_000;
  const written = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

  it('reads a date to the time Date.UTC gives, rolling over days and months past their end as it does', () => {
    fc.assert(fc.property(written, (d) => { expect(toTime(d)).toBe(viaDate(d)); }), { numRuns: 3000 });
    for (const d of ['0099-12-31', '0100-01-01', '1970-01-01', '1969-12-31', '2024-02-30', '2025-13-01', '2025-00-10', 'abcd-ef-gh', '2025-1-01', '']) expect(Object.is(toTime(d), viaDate(d))).toBe(true);
  });

  it('writes a time as Date.toISOString writes its date, and refuses what it refuses', () => {
    const times = fc.oneof(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), fc.double({ min: -7e13, max: 3e14, noNaN: true }));
    fc.assert(fc.property(times, (t) => { expect(fromTime(t)).toBe(isoViaDate(t)); }), { numRuns: 3000 });
    for (const t of [-62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, -1, 0, 0.5]) expect(fromTime(t)).toBe(isoViaDate(t));
    for (const t of [NaN, Infinity, 8.64e15 + 1]) expect(() => fromTime(t)).toThrow(RangeError);
  });

  it('gives the weekday Date.getUTCDay gives, and month lengths as Date counts them', () => {
    fc.assert(fc.property(fc.integer({ min: -1_000_000, max: 2_900_000 }), (n) => { expect(weekdayOfDay(n)).toBe(new Date(n * DAY).getUTCDay()); }), { numRuns: 2000 });
    for (let y = 1896; y <= 2104; y++) for (let m = 1; m <= 12; m++) expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
  });

  it('adds days, months and working days as the Date-based arithmetic did, years 0000-0099 included', () => {
    fc.assert(fc.property(written, fc.integer({ min: -800, max: 800 }), (d, n) => {
      const t = viaDate(d);
      const same = (f: () => string, g: () => string): void => {
        let want: string | Error; try { want = g(); } catch (e) { want = e as Error; }
        if (want instanceof Error) expect(f).toThrow(want.constructor as ErrorConstructor); else expect(f()).toBe(want);
      };
      same(() => addDays(d, n), () => isoViaDate(t + n * DAY));
      same(() => addDays(d, n / 4), () => isoViaDate(t + (n / 4) * DAY));
      same(() => addWorkingDays(d, Math.abs(n) % 30), () => {
        let u = t; let left = Math.abs(n) % 30;
        while (left > 0) { u += DAY; const wd = new Date(u).getUTCDay(); if (wd !== 0 && wd !== 6) left--; }
        return isoViaDate(u);
      });
      same(() => addMonths(d, Math.trunc(n / 10)), () => {
        const m = Number(d.slice(5, 7)) - 1 + Math.trunc(n / 10);
        const ty = Number(d.slice(0, 4)) + Math.floor(m / 12);
        const tm = ((m % 12) + 12) % 12;
        return isoViaDate(Date.UTC(ty, tm, Math.min(Number(d.slice(8, 10)), new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate())));
      });
    }), { numRuns: 3000 });
  });
});
