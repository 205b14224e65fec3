import { Type } from '@sinclair/typebox';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';
import { numberReader } from './arithmetic.js';

/** The named rounding rules, with their words. */
export const ROUNDING_RULES = {
  halfUp: 'half up (a tie goes up, towards the larger number)',
  halfEven: 'half even (a tie goes to the even neighbour, banker\'s rounding)',
  down: 'down (towards the smaller number)',
  up: 'up (towards the larger number)',
} as const;

/** A rounding rule's name. */
export type RoundingRule = keyof typeof ROUNDING_RULES;

/** `{ "round": expr, "rule": "halfUp" | "halfEven" | "down" | "up", "places"?: n }`. */
export const RoundExpressionSchema = Type.Object({
  round: Nested(),
  rule: Type.Union((Object.keys(ROUNDING_RULES) as RoundingRule[]).map((r) => Type.Literal(r))),
  places: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
}, { additionalProperties: false });

/** Moves the decimal point of x by `places` digits exactly, through its decimal text (so 1.005 x 100 is 100.5, not 100.49999). */
function shift(x: number, places: number): number {
  const [m, e] = String(x).split('e');
  return Number(`${m}e${Number(e ?? 0) + places}`);
}

/**
 * x rounded to `places` decimal places by a named rule; ties are judged on the decimal value
 * as written (1.005 to 2 places half up is 1.01).
 * @example roundBy(2.5, 'halfEven', 0) // 2
 */
export function roundBy(x: number, rule: RoundingRule, places: number): number {
  const y = shift(x, places);
  let r: number;
  if (rule === 'down') r = Math.floor(y);
  else if (rule === 'up') r = Math.ceil(y);
  else {
    const f = Math.floor(y);
    const diff = y - f;
    if (diff > 0.5) r = f + 1;
    else if (diff < 0.5) r = f;
    else r = rule === 'halfUp' || f % 2 !== 0 ? f + 1 : f;
  }
  return shift(r, -places) + 0;
}

/** A number rounded by a named rule to some decimal places. */
export const roundExpression: ExpressionDefinition = {
  key: 'round', schema: RoundExpressionSchema,
  syntax: '{ "round": expr, "rule": "halfUp" | "halfEven" | "down" | "up", "places"?: n }',
  doc: 'The number rounded to `places` decimal places (0 unless given) by a named rule: `halfUp` (a tie goes up), `halfEven` (a tie goes to the even neighbour), `down` (towards the smaller number), `up` (towards the larger number); nothing when it is not recorded; an evaluation error naming the pointer when it is not a number.',
  check: (o, ctx) => ctx.plain(o.round as Expression, 'round'),
  words: (o, w) => {
    const places = (o.places as number | undefined) ?? 0;
    return `${w(o.round as Expression)} rounded ${ROUNDING_RULES[o.rule as RoundingRule].replace(/ \(.*\)$/, '')} to ${places === 0 ? 'a whole number' : `${places} decimal place${places === 1 ? '' : 's'}`}`;
  },
  compile: (e, ctx) => {
    const v = numberReader(ctx.plain(e.round as Expression, 'round'), `${ctx.pointer}/round`);
    const rule = e.rule as RoundingRule;
    const places = (e.places as number | undefined) ?? 0;
    return (s) => { const x = v(s); return x === undefined ? undefined : roundBy(x, rule, places); };
  },
};
