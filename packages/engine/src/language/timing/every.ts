import { Type } from '@sinclair/typebox';
import { addDays, addMonths } from '../../dates/iso-date.js';
import { Nested } from '../expression.js';
import type { Expression } from '../expression-type.js';
import type { ScheduleFormDefinition } from './schedule-form.js';
import { isParamRef } from '../parameters/parameter-declaration.js';
import { PARAMETER_USES } from '../parameters/parameter-use.js';

/** The schema of `every`: exactly one unit, a number or an expression. */
export const EverySchema = Type.Object({ months: Type.Optional(Nested()), days: Type.Optional(Nested()), years: Type.Optional(Nested()) }, { additionalProperties: false, minProperties: 1, maxProperties: 1 });

/** `every`: a fixed interval in months, days or years (a number or an expression). */
export const every: ScheduleFormDefinition = {
  key: 'every',
  schema: EverySchema,
  syntax: '{ "every": { "months" | "days" | "years": n or expr } }',
  doc: 'Every n months, days or years after the `from` date; nothing when n is not a positive number.',
  check: (entry, ctx) => {
    for (const [unit, v] of Object.entries(entry.every ?? {})) {
      const at = `${ctx.pointer}/every/${unit}`;
      // A declared parameter must be a whole number in the entry's unit; any other expression is checked as itself.
      if (isParamRef(v)) ctx.checkParam(v.param, `${at}/param`, PARAMETER_USES[unit as 'months' | 'days' | 'years']);
      else ctx.checkExpression(v as Expression, at);
    }
  },
  compile: (entry, compile, { id, activity, label, source }) => {
    const e = entry.every!;
    const unit = (['months', 'days', 'years'] as const).find((u) => e[u] !== undefined);
    if (!unit) return () => undefined;
    const get = compile(e[unit]!);
    return (s, from) => {
      const n = get(s);
      if (typeof n !== 'number' || !(n > 0)) return undefined;
      if (unit === 'days') return { id, activity, label, everyDays: n, nextDue: addDays(from, n), source };
      const months = unit === 'years' ? 12 * n : n;
      return { id, activity, label, everyMonths: months, nextDue: addMonths(from, months), source };
    };
  },
};
