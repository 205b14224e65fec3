import { civilDays, dateOfDay, dayNumber, daysInMonth, fromTime, toTime, weekdayOfDay } from './iso-date.js';

/**
 * Weekdays of ISO dates (`YYYY-MM-DD`), in UTC: the next given weekday from a date, and the nth
 * given weekday of a month ("the second Wednesday").
 */

/** The weekdays by name, Sunday first (as `Date.getUTCDay` numbers them). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** A weekday's name. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Which one of a month's weekdays: the first to the fourth, or the last. */
export type NthOfMonth = 1 | 2 | 3 | 4 | 'last';

const DAY = 86_400_000;
const iso = fromTime;
const time = toTime;
/** `Date.getUTCDay` of a time. */
const weekdayOf = (t: number): number => (Number.isFinite(t) ? weekdayOfDay(Math.floor(Math.trunc(t) / DAY)) : NaN);

/** The first `weekday` on or after `date`, or (with `strictly`) after it: the Friday following 2025-06-06 is 2025-06-13. */
export function nextWeekday(date: string, weekday: Weekday, strictly: boolean): string {
  const n = dayNumber(date);
  if (n === n) {
    const day = n + (strictly ? 1 : 0);
    const out = dateOfDay(day + ((WEEKDAYS.indexOf(weekday) - weekdayOfDay(day) + 7) % 7));
    if (out !== undefined) return out;
  }
  const t = time(date) + (strictly ? DAY : 0);
  const ahead = (WEEKDAYS.indexOf(weekday) - weekdayOf(t) + 7) % 7;
  return iso(t + ahead * DAY);
}

/** The `nth` `weekday` of a month (`month` 0-11): the second Wednesday of June 2025 is 2025-06-11. */
export function nthWeekdayOfMonth(year: number, month: number, nth: NthOfMonth, weekday: Weekday): string {
  const day = nthWeekdayDay(year, month, nth, weekday);
  const out = day === undefined ? undefined : dateOfDay(day);
  if (out !== undefined) return out;
  if (nth === 'last') {
    const last = Date.UTC(year, month + 1, 0);
    const back = (weekdayOf(last) - WEEKDAYS.indexOf(weekday) + 7) % 7;
    return iso(last - back * DAY);
  }
  const first = nextWeekday(iso(Date.UTC(year, month, 1)), weekday, false);
  return iso(time(first) + (nth - 1) * 7 * DAY);
}

/**
 * The day number of the `nth` `weekday` of a month (`month` 0-11) of a year 0100-9999, by
 * arithmetic alone; undefined for any other year or month (left to `Date`, as before).
 */
export function nthWeekdayDay(year: number, month: number, nth: NthOfMonth, weekday: Weekday): number | undefined {
  if (!Number.isInteger(year) || year < 100 || year > 9999 || !Number.isInteger(month) || month < 0 || month > 11) return undefined;
  const wanted = WEEKDAYS.indexOf(weekday);
  if (nth === 'last') {
    const last = civilDays(year, month + 1, daysInMonth(year, month + 1));
    return last - ((weekdayOfDay(last) - wanted + 7) % 7);
  }
  const first = civilDays(year, month + 1, 1);
  return first + ((wanted - weekdayOfDay(first) + 7) % 7) + (nth - 1) * 7;
}

/** The first `nth` `weekday` of a month after `date` (this month's, or the next month's when this one's is not after it). */
export function nextNthWeekdayOfMonth(date: string, nth: NthOfMonth, weekday: Weekday): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1;
  const same = nthWeekdayOfMonth(y, m, nth, weekday);
  return same > date ? same : nthWeekdayOfMonth(m === 11 ? y + 1 : y, (m + 1) % 12, nth, weekday);
}
