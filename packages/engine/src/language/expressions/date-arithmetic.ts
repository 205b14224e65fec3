import { Type, type TSchema } from '@sinclair/typebox';
import { addDays, addMonths, addWorkingDays, isIsoDate } from '../../dates/iso-date.js';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';

/** `{ "addDays": n, "to": expr }`. */
export const AddDaysExpressionSchema = Type.Object({ addDays: Type.Integer(), to: Nested() }, { additionalProperties: false });
/** `{ "addMonths": n, "to": expr }`. */
export const AddMonthsExpressionSchema = Type.Object({ addMonths: Type.Integer(), to: Nested() }, { additionalProperties: false });
/** `{ "addWorkingDays": n, "to": expr }`. */
export const AddWorkingDaysExpressionSchema = Type.Object({ addWorkingDays: Type.Integer(), to: Nested() }, { additionalProperties: false });

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
/** A date some working days (Monday to Friday) from another. */
export const addWorkingDaysExpression = dateArithmetic('addWorkingDays', AddWorkingDaysExpressionSchema, 'working days (Monday to Friday)', addWorkingDays, '');
