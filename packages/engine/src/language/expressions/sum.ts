import { Type } from '@sinclair/typebox';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';

/** `{ "sum": [expr, ...] }`. */
export const SumExpressionSchema = Type.Object({ sum: Type.Array(Nested(), { minItems: 1 }) }, { additionalProperties: false });

/** The arithmetic sum of numbers; nothing when one is not a number. */
export const sumExpression: ExpressionDefinition = {
  key: 'sum', schema: SumExpressionSchema,
  syntax: '{ "sum": [expr, ...] }',
  doc: 'The sum of the numbers; nothing when one of them is not a number.',
  check: (o, ctx) => (o.sum as Expression[]).forEach((x, i) => ctx.plain(x, `sum/${i}`)),
  words: (o, w) => `the sum of ${(o.sum as Expression[]).map(w).join(', ')}`,
  compile: (e, ctx) => {
    const parts = (e.sum as Expression[]).map((x, i) => ctx.sub(x, `sum/${i}`));
    return (s) => {
      let t = 0;
      for (const p of parts) { const v = p(s); if (typeof v !== 'number') return undefined; t += v; }
      return t;
    };
  },
};
