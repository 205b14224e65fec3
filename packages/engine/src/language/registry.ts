/**
 * The pack language's registry: every construct declared once, in its own file under
 * `language/`, listed here. The compiler, the validator's meaning checks, the readable diff, the
 * wording of traces and of the admin UI, and the docs table are derived from these lists.
 * Adding an operator, a fact or an expression is one file in `language/operators/`, `language/facts/` or `language/expressions/` plus its test, and one line here
 * (docs/extending-the-language.md).
 */
import type { OperatorDefinition } from './operator.js';
import type { FactDefinition } from './fact.js';
import type { ExpressionDefinition } from './expression.js';
import type { Expression } from './expression-type.js';
import { Type, type TSchema } from '@sinclair/typebox';
import { LiteralSchema } from './expressions/literal.js';
import { factExpression } from './expressions/fact.js';
import { paramExpression } from './expressions/param.js';
import { mapExpression } from './expressions/map.js';
import { mostRecentExpression } from './expressions/most-recent.js';
import { maxExpression, minExpression } from './expressions/extremes.js';
import { sumExpression } from './expressions/sum.js';
import { clampExpression } from './expressions/clamp.js';
import { divideExpression, multiplyExpression, percentageExpression, subtractExpression } from './expressions/arithmetic.js';
import { roundExpression } from './expressions/round.js';
import { bandExpression } from './expressions/band.js';
import { addDaysExpression, addMonthsExpression, addWorkingDaysExpression } from './expressions/date-arithmetic.js';
import { latestDateExpression } from './expressions/latest-date.js';
import { nextWeekdayExpression } from './expressions/next-weekday.js';
import type { ScheduleFormDefinition } from './timing/schedule-form.js';
import { every } from './timing/every.js';
import { perYear } from './timing/per-year.js';
import { monthlyOnDay } from './timing/monthly-on-day.js';
import { monthlyOnWeekday } from './timing/monthly-on-weekday.js';
import { followingWeekday } from './timing/following-weekday.js';
import { onDates } from './timing/on-dates.js';
import { equal, notEqual } from './operators/equality.js';
import { contains, doesNotContain, isIn, notIn } from './operators/membership.js';
import { greaterThan, greaterThanInclusive, lessThan, lessThanInclusive } from './operators/number.js';
import { after, before, onOrAfter, onOrBefore } from './operators/date.js';
import { present } from './operators/present.js';
import { above, atLeast, atMost, below } from './operators/scale-order.js';
import { asOf, assessmentDate } from './facts/dates.js';
import { criteriaCount } from './facts/criteria-count.js';
import { domainCount } from './facts/domain-count.js';
import { judgement } from './facts/judgement.js';
import { criteriaPoints, weightedCount } from './facts/criteria-points.js';

/** Every built-in operator, in the order error hints and the docs list them. */
export const OPERATORS: readonly OperatorDefinition[] = [
  equal, notEqual, isIn, notIn, contains, doesNotContain,
  lessThan, lessThanInclusive, greaterThan, greaterThanInclusive,
  before, after, onOrBefore, onOrAfter, present,
  atLeast, atMost, above, below,
];

/** Every built-in operator by name. */
export const OPERATOR_BY_NAME: ReadonlyMap<string, OperatorDefinition> = new Map(OPERATORS.map((o) => [o.name, o]));

/** Every built-in fact, in the order error hints and the docs list them. */
export const FACTS: readonly FactDefinition[] = [assessmentDate, asOf, criteriaCount, domainCount, judgement, criteriaPoints, weightedCount];

/** Every built-in fact by name. */
export const FACT_BY_NAME: ReadonlyMap<string, FactDefinition> = new Map(FACTS.map((f) => [f.name, f]));

/** Every expression form, in the order the schema and the docs list them. */
export const EXPRESSIONS: readonly ExpressionDefinition[] = [
  factExpression, paramExpression, mapExpression, mostRecentExpression, maxExpression, minExpression,
  sumExpression, clampExpression, addDaysExpression, addMonthsExpression, addWorkingDaysExpression, latestDateExpression,
  nextWeekdayExpression,
  subtractExpression, multiplyExpression, divideExpression, percentageExpression, roundExpression, bandExpression,
];

/** The expression form an object is (by its naming key), if any. */
export function expressionOf(o: object): ExpressionDefinition | undefined {
  for (const d of EXPRESSIONS) if (d.key in o) return d;
  return undefined;
}

/**
 * True when a condition's value is an expression form worked out per evaluation (`{ "multiply": ... }`);
 * `fact` and `param` values have their own handling there, so they are not.
 */
export function isValueExpression(v: unknown): v is Expression {
  // An object with a `fact` or `param` member is never a value expression, even malformed (`{ "param": 1.5 }`).
  if (!v || typeof v !== 'object' || Array.isArray(v) || 'fact' in v || 'param' in v) return false;
  return expressionOf(v) !== undefined;
}

/** The JSON Schema of an expression (`#/$defs/expression`): a literal or one of the forms. */
export const EXPRESSION_SCHEMA: TSchema = Type.Union([LiteralSchema, ...EXPRESSIONS.map((d) => d.schema)], {
  description: `A literal, or an object naming one expression form (${EXPRESSIONS.map((d) => d.key).join(', ')}).`,
});

/** Every schedule form, in the order hints and the docs list them. */
export const SCHEDULE_FORMS: readonly ScheduleFormDefinition[] = [every, perYear, monthlyOnDay, monthlyOnWeekday, followingWeekday, onDates];

/** The cell forms of a decision table (`language/decision-table.ts`), in the order the docs list them. */
export { TABLE_CELL_FORMS } from './decision-table.js';
