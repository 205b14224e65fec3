import { Type } from '@sinclair/typebox';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';

/** `{ "clamp": { "value": expr, "min"?: n, "max"?: n } }`. */
export const ClampExpressionSchema = Type.Object({
  clamp: Type.Object({ value: Nested(), min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()) }, { additionalProperties: false }),
}, { additionalProperties: false });

/** A number kept within bounds. */
export const clampExpression: ExpressionDefinition = {
  key: 'clamp', schema: ClampExpressionSchema,
  syntax: '{ "clamp": { "value": expr, "min"?: n, "max"?: n } }',
  doc: 'The number kept within `min` and `max`; nothing when it is not a number.',
  check: (o, ctx) => ctx.plain((o.clamp as { value: Expression }).value, 'clamp/value'),
  words: (o, w) => {
    const c = o.clamp as { value: Expression; min?: number; max?: number };
    const bounds = [c.min !== undefined ? `at least ${c.min}` : '', c.max !== undefined ? `at most ${c.max}` : ''].filter(Boolean).join(' and ');
    return bounds ? `${w(c.value)}, kept ${bounds}` : w(c.value);
  },
  compile: (e, ctx) => {
    const c = e.clamp as { value: Expression; min?: number; max?: number };
    const v = ctx.sub(c.value);
    const lo = c.min ?? -Infinity;
    const hi = c.max ?? Infinity;
    return (s) => { const x = v(s); return typeof x === 'number' ? Math.min(hi, Math.max(lo, x)) : undefined; };
  },
};
