import { EvaluationError } from '../../errors.js';
import data from './uk-bank-holidays.json' with { type: 'json' };

/** One bank-holiday calendar the pack language knows by name. */
export interface CalendarDefinition {
  /** The name a pack uses (`"calendar": "england-and-wales"`), as GOV.UK names its divisions. */
  readonly name: string;
  readonly label: string;
  /** The first and last years the calendar covers. */
  readonly from: number;
  readonly to: number;
  /** Its bank holidays (weekdays only, substitute days included), `YYYY-MM-DD`. */
  readonly holidays: ReadonlySet<string>;
}

/** Where the calendars come from, and when they were generated (`scripts/generate-bank-holidays.js`). */
export const CALENDAR_SOURCE: { source: string; generatedOn: string } = { source: data.source, generatedOn: data.generatedOn };

/** The bank-holiday calendars, in the order hints and the docs list them. */
export const CALENDARS: readonly CalendarDefinition[] = Object.entries(data.calendars).map(([name, c]) => ({
  name, label: c.label, from: data.years.from, to: data.years.to, holidays: new Set(c.holidays.map((h) => h.date)),
}));

/** Every calendar by name. */
export const CALENDAR_BY_NAME: ReadonlyMap<string, CalendarDefinition> = new Map(CALENDARS.map((c) => [c.name, c]));

/**
 * A date outside the years a calendar covers: evaluation stops rather than guess its bank
 * holidays. An `EvaluationError` whose `decision` is where (the pointer or the expression).
 */
export class CalendarRangeError extends EvaluationError {
  readonly calendar: string;
  readonly date: string;
  constructor(calendar: CalendarDefinition, date: string, where: string) {
    super(where, `${date} is outside the years the ${calendar.label} calendar ("${calendar.name}") covers, ${calendar.from} to ${calendar.to}.`);
    this.name = 'CalendarRangeError';
    this.calendar = calendar.name;
    this.date = date;
  }
}

/**
 * The meaning check of a `calendar` property: reports an unknown name at `pointer` with the
 * known names as the hint.
 */
export function checkCalendarName(name: unknown, pointer: string, err: (pointer: string, message: string, hint?: string, code?: string) => void): void {
  if (typeof name === 'string' && CALENDAR_BY_NAME.has(name)) return;
  err(pointer, `Unknown calendar ${JSON.stringify(name)}.`, `Use one of ${CALENDARS.map((c) => `"${c.name}"`).join(', ')}.`, 'unknown-calendar');
}

const DAY = 86_400_000;

/**
 * Adds working days (Monday to Friday) skipping the bank holidays of a calendar; without one,
 * Monday to Friday only. `where` names the expression (its pointer) in the error thrown when a
 * day it passes falls outside the calendar's years.
 */
export function workingDayAdder(name: string | undefined, where: string): (date: string, n: number) => string {
  const calendar = name === undefined ? undefined : CALENDAR_BY_NAME.get(name);
  if (name !== undefined && !calendar) throw new Error(`${where}: unknown calendar "${name}".`);
  return (date, n) => {
    let t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
    const check = (d: Date): void => {
      if (calendar && (d.getUTCFullYear() < calendar.from || d.getUTCFullYear() > calendar.to)) throw new CalendarRangeError(calendar, d.toISOString().slice(0, 10), where);
    };
    check(new Date(t));
    let left = n;
    while (left > 0) {
      t += DAY;
      const d = new Date(t);
      const wd = d.getUTCDay();
      if (wd === 0 || wd === 6) continue;
      if (calendar) {
        check(d);
        if (calendar.holidays.has(d.toISOString().slice(0, 10))) continue;
      }
      left--;
    }
    return new Date(t).toISOString().slice(0, 10);
  };
}
