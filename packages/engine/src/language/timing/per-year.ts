import { addDays, addMonths } from '../../dates/iso-date.js';
import { Nested } from '../expression.js';
import type { ScheduleFormDefinition } from './schedule-form.js';

/** The schema of `perYear`: a number or an expression. */
export const PerYearSchema = Nested();

/** `perYear`: a number of occurrences a year. */
export const perYear: ScheduleFormDefinition = {
  key: 'perYear',
  schema: PerYearSchema,
  syntax: '{ "perYear": n or expr }',
  doc: 'n times a year: every 12 / n months when that is whole, else every 365 / n days rounded down.',
  check: (entry, ctx) => { if (entry.perYear !== undefined) ctx.checkExpression(entry.perYear, `${ctx.pointer}/perYear`); },
  compile: (entry, compile, { id, activity, label, source }) => {
    const get = compile(entry.perYear!);
    return (s, from) => {
      const n = get(s);
      if (typeof n !== 'number' || !(n > 0)) return undefined;
      if (Number.isInteger(12 / n)) return { id, activity, label, everyMonths: 12 / n, nextDue: addMonths(from, 12 / n), source };
      const days = Math.floor(365 / n);
      return { id, activity, label, everyDays: days, nextDue: addDays(from, days), source };
    };
  },
};
