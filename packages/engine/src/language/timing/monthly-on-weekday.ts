import { Type } from '@sinclair/typebox';
import { nextNthWeekdayOfMonth, WEEKDAYS, type NthOfMonth, type Weekday } from '../../dates/weekdays.js';
import type { ScheduleFormDefinition } from './schedule-form.js';

/** A weekday's name in a schema (`"monday"` ... `"sunday"`). */
export const WeekdaySchema = () => Type.Unsafe<Weekday>({ type: 'string', enum: [...WEEKDAYS], description: 'A weekday, in lower case.' });

/** The schema of `monthlyOnWeekday`: `{ "nth": 1-4 or "last", "weekday": "wednesday" }`. */
export const MonthlyOnWeekdaySchema = Type.Object({
  nth: Type.Unsafe<NthOfMonth>({ enum: [1, 2, 3, 4, 'last'], description: 'Which one of the month\'s weekdays: 1 to 4, or "last".' }),
  weekday: WeekdaySchema(),
}, { additionalProperties: false, description: 'Due on the nth weekday of every month ("the second Wednesday of each month").' });

const ORDINALS = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', last: 'last' } as const;

/** "the second Wednesday" */
export const nthWeekdayWords = (nth: NthOfMonth, weekday: Weekday): string => `the ${ORDINALS[nth]} ${weekday[0]!.toUpperCase()}${weekday.slice(1)}`;

/** `monthlyOnWeekday`: the nth weekday of every month. */
export const monthlyOnWeekday: ScheduleFormDefinition = {
  key: 'monthlyOnWeekday',
  schema: MonthlyOnWeekdaySchema,
  syntax: '{ "monthlyOnWeekday": { "nth": 1-4 | "last", "weekday": "monday"-"sunday" } }',
  doc: 'On the nth weekday of every month ("the second Wednesday of each month": `{ "nth": 2, "weekday": "wednesday" }`), next after the `from` date.',
  compile: (entry, _compile, { id, activity, label, source }) => {
    const { nth, weekday } = entry.monthlyOnWeekday!;
    return (_s, from) => ({ id, activity, label, everyMonths: 1, nextDue: nextNthWeekdayOfMonth(from, nth, weekday), source });
  },
};
