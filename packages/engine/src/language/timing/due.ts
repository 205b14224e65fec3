import { Type } from '@sinclair/typebox';
import { addDays, addMonths, addWorkingDays } from '../../dates/iso-date.js';
import { Nested } from '../expression.js';

/** One unit an action's due time may be given in. */
export interface DueUnitDefinition {
  readonly unit: 'days' | 'workingDays' | 'weeks' | 'months' | 'years';
  /** One sentence for the docs table. */
  readonly doc: string;
  /** The date `n` units after `from`. */
  readonly add: (from: string, n: number) => string;
}

/** The units of an action's `due`, in the order hints and the docs list them. */
export const DUE_UNITS: readonly DueUnitDefinition[] = [
  { unit: 'days', doc: 'Calendar days.', add: addDays },
  { unit: 'workingDays', doc: 'Working days, Monday to Friday, skipping the bank holidays of the `calendar` when one is named (without one, bank holidays are working days, as before).', add: addWorkingDays },
  { unit: 'weeks', doc: 'Weeks of 7 days.', add: (from, n) => addDays(from, 7 * n) },
  { unit: 'months', doc: 'Calendar months; a day past the end of the month is its last day.', add: addMonths },
  { unit: 'years', doc: 'Years of 12 calendar months.', add: (from, n) => addMonths(from, 12 * n) },
];

/** A due amount: a whole number, or a declared parameter's value (`{ "param": name }`, resolved when the pack is compiled). */
// One schema, not a union, so a wrong number is reported as itself ("Must be at least 0"): bounds apply to numbers, properties to objects.
const count = () => Type.Optional(Type.Unsafe<number | { param: string }>({
  type: ['integer', 'object'], minimum: 0, properties: { param: { type: 'string' } }, required: ['param'], additionalProperties: false,
  description: 'A whole number, or a declared parameter: `{ "param": name }`.',
}));

/**
 * `due`: exactly one unit (a meaning check), and the date it runs from (default the assessment
 * date): `{ "workingDays": 10 }`, `{ "months": 3, "from": { "fact": "issuedOn" } }`; working days may
 * skip a named calendar's bank holidays: `{ "workingDays": 10, "calendar": "scotland" }`.
 */
export const OffsetSchema = Type.Object({
  days: count(), workingDays: count(), weeks: count(), months: count(), years: count(), from: Type.Optional(Nested()),
  calendar: Type.Optional(Type.String({ description: 'With `workingDays`: the bank-holiday calendar whose holidays are not working days (`england-and-wales`, `scotland`, `northern-ireland`).' })),
}, { additionalProperties: false, minProperties: 1 });
