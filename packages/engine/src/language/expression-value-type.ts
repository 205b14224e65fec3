import type { Expression } from './expression-type.js';
import type { OperatorValueType } from './plugin-operator.js';
import { expressionOf } from './registry.js';

/** Forms whose value is a number: arithmetic, sums, clamps and roundings. */
const NUMBER_FORMS = new Set(['sum', 'clamp', 'subtract', 'multiply', 'divide', 'percentage', 'round']);
/** Forms whose value is a date (a `YYYY-MM-DD` text): date offsets, the latest of dates, the next weekday. */
const DATE_FORMS = new Set(['addDays', 'addMonths', 'addWorkingDays', 'latestDate', 'nextWeekday']);

/** How the kinds of the values an expression reads are known: a fact's, a parameter's. */
export interface ValueTypes {
  factType: (fact: string) => OperatorValueType | undefined;
  paramType: (name: string) => OperatorValueType | undefined;
}

/**
 * The kind of an expression's value, where it can be told from the expression alone: a number
 * for arithmetic, a date for a date offset, a fact's or a parameter's own kind, the kind shared
 * by every member of a `max` / `min`; undefined otherwise (a `map`, a `band`, a `mostRecent`),
 * which a meaning check then leaves unchecked.
 */
export function expressionValueType(e: Expression, types: ValueTypes): OperatorValueType | undefined {
  if (typeof e === 'number') return 'number';
  if (typeof e === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(e) ? 'date' : 'string';
  if (typeof e === 'boolean') return 'boolean';
  if (e === null || typeof e !== 'object' || Array.isArray(e)) return undefined;
  const o = e as Record<string, unknown>;
  if (typeof o.fact === 'string') return o.path === undefined ? types.factType(o.fact) : undefined;
  if (typeof o.param === 'string') return types.paramType(o.param);
  const form = expressionOf(o);
  if (!form) return undefined;
  if (NUMBER_FORMS.has(form.key)) return 'number';
  if (DATE_FORMS.has(form.key)) return 'date';
  if ((form.key === 'max' || form.key === 'min') && Array.isArray(o[form.key])) {
    const kinds = new Set((o[form.key] as Expression[]).map((x) => expressionValueType(x, types)));
    const [only] = kinds;
    return kinds.size === 1 ? only : undefined;
  }
  return undefined;
}
