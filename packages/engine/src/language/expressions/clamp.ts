import { Type } from '@sinclair/typebox';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';
import { numberOrParam, PARAMETER_USES } from '../parameters/parameter-use.js';
import { isParamRef } from '../parameters/parameter-declaration.js';
import { resolveParam } from '../../compile/resolve-param.js';

type Limit = number | { param: string };

/** `{ "clamp": { "value": expr, "min"?: n, "max"?: n } }`. */
export const ClampExpressionSchema = Type.Object({
  clamp: Type.Object({ value: Nested(), min: Type.Optional(numberOrParam(false)), max: Type.Optional(numberOrParam(false)) }, { additionalProperties: false }),
}, { additionalProperties: false });

/** A number kept within bounds. */
export const clampExpression: ExpressionDefinition = {
  key: 'clamp', schema: ClampExpressionSchema,
  syntax: '{ "clamp": { "value": expr, "min"?: n, "max"?: n } }',
  doc: 'The number kept within `min` and `max` (numbers or declared parameters, `{ "param": name }`); nothing when it is not a number.',
  check: (o, ctx) => {
    const c = o.clamp as { value: Expression; min?: Limit; max?: Limit };
    for (const k of ['min', 'max'] as const) { const l = c[k]; if (isParamRef(l)) ctx.checkParam(l.param, `${ctx.pointer}/clamp/${k}/param`, PARAMETER_USES.operand); }
    ctx.plain(c.value, 'clamp/value');
  },
  words: (o, w) => {
    const c = o.clamp as { value: Expression; min?: Limit; max?: Limit };
    const lw = (l: Limit): string => (isParamRef(l) ? w(l) : String(l));
    const bounds = [c.min !== undefined ? `at least ${lw(c.min)}` : '', c.max !== undefined ? `at most ${lw(c.max)}` : ''].filter(Boolean).join(' and ');
    return bounds ? `${w(c.value)}, kept ${bounds}` : w(c.value);
  },
  compile: (e, ctx) => {
    const c = e.clamp as { value: Expression; min?: Limit; max?: Limit };
    const v = ctx.sub(c.value);
    const limit = (l: Limit | undefined, none: number): number => {
      const n = isParamRef(l) ? resolveParam(l.param, ctx.scope) : l;
      return typeof n === 'number' ? n : none;
    };
    const lo = limit(c.min, -Infinity);
    const hi = limit(c.max, Infinity);
    return (s) => { const x = v(s); return typeof x === 'number' ? Math.min(hi, Math.max(lo, x)) : undefined; };
  },
};
