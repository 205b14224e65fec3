import { Type, type TSchema } from '@sinclair/typebox';
import { ExpressionError } from '../../errors.js';
import type { Getter } from '../../compile/eval-state.js';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';

/** `{ "subtract": [expr, expr] }`. */
export const SubtractExpressionSchema = Type.Object({ subtract: Type.Array(Nested(), { minItems: 2, maxItems: 2 }) }, { additionalProperties: false });
/** `{ "multiply": [expr, ...] }`. */
export const MultiplyExpressionSchema = Type.Object({ multiply: Type.Array(Nested(), { minItems: 1 }) }, { additionalProperties: false });
/** `{ "divide": [expr, expr] }`. */
export const DivideExpressionSchema = Type.Object({ divide: Type.Array(Nested(), { minItems: 2, maxItems: 2 }) }, { additionalProperties: false });
/** `{ "percentage": { "part": expr, "of": expr } }`. */
export const PercentageExpressionSchema = Type.Object({
  percentage: Type.Object({ part: Nested(), of: Nested() }, { additionalProperties: false }),
}, { additionalProperties: false });

/**
 * A reader of a nested number: nothing (undefined) when the value is not recorded, an
 * `ExpressionError` naming the nested expression's pointer when it is something other than a number.
 */
export function numberReader(get: Getter, pointer: string): (s: Parameters<Getter>[0]) => number | undefined {
  return (s) => {
    const v = get(s);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ExpressionError(pointer, `${JSON.stringify(v)} is not a number`);
    return v;
  };
}

/** Compiles the nested expressions of a list under `key`, as number readers. */
function numbers(list: Expression[], key: string, ctx: Parameters<ExpressionDefinition['compile']>[1]): ((s: Parameters<Getter>[0]) => number | undefined)[] {
  return list.map((x, i) => numberReader(ctx.plain(x, `${key}/${i}`), `${ctx.pointer}/${key}/${i}`));
}

function fold(key: string, schema: TSchema, syntax: string, doc: string, joiner: string, op: (a: number, b: number, pointer: string) => number): ExpressionDefinition {
  return {
    key, schema, syntax, doc,
    check: (o, ctx) => (o[key] as Expression[]).forEach((x, i) => ctx.plain(x, `${key}/${i}`)),
    words: (o, w) => (o[key] as Expression[]).map(w).join(joiner),
    compile: (e, ctx) => {
      const parts = numbers(e[key] as Expression[], key, ctx);
      const pointer = ctx.pointer;
      return (s) => {
        let t: number | undefined;
        for (const p of parts) {
          const v = p(s);
          if (v === undefined) return undefined;
          t = t === undefined ? v : op(t, v, pointer);
        }
        return t;
      };
    },
  };
}

const NOTHING = 'nothing when one is not recorded; an evaluation error naming the pointer when one is not a number';

/** The first number minus the second. */
export const subtractExpression = fold('subtract', SubtractExpressionSchema, '{ "subtract": [expr, expr] }',
  `The first number minus the second; ${NOTHING}.`, ' minus ', (a, b) => a - b);
/** The product of numbers. */
export const multiplyExpression = fold('multiply', MultiplyExpressionSchema, '{ "multiply": [expr, ...] }',
  `The product of the numbers; ${NOTHING}.`, ' times ', (a, b) => a * b);
/** The first number divided by the second. */
export const divideExpression = fold('divide', DivideExpressionSchema, '{ "divide": [expr, expr] }',
  `The first number divided by the second; ${NOTHING}, or when the second is zero.`, ' divided by ',
  (a, b, pointer) => { if (b === 0) throw new ExpressionError(`${pointer}/divide/1`, 'division by zero'); return a / b; });

/** A part as a percentage of a whole (part / whole x 100). */
export const percentageExpression: ExpressionDefinition = {
  key: 'percentage', schema: PercentageExpressionSchema,
  syntax: '{ "percentage": { "part": expr, "of": expr } }',
  doc: `\`part\` as a percentage of \`of\` (part / of x 100, unrounded); ${NOTHING}, or when \`of\` is zero.`,
  check: (o, ctx) => {
    const p = o.percentage as { part: Expression; of: Expression };
    ctx.plain(p.part, 'percentage/part');
    ctx.plain(p.of, 'percentage/of');
  },
  words: (o, w) => { const p = o.percentage as { part: Expression; of: Expression }; return `${w(p.part)} as a percentage of ${w(p.of)}`; },
  compile: (e, ctx) => {
    const p = e.percentage as { part: Expression; of: Expression };
    const part = numberReader(ctx.plain(p.part, 'percentage/part'), `${ctx.pointer}/percentage/part`);
    const of = numberReader(ctx.plain(p.of, 'percentage/of'), `${ctx.pointer}/percentage/of`);
    const pointer = `${ctx.pointer}/percentage/of`;
    return (s) => {
      const a = part(s);
      const b = of(s);
      if (a === undefined || b === undefined) return undefined;
      if (b === 0) throw new ExpressionError(pointer, 'a percentage of zero (division by zero)');
      return (a / b) * 100;
    };
  },
};
