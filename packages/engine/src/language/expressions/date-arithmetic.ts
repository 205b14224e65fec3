import { Type, type TSchema } from '@sinclair/typebox';
import { addDays, addMonths, addWorkingDays, isIsoDate } from '../../dates/iso-date.js';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';
import { CALENDAR_BY_NAME, checkCalendarName, workingDayAdder } from '../calendars/calendars.js';

/** `{ "addDays": n, "to": expr }`. */
export const AddDaysExpressionSchema = Type.Object({ addDays: Type.Integer(), to: Nested() }, { additionalProperties: false });
/** `{ "addMonths": n, "to": expr }`. */
export const AddMonthsExpressionSchema = Type.Object({ addMonths: Type.Integer(), to: Nested() }, { additionalProperties: false });
/** `{ "addWorkingDays": n, "to": expr, "calendar"?: name }`. */
export const AddWorkingDaysExpressionSchema = Type.Object({ addWorkingDays: Type.Integer(), to: Nested(), calendar: Type.Optional(Type.String()) }, { additionalProperties: false });

function dateArithmetic(key: string, schema: TSchema, unit: string, add: (d: string, n: number) => string, rule: string): ExpressionDefinition {
  return {
    key, schema,
    syntax: `{ "${key}": n, "to": expr }`,
    doc: `The date n ${unit} after the date of \`to\`${rule}; nothing when \`to\` is not a date.`,
    check: (o, ctx) => ctx.plain(o.to as Expression, 'to'),
    words: (o, w) => `${String(o[key])} ${unit.replace(/ \(.*\)$/, '')} after ${w(o.to as Expression)}`,
    compile: (e, ctx) => {
      const to = ctx.plain(e.to as Expression);
      const n = e[key] as number;
      return (s) => { const d = to(s); return isIsoDate(d) ? add(d, n) : undefined; };
    },
  };
}

/** A date some calendar days from another. */
export const addDaysExpression = dateArithmetic('addDays', AddDaysExpressionSchema, 'days', addDays, '');
/** A date some calendar months from another. */
export const addMonthsExpression = dateArithmetic('addMonths', AddMonthsExpressionSchema, 'months', addMonths, ', a day past the end of the month clamped to its last day');
const workingDays = dateArithmetic('addWorkingDays', AddWorkingDaysExpressionSchema, 'working days (Monday to Friday)', addWorkingDays, '');

/**
 * A date some working days (Monday to Friday) from another, skipping the bank holidays of a
 * named calendar when `calendar` is given (without one, as before: Monday to Friday only).
 */
export const addWorkingDaysExpression: ExpressionDefinition = {
  ...workingDays,
  syntax: '{ "addWorkingDays": n, "to": expr, "calendar"?: name }',
  doc: 'The date n working days after the date of `to`: Monday to Friday, skipping the bank holidays of `calendar` when one is named (`england-and-wales`, `scotland`, `northern-ireland`; without one, bank holidays count as working days); nothing when `to` is not a date; an evaluation error when a day falls outside the years the calendar covers.',
  check: (o, ctx) => {
    workingDays.check(o, ctx);
    if (o.calendar !== undefined) checkCalendarName(o.calendar, `${ctx.pointer}/calendar`, ctx.err);
  },
  words: (o, w) => `${workingDays.words!(o, w)}${o.calendar !== undefined ? ` (${CALENDAR_BY_NAME.get(o.calendar as string)?.label ?? String(o.calendar)} bank holidays skipped)` : ''}`,
  compile: (e, ctx) => {
    if (e.calendar === undefined) return workingDays.compile(e, ctx);
    const to = ctx.plain(e.to as Expression);
    const n = e.addWorkingDays as number;
    const add = workingDayAdder(e.calendar as string, ctx.pointer || 'addWorkingDays');
    return (s) => { const d = to(s); return isIsoDate(d) ? add(d, n) : undefined; };
  },
};
