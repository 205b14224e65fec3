import { Type, type TSchema } from '@sinclair/typebox';
import { addDays, addMonths, addWorkingDays, isIsoDate } from '../../dates/iso-date.js';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';
import { CALENDAR_BY_NAME, checkCalendarName, workingDayAdder } from '../calendars/calendars.js';
import { numberOrParam, PARAMETER_USES, type ParameterUse } from '../parameters/parameter-use.js';
import { isParamRef } from '../parameters/parameter-declaration.js';
import { resolveParam } from '../../compile/resolve-param.js';
import type { CompileScope } from '../../compile/compile-fact.js';

/** `{ "addDays": n, "to": expr }` (n a whole number or `{ "param": name }`). */
export const AddDaysExpressionSchema = Type.Object({ addDays: numberOrParam(true), to: Nested() }, { additionalProperties: false });
/** `{ "addMonths": n, "to": expr }` (n a whole number or `{ "param": name }`). */
export const AddMonthsExpressionSchema = Type.Object({ addMonths: numberOrParam(true), to: Nested() }, { additionalProperties: false });
/** `{ "addWorkingDays": n, "to": expr, "calendar"?: name }` (n a whole number or `{ "param": name }`). */
export const AddWorkingDaysExpressionSchema = Type.Object({ addWorkingDays: numberOrParam(true), to: Nested(), calendar: Type.Optional(Type.String()) }, { additionalProperties: false });

/** The amount of a date arithmetic form: its number, or its declared parameter's value (undefined when that is not a whole number). */
function amount(n: unknown, scope: CompileScope): number | undefined {
  const v = isParamRef(n) ? resolveParam(n.param, scope) : n;
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

function dateArithmetic(key: string, schema: TSchema, unit: string, add: (d: string, n: number) => string, rule: string, use: ParameterUse): ExpressionDefinition {
  return {
    key, schema,
    syntax: `{ "${key}": n, "to": expr }`,
    doc: `The date n ${unit} after the date of \`to\`${rule}; n is a whole number or a declared parameter (\`{ "param": name }\`, of type integer and in ${use.units?.[0] ?? unit} when it states a unit); nothing when \`to\` is not a date.`,
    check: (o, ctx) => {
      const n = o[key];
      if (isParamRef(n)) ctx.checkParam(n.param, `${ctx.pointer}/${key}/param`, use);
      ctx.plain(o.to as Expression, 'to');
    },
    words: (o, w) => `${isParamRef(o[key]) ? w(o[key] as Expression) : String(o[key])} ${unit.replace(/ \(.*\)$/, '')} after ${w(o.to as Expression)}`,
    compile: (e, ctx) => {
      const to = ctx.plain(e.to as Expression);
      const n = amount(e[key], ctx.scope);
      if (n === undefined) return () => undefined;
      return (s) => { const d = to(s); return isIsoDate(d) ? add(d, n) : undefined; };
    },
  };
}

/** A date some calendar days from another. */
export const addDaysExpression = dateArithmetic('addDays', AddDaysExpressionSchema, 'days', addDays, '', PARAMETER_USES.days);
/** A date some calendar months from another. */
export const addMonthsExpression = dateArithmetic('addMonths', AddMonthsExpressionSchema, 'months', addMonths, ', a day past the end of the month clamped to its last day', PARAMETER_USES.months);
const workingDays = dateArithmetic('addWorkingDays', AddWorkingDaysExpressionSchema, 'working days (Monday to Friday)', addWorkingDays, '', PARAMETER_USES.workingDays);

/**
 * A date some working days (Monday to Friday) from another, skipping the bank holidays of a
 * named calendar when `calendar` is given (without one, as before: Monday to Friday only).
 */
export const addWorkingDaysExpression: ExpressionDefinition = {
  ...workingDays,
  syntax: '{ "addWorkingDays": n, "to": expr, "calendar"?: name }',
  doc: 'The date n working days after the date of `to` (n a whole number or a declared parameter in working days): Monday to Friday, skipping the bank holidays of `calendar` when one is named (`england-and-wales`, `scotland`, `northern-ireland`; without one, bank holidays count as working days); nothing when `to` is not a date; an evaluation error when a day falls outside the years the calendar covers.',
  check: (o, ctx) => {
    workingDays.check(o, ctx);
    if (o.calendar !== undefined) checkCalendarName(o.calendar, `${ctx.pointer}/calendar`, ctx.err);
  },
  words: (o, w) => `${workingDays.words!(o, w)}${o.calendar !== undefined ? ` (${CALENDAR_BY_NAME.get(o.calendar as string)?.label ?? String(o.calendar)} bank holidays skipped)` : ''}`,
  compile: (e, ctx) => {
    if (e.calendar === undefined) return workingDays.compile(e, ctx);
    const to = ctx.plain(e.to as Expression);
    const n = amount(e.addWorkingDays, ctx.scope);
    const add = workingDayAdder(e.calendar as string, ctx.pointer || 'addWorkingDays');
    if (n === undefined) return () => undefined;
    return (s) => { const d = to(s); return isIsoDate(d) ? add(d, n) : undefined; };
  },
};
