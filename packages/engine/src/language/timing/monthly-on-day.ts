import { nextDayOfMonth } from '../../dates/iso-date.js';
import type { Expression } from '../expression-type.js';
import type { ScheduleFormDefinition } from './schedule-form.js';
import { isParamRef } from '../parameters/parameter-declaration.js';
import { numberOrParam, PARAMETER_USES } from '../parameters/parameter-use.js';

/** The schema of `monthlyOnDay`: a day 1-31, or a declared parameter (`{ "param": name }`, a whole number with bounds within 1-31). */
export const MonthlyOnDaySchema = numberOrParam(true, { minimum: 1, maximum: 31, description: 'Due on this day of every month: 1 to 31, or a declared parameter (`{ "param": name }`).' });

/** `monthlyOnDay`: a fixed day of every month, written or given by a declared parameter. */
export const monthlyOnDay: ScheduleFormDefinition = {
  key: 'monthlyOnDay',
  schema: MonthlyOnDaySchema,
  syntax: '{ "monthlyOnDay": 1-31 or { "param": name } }',
  doc: 'On this day of every month (a shorter month\'s last day when it has fewer), next after the `from` date; the day may be a declared parameter of type integer whose `min` and `max` lie within 1 to 31.',
  check: (entry, ctx) => {
    const day = entry.monthlyOnDay;
    if (isParamRef(day)) ctx.checkParam(day.param, `${ctx.pointer}/monthlyOnDay/param`, PARAMETER_USES.dayOfMonth);
  },
  compile: (entry, compile, { id, activity, label, source }) => {
    const get = compile(entry.monthlyOnDay as Expression);
    return (s, from) => {
      const day = get(s);
      // A parameter's value is held to 1-31 by validation; a value that is not one gives no entry.
      if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 31) return undefined;
      return { id, activity, label, everyMonths: 1, dayOfMonth: day, nextDue: nextDayOfMonth(from, day), source };
    };
  },
};
