import type { Offset, ScheduleEntry } from '@openqaf/engine';
import { CALENDARS, followingWeekdayWords, nthWeekdayWords } from '@openqaf/engine/browser';
import { describeValue, type DeclaredParameters } from './describe-condition.js';
import { humanize } from './editable-fields.js';

/** How many times a year, in words: "once a year", "twice a year", "4 times a year". */
function timesAYear(n: string): string {
  if (n === '1') return 'once a year';
  if (n === '2') return 'twice a year';
  return `${n} times a year`;
}

/** When an action is due, in words: "within 10 working days (Scotland's bank holidays skipped)"; a parameter by its value (`declared`: the pack's `parameters`). */
export function dueText(due: Offset | undefined, declared?: DeclaredParameters): string {
  if (!due) return 'on the assessment date';
  const unit = (['days', 'workingDays', 'weeks', 'months', 'years'] as const).find((u) => due[u] !== undefined);
  if (!unit) return 'on the assessment date';
  const calendar = unit === 'workingDays' && due.calendar !== undefined ? CALENDARS.find((c) => c.name === due.calendar)?.label ?? due.calendar : undefined;
  const n = describeValue(due[unit], {}, declared);
  const many = humanize(unit).toLowerCase();
  return `within ${n} ${n === '1' ? many.replace(/s$/, '') : many}${calendar ? ` (${calendar} bank holidays skipped)` : ''}`;
}

/** How often a schedule entry recurs, in words: "every 12 months", "every month", "the second Wednesday of each month"; a parameter by its value. */
export function everyText(s: ScheduleEntry, declared?: DeclaredParameters): string {
  if (s.perYear !== undefined) return timesAYear(describeValue(s.perYear, {}, declared));
  if (s.monthlyOnWeekday) return `${nthWeekdayWords(s.monthlyOnWeekday.nth, s.monthlyOnWeekday.weekday)} of each month`;
  if (s.followingWeekday) return followingWeekdayWords(s.followingWeekday);
  const [unit, n] = Object.entries(s.every ?? {})[0] ?? [];
  if (!unit) return '';
  const count = describeValue(n, {}, declared);
  // "every 1 months" reads as "every month".
  return count === '1' ? `every ${unit.replace(/s$/, '')}` : `every ${count} ${unit}`;
}
