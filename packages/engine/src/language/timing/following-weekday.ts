import { Type } from '@sinclair/typebox';
import { nextWeekday, nthWeekdayDay, nthWeekdayOfMonth, WEEKDAYS, type Weekday } from '../../dates/weekdays.js';
import { dateOfDay, dayNumber, isIsoDate, weekdayOfDay } from '../../dates/iso-date.js';
import { MonthlyOnWeekdaySchema, WeekdaySchema, nthWeekdayWords } from './monthly-on-weekday.js';
import type { ScheduleEntry } from '../../types.js';
import type { ScheduleFormDefinition } from './schedule-form.js';

/**
 * The schema of `followingWeekday`: `{ "weekday": "friday", "after": { "nth": 2, "weekday": "wednesday" } }`,
 * "by the following Friday" of a monthly date given as `monthlyOnWeekday` gives it.
 */
export const FollowingWeekdaySchema = Type.Object({
  weekday: WeekdaySchema(),
  after: MonthlyOnWeekdaySchema,
}, { additionalProperties: false, description: 'Due on the first given weekday after the nth weekday of every month ("the Friday following the second Wednesday of each month").' });

type FollowingWeekday = NonNullable<ScheduleEntry['followingWeekday']>;

const capital = (w: string): string => `${w[0]!.toUpperCase()}${w.slice(1)}`;

/** "the Friday following the second Wednesday of each month" */
export const followingWeekdayWords = (f: FollowingWeekday): string => `the ${capital(f.weekday)} following ${nthWeekdayWords(f.after.nth, f.after.weekday)} of each month`;

/**
 * The first day after `date` that is the `weekday` following the nth weekday of its month (the
 * previous month's, this month's or the next month's: a "last" weekday's following day may fall
 * in the next month). The following weekday is strictly after the monthly date: the Wednesday
 * following a Wednesday is a week later.
 */
export function nextFollowingWeekday(date: string, f: FollowingWeekday): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1;
  // By day numbers for a real date (whose order is its text's order), else by the dates' text.
  const from = isIsoDate(date) ? dayNumber(date) : NaN;
  const wanted = WEEKDAYS.indexOf(f.weekday as Weekday);
  for (let k = -1; k <= 1; k++) {
    const mm = m + k;
    const year = y + Math.floor(mm / 12);
    const month = ((mm % 12) + 12) % 12;
    const base = from === from ? nthWeekdayDay(year, month, f.after.nth, f.after.weekday) : undefined;
    if (base !== undefined) {
      const day = base + 1 + ((wanted - weekdayOfDay(base + 1) + 7) % 7);
      if (!(day > from)) continue;
      const out = dateOfDay(day);
      if (out !== undefined) return out;
    }
    const d = nextWeekday(nthWeekdayOfMonth(year, month, f.after.nth, f.after.weekday), f.weekday as Weekday, true);
    if (d > date) return d;
  }
  // Unreachable: next month's following weekday is always after a date of this month.
  throw new Error(`no ${f.weekday} following ${f.after.nth} ${f.after.weekday} after ${date}`);
}

/** `followingWeekday`: "by the following Friday" of a monthly date, as a real date. */
export const followingWeekday: ScheduleFormDefinition = {
  key: 'followingWeekday',
  schema: FollowingWeekdaySchema,
  syntax: '{ "followingWeekday": { "weekday": "monday"-"sunday", "after": { "nth": 1-4 | "last", "weekday": "monday"-"sunday" } } }',
  doc: 'On the first given weekday after the nth weekday of every month ("the Care Services Directory by the following Friday" of the second-Wednesday CareMatch refresh: `{ "weekday": "friday", "after": { "nth": 2, "weekday": "wednesday" } }`), next after the `from` date. The same weekday as `after` is a week later.',
  check: (entry, ctx) => {
    const f = entry.followingWeekday;
    // A week after the last weekday of a month is in the next month: say "the first ... of each month" instead.
    if (f && f.after.nth === 'last' && f.weekday === f.after.weekday) {
      ctx.err(`${ctx.pointer}/followingWeekday`, `"The ${capital(f.weekday)} following the last ${capital(f.after.weekday)}" is always the first ${capital(f.weekday)} of the next month: write "monthlyOnWeekday": { "nth": 1, "weekday": "${f.weekday}" }.`);
    }
  },
  compile: (entry, _compile, { id, activity, label, source }) => {
    const f = entry.followingWeekday!;
    return (_s, from) => ({ id, activity, label, everyMonths: 1, nextDue: nextFollowingWeekday(from, f), source });
  },
};
