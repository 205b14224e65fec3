import { describe, expect, it } from 'vitest';
import { SCHEDULE_FORMS } from './registry.js';
import { DUE_UNITS } from './timing/due.js';
import fc from 'fast-check';
import { followingWeekdayWords, nextFollowingWeekday } from './timing/following-weekday.js';
import { nextWeekday, nthWeekdayOfMonth, WEEKDAYS, type NthOfMonth } from '../dates/weekdays.js';
import type { ScheduleEntry } from '../types.js';
import type { EvalState } from '../compile/eval-state.js';

const entry = (form: Partial<ScheduleEntry>): ScheduleEntry => ({ id: 'x', activity: 'visit', label: 'Visit', when: { all: [] }, source: { doc: 'd', section: '1' }, ...form });
const literal = (e: unknown) => () => e;
const s = {} as EvalState;
const head = { id: 'x', activity: 'visit', label: 'Visit', source: 'd 1' };
const withHead = (t: object) => ({ ...head, ...t });

describe('the timing forms', () => {
  it('adds each due unit to a date as documented', () => {
    const due = Object.fromEntries(DUE_UNITS.map((u) => [u.unit, u.add('2025-01-31', 1)]));
    expect(due).toEqual({ days: '2025-02-01', workingDays: '2025-02-03', weeks: '2025-02-07', months: '2025-02-28', years: '2026-01-31' });
  });

  it('gives each schedule form its next due date and interval from a date', () => {
    const timing = (form: Partial<ScheduleEntry>) => SCHEDULE_FORMS.find((f) => f.key in form)!.compile(entry(form), literal, head)(s, '2025-01-31');
    expect(timing({ every: { months: 6 } })).toEqual(withHead({ everyMonths: 6, nextDue: '2025-07-31' }));
    expect(timing({ every: { years: 1 } })).toEqual(withHead({ everyMonths: 12, nextDue: '2026-01-31' }));
    expect(timing({ every: { days: 10 } })).toEqual(withHead({ everyDays: 10, nextDue: '2025-02-10' }));
    expect(timing({ every: { days: 0 } })).toBeUndefined();
    expect(timing({ perYear: 4 })).toEqual(withHead({ everyMonths: 3, nextDue: '2025-04-30' }));
    expect(timing({ perYear: 5 })).toEqual(withHead({ everyDays: 73, nextDue: '2025-04-14' }));
    expect(timing({ monthlyOnDay: 15 })).toEqual(withHead({ everyMonths: 1, dayOfMonth: 15, nextDue: '2025-02-15' }));
    expect(timing({ monthlyOnWeekday: { nth: 2, weekday: 'wednesday' } })).toEqual(withHead({ everyMonths: 1, nextDue: '2025-02-12' }));
    expect(timing({ monthlyOnWeekday: { nth: 'last', weekday: 'friday' } })).toEqual(withHead({ everyMonths: 1, nextDue: '2025-02-28' }));
    // 000 s6.1: CareMatch on the second Wednesday (29 January 2025 is the last Wednesday of January), the Directory by the following Friday.
    expect(timing({ followingWeekday: { weekday: 'friday', after: { nth: 2, weekday: 'wednesday' } } })).toEqual(withHead({ everyMonths: 1, nextDue: '2025-02-14' }));
    expect(timing({ followingWeekday: { weekday: 'friday', after: { nth: 'last', weekday: 'wednesday' } } })).toEqual(withHead({ everyMonths: 1, nextDue: '2025-02-28' }));
    expect(timing({ onDates: ['2025-01-31', '2025-03-01'] })).toEqual(withHead({ nextDue: '2025-03-01' }));
    expect(timing({ onDates: ['2024-12-01'] })).toBeUndefined();
  });

  it('gives the Friday following the second Wednesday of the month after any date', () => {
    const f = { weekday: 'friday', after: { nth: 2, weekday: 'wednesday' } } as const;
    // March 2025: Wednesdays 5 and 12, so the second Wednesday is the 12th and the following Friday the 14th.
    expect(nextFollowingWeekday('2025-03-03', f)).toBe('2025-03-14');
    // Between the refresh and the Directory: this month's Friday is still to come.
    expect(nextFollowingWeekday('2025-03-13', f)).toBe('2025-03-14');
    // On or after the Friday: April's (second Wednesday 9 April, Friday 11 April).
    expect(nextFollowingWeekday('2025-03-14', f)).toBe('2025-04-11');
    expect(nextFollowingWeekday('2025-12-31', f)).toBe('2026-01-16');
    // The same weekday is a week later; a weekday after a month's last one may fall in the next month.
    expect(nextFollowingWeekday('2025-03-03', { weekday: 'wednesday', after: { nth: 2, weekday: 'wednesday' } })).toBe('2025-03-19');
    expect(nextFollowingWeekday('2025-02-01', { weekday: 'monday', after: { nth: 'last', weekday: 'friday' } })).toBe('2025-02-03');
    expect(followingWeekdayWords(f)).toBe('the Friday following the second Wednesday of each month');
  });

  it('gives the following weekday by day numbers as it did by the dates\' text', () => {
    // As it was written over dates as text (nthWeekdayOfMonth and nextWeekday agree with Date, weekdays.test.ts).
    type F = Parameters<typeof nextFollowingWeekday>[1];
    const byText = (date: string, f: F): string => {
      const y = Number(date.slice(0, 4));
      const m = Number(date.slice(5, 7)) - 1;
      for (let k = -1; k <= 1; k++) {
        const mm = m + k;
        const d = nextWeekday(nthWeekdayOfMonth(y + Math.floor(mm / 12), ((mm % 12) + 12) % 12, f.after.nth, f.after.weekday), f.weekday, true);
        if (d > date) return d;
      }
      throw new Error('none');
    };
    const weekday = fc.constantFrom(...WEEKDAYS);
    const following = fc.record({ weekday, after: fc.record({ nth: fc.constantFrom<NthOfMonth>(1, 2, 3, 4, 'last'), weekday }) });
    // Real dates of years 0100-9999, and text that only looks like a date (a 45th day, a 13th month).
    const date = fc.oneof(
      fc.integer({ min: -600_000, max: 2_932_800 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10)),
      fc.tuple(fc.integer({ min: 100, max: 9998 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 0, max: 45 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    );
    fc.assert(fc.property(date, following, (d, f) => {
      let want: string | Error; try { want = byText(d, f); } catch (e) { want = e as Error; }
      if (want instanceof Error) expect(() => nextFollowingWeekday(d, f)).toThrow(); else expect(nextFollowingWeekday(d, f)).toBe(want);
    }), { numRuns: 5000 });
  });

  it('refuses "the <weekday> following the last <same weekday>", which is the next month\'s first', () => {
    const errors: string[] = [];
    const check = (form: Partial<ScheduleEntry>) => SCHEDULE_FORMS.find((f) => f.key === 'followingWeekday')!.check!(entry(form), { pointer: '/outcomes/schedule/0', err: (p, m) => errors.push(`${p}: ${m}`), checkExpression: () => {}, checkParam: () => {} });
    check({ followingWeekday: { weekday: 'friday', after: { nth: 'last', weekday: 'friday' } } });
    check({ followingWeekday: { weekday: 'friday', after: { nth: 2, weekday: 'friday' } } });
    expect(errors).toEqual(['/outcomes/schedule/0/followingWeekday: "The Friday following the last Friday" is always the first Friday of the next month: write "monthlyOnWeekday": { "nth": 1, "weekday": "friday" }.']);
  });

  it('reports dates out of order at their pointer', () => {
    const errors: string[] = [];
    SCHEDULE_FORMS.find((f) => f.key === 'onDates')!.check!(entry({ onDates: ['2025-03-01', '2025-02-01'] }), { pointer: '/outcomes/schedule/0', err: (p, m) => errors.push(`${p}: ${m}`), checkExpression: () => {}, checkParam: () => {} });
    expect(errors).toEqual(['/outcomes/schedule/0/onDates/1: Dates must be in order: 2025-02-01 is not after 2025-03-01.']);
  });
});
