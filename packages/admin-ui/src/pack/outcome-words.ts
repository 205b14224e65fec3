import type { Offset, ScheduleEntry } from '@openqaf/engine';
import { CALENDARS, followingWeekdayWords, nthWeekdayWords } from '@openqaf/engine/browser';
import { describeValue, type DeclaredParameters } from './describe-condition.js';
import { humanize } from './editable-fields.js';

/** When an action is due, in words: "within 10 working days (Scotland's bank holidays skipped)"; a parameter by its value (`declared`: the pack's `parameters`). */
export function dueText(due: Offset | undefined, declared?: DeclaredParameters): string {
  if (!due) return 'on the assessment date';
  const unit = (['days', 'workingDays', 'weeks', 'months', 'years'] as const).find((u) => due[u] !== undefined);
  if (!unit) return 'on the assessment date';
  const calendar = unit === 'workingDays' && due.calendar !== undefined ? CALENDARS.find((c) => c.name === due.calendar)?.label ?? due.calendar : undefined;
  return `within ${describeValue(due[unit], {}, declared)} ${humanize(unit).toLowerCase()}${calendar ? ` (${calendar} bank holidays skipped)` : ''}`;
}

/** How often a schedule entry recurs, in words: "every 12 months", "the second Wednesday of each month"; a parameter by its value. */
export function everyText(s: ScheduleEntry, declared?: DeclaredParameters): string {
  if (s.perYear !== undefined) return `${describeValue(s.perYear, {}, declared)} a year`;
  if (s.monthlyOnWeekday) return `${nthWeekdayWords(s.monthlyOnWeekday.nth, s.monthlyOnWeekday.weekday)} of each month`;
  if (s.followingWeekday) return followingWeekdayWords(s.followingWeekday);
  const [unit, n] = Object.entries(s.every ?? {})[0] ?? [];
  return unit ? `every ${describeValue(n, {}, declared)} ${unit}` : '';
}
