import { Type } from '@sinclair/typebox';
import { nextDayOfMonth } from '../../dates/iso-date.js';
import type { ScheduleFormDefinition } from './schedule-form.js';

/** The schema of `monthlyOnDay`. */
export const MonthlyOnDaySchema = Type.Integer({ minimum: 1, maximum: 31, description: 'Due on this day of every month.' });

/** `monthlyOnDay`: a fixed day of every month. */
export const monthlyOnDay: ScheduleFormDefinition = {
  key: 'monthlyOnDay',
  schema: MonthlyOnDaySchema,
  syntax: '{ "monthlyOnDay": 1-31 }',
  doc: 'On this day of every month (a shorter month\'s last day when it has fewer), next after the `from` date.',
  compile: (entry, _compile, { id, activity, label, source }) => {
    const day = entry.monthlyOnDay!;
    return (_s, from) => ({ id, activity, label, everyMonths: 1, dayOfMonth: day, nextDue: nextDayOfMonth(from, day), source });
  },
};
