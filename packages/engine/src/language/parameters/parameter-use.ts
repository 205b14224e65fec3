import { Type } from '@sinclair/typebox';
import type { ParameterDeclaration } from './parameter-declaration.js';

/**
 * How a `{ "param": name }` reference is used where it stands: the kind of number the place
 * takes (a number of months to add to a date, a band threshold, a count of criteria), so a
 * parameter declared as something else (a percentage used as a number of months, a date used
 * as a threshold) is refused at its pointer.
 */
export interface ParameterUse {
  /** The place in words, for the message: "a number of months", "a band threshold". */
  readonly what: string;
  /** `integer`: only a parameter declared `"type": "integer"` fits; `number`: any number parameter. */
  readonly type: 'integer' | 'number';
  /** The units that fit (lower case); a parameter declared with another unit is refused. Absent: any unit. */
  readonly units?: readonly string[];
  /**
   * The bounds of the place (a day of the month: 1 to 31), when it has them: a parameter used
   * there must declare bounds within them (so no value a quality lead may give can leave them).
   */
  readonly min?: number;
  readonly max?: number;
}

/** The uses of the language's numeric places. */
export const PARAMETER_USES = {
  days: { what: 'a number of days', type: 'integer', units: ['days', 'day', 'calendar days', 'calendar day'] },
  workingDays: { what: 'a number of working days', type: 'integer', units: ['working days', 'working day'] },
  weeks: { what: 'a number of weeks', type: 'integer', units: ['weeks', 'week'] },
  months: { what: 'a number of months', type: 'integer', units: ['months', 'month', 'calendar months', 'calendar month'] },
  years: { what: 'a number of years', type: 'integer', units: ['years', 'year'] },
  threshold: { what: 'a number compared with', type: 'number' },
  bandThreshold: { what: 'a band threshold', type: 'number' },
  operand: { what: 'a number in arithmetic', type: 'number' },
  dayOfMonth: { what: 'a day of the month', type: 'integer', min: 1, max: 31 },
} as const satisfies Record<string, ParameterUse>;

/**
 * Why a declared parameter does not fit a use, in words, or undefined when it fits: a date
 * where a number stands, a fraction where a whole number stands, or another unit.
 */
export function parameterUseProblem(name: string, d: Pick<ParameterDeclaration, 'type' | 'unit' | 'min' | 'max'>, use: ParameterUse): { message: string; hint: string } | undefined {
  const type = d.type ?? 'number';
  if (type === 'date') {
    return { message: `Parameter "${name}" is a date, but it is used here as ${use.what}.`, hint: `Use a parameter of type ${use.type === 'integer' ? '"integer"' : '"number" or "integer"'}, or compare dates with a date operator.` };
  }
  if (use.units && d.unit !== undefined && !use.units.includes(d.unit.trim().toLowerCase())) {
    return { message: `Parameter "${name}" is in ${d.unit}, but it is used here as ${use.what}.`, hint: `Use a parameter in ${use.units[0]}, or declare "${name}" with "unit": "${use.units[0]}".` };
  }
  if (use.type === 'integer' && type !== 'integer') {
    return { message: `Parameter "${name}" may be a fraction (type ${type}), but it is used here as ${use.what}, which is a whole number.`, hint: `Declare "${name}" with "type": "integer".` };
  }
  const range = placeRangeWords(use);
  if (range !== undefined) {
    const hint = `Declare "${name}" with ${[use.min !== undefined ? '"min"' : '', use.max !== undefined ? '"max"' : ''].filter(Boolean).join(' and ')} within ${range.replace(/^from /, '')}.`;
    for (const [k, place, outside, words] of [['min', use.min, (b: number, p: number) => b < p, 'low'], ['max', use.max, (b: number, p: number) => b > p, 'high']] as const) {
      if (place === undefined) continue;
      const b = d[k];
      if (typeof b !== 'number') return { message: `Parameter "${name}" has no ${k}, but it is used here as ${use.what}, ${range}.`, hint };
      if (outside(b, place)) return { message: `Parameter "${name}" may be as ${words} as ${b} (its ${k}), but it is used here as ${use.what}, ${range}.`, hint };
    }
  }
  return undefined;
}

/** A place's bounds in words ("from 1 to 31", "at least 1"), or undefined when it has none. */
export function placeRangeWords(use: Pick<ParameterUse, 'min' | 'max'>): string | undefined {
  if (use.min !== undefined && use.max !== undefined) return `from ${use.min} to ${use.max}`;
  if (use.min !== undefined) return `at least ${use.min}`;
  if (use.max !== undefined) return `at most ${use.max}`;
  return undefined;
}

/**
 * The schema of a numeric place that takes a council number or a declared parameter:
 * `n` or `{ "param": name }`. One schema, not a union, so a wrong number is reported as itself.
 */
export function numberOrParam(integer: boolean, extra: Record<string, unknown> = {}) {
  return Type.Unsafe<number | { param: string }>({
    type: [integer ? 'integer' : 'number', 'object'], properties: { param: { type: 'string' } }, required: ['param'], additionalProperties: false,
    description: `A ${integer ? 'whole number' : 'number'}, or a declared parameter: \`{ "param": name }\`.`,
    ...extra,
  });
}
