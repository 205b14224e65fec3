/**
 * The pack language's registry: every construct declared once, in its own file under
 * `language/`, listed here. The compiler, the validator's meaning checks, the readable diff, the
 * wording of traces and of the admin UI, and the docs table are derived from these lists.
 * Adding an operator is one file in `language/operators/` plus its test, and one line here
 * (docs/extending-the-language.md).
 */
import type { OperatorDefinition } from './operator.js';
import { equal, notEqual } from './operators/equality.js';
import { contains, doesNotContain, isIn, notIn } from './operators/membership.js';
import { greaterThan, greaterThanInclusive, lessThan, lessThanInclusive } from './operators/number.js';
import { after, before, onOrAfter, onOrBefore } from './operators/date.js';
import { present } from './operators/present.js';
import { above, atLeast, atMost, below } from './operators/scale-order.js';

/** Every built-in operator, in the order error hints and the docs list them. */
export const OPERATORS: readonly OperatorDefinition[] = [
  equal, notEqual, isIn, notIn, contains, doesNotContain,
  lessThan, lessThanInclusive, greaterThan, greaterThanInclusive,
  before, after, onOrBefore, onOrAfter, present,
  atLeast, atMost, above, below,
];

/** Every built-in operator by name. */
export const OPERATOR_BY_NAME: ReadonlyMap<string, OperatorDefinition> = new Map(OPERATORS.map((o) => [o.name, o]));
