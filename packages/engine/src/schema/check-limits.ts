import type { PackError } from '../errors.js';
import { LIMITS } from './limits.js';
import { escapePointer } from './parse-json.js';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const entries = (v: unknown): [string, unknown][] => (isObject(v) ? Object.entries(v) : []);

/** Conditions in a `when` (all / any / not and leaves), counted up to just past `limit`. */
function countConditions(c: unknown, limit: number): number {
  let n = 0;
  const stack: unknown[] = [c];
  while (stack.length && n <= limit) {
    const x = stack.pop();
    if (!isObject(x)) continue;
    n++;
    if (Array.isArray(x.all)) stack.push(...x.all);
    if (Array.isArray(x.any)) stack.push(...x.any);
    if (x.not !== undefined) stack.push(x.not);
  }
  return n;
}

const n = (x: number): string => x.toLocaleString('en-GB');

/** An error naming the limit, its value and what was counted. */
function limitError(name: keyof typeof LIMITS, pointer: string, counted: string, hint: string): PackError {
  return { code: `limit.${name}`, pointer, message: `${counted}; the limit ${name} is ${n(LIMITS[name])}.`, hint };
}

/**
 * The pack's size against the named limits (`limits.ts`), counted in one cheap pass over the
 * parsed value BEFORE the schema, the meaning checks, compilation or analysis: a pack over a
 * limit is refused at once, each error naming the limit and the place, rather than worked on for
 * long. Shapes the schema would refuse are skipped here (the schema reports them).
 */
export function checkLimits(value: unknown): PackError[] {
  if (!isObject(value)) return [];
  const errors: PackError[] = [];
  let rules = 0;
  const conditions = (when: unknown, pointer: string): void => {
    if (countConditions(when, LIMITS.maxConditionsPerRule) > LIMITS.maxConditionsPerRule) {
      errors.push(limitError('maxConditionsPerRule', pointer, `This condition has more than ${n(LIMITS.maxConditionsPerRule)} conditions`, 'Split it into named decisions, each tested by a leaf.'));
    }
  };
  for (const [id, d] of entries(value.decisions)) {
    if (!isObject(d)) continue;
    const p = `/decisions/${escapePointer(id)}`;
    list(d.rules).forEach((r, i) => { rules++; if (isObject(r)) conditions(r.when, `${p}/rules/${i}/when`); });
    const rows = isObject(d.table) ? list(d.table.rows).length : 0;
    rules += rows;
    if (rows > LIMITS.maxTableRows) errors.push(limitError('maxTableRows', `${p}/table/rows`, `Decision "${id}"'s table has ${n(rows)} rows`, 'Split the table into decisions over fewer columns.'));
  }
  if (rules > LIMITS.maxRules) errors.push(limitError('maxRules', '/decisions', `The pack's decisions have ${n(rules)} rules (table rows included)`, 'Group the rules into decision tables over named decisions, or split the framework.'));
  const outcomes = isObject(value.outcomes) ? value.outcomes : {};
  for (const key of ['actions', 'schedule', 'scores'] as const) list(outcomes[key]).forEach((x, i) => { if (isObject(x)) conditions(x.when, `/outcomes/${key}/${i}/when`); });
  const framework = isObject(value.framework) ? value.framework : {};
  let criteria = 0;
  for (const d of list(framework.domains)) if (isObject(d)) for (const s of list(d.standards)) if (isObject(s)) criteria += list(s.criteria).length;
  if (criteria > LIMITS.maxCriteria) errors.push(limitError('maxCriteria', '/framework/domains', `The framework has ${n(criteria)} criteria`, 'Split the framework into councils\' packs of a usual size.'));
  const cases = list(value.cases).length;
  if (cases > LIMITS.maxCases) errors.push(limitError('maxCases', '/cases', `The pack has ${n(cases)} cases`, 'Keep the cases that each show a rule of the document; move the rest to a test file.'));
  return errors;
}
