/**
 * The pack language's registry: every construct declared once, in its own file under
 * `language/`, listed here. The compiler, the validator's meaning checks, the readable diff, the
 * wording of traces and of the admin UI, and the docs table are derived from these lists.
 * Adding an operator or a fact is one file in `language/operators/` or `language/facts/` plus its test, and one line here
 * (docs/extending-the-language.md).
 */
import type { OperatorDefinition } from './operator.js';
import type { FactDefinition } from './fact.js';
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
export const FACTS: readonly FactDefinition[] = [assessmentDate, asOf, criteriaCount, domainCount, judgement];

/** Every built-in fact by name. */
export const FACT_BY_NAME: ReadonlyMap<string, FactDefinition> = new Map(FACTS.map((f) => [f.name, f]));
