import { Type } from '@sinclair/typebox';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';

/** `{ "max": [expr, ...] }`. */
export const MaxExpressionSchema = Type.Object({ max: Type.Array(Nested(), { minItems: 1 }) }, { additionalProperties: false });
/** `{ "min": [expr, ...] }`. */
export const MinExpressionSchema = Type.Object({ min: Type.Array(Nested(), { minItems: 1 }) }, { additionalProperties: false });

function extreme(key: 'max' | 'min', schema: typeof MaxExpressionSchema | typeof MinExpressionSchema): ExpressionDefinition {
  const isMax = key === 'max';
  return {
    key, schema,
    syntax: `{ "${key}": [expr, ...] }`,
    doc: `The ${isMax ? 'highest' : 'lowest'} value by the decision's scale order (by number without one); missing values are skipped.`,
    check: (o, ctx) => (o[key] as Expression[]).forEach((x, i) => ctx.sub(x, `${key}/${i}`)),
    words: (o, w) => `the ${key} of ${(o[key] as Expression[]).map(w).join(', ')}`,
    compile: (e, ctx) => {
      const parts = (e[key] as Expression[]).map((x, i) => ctx.sub(x, `${key}/${i}`));
      const ranks = ctx.scale ? ctx.scope.index.ranks.get(ctx.scale) : undefined;
      const rank = ranks ? (v: unknown) => ranks.get(v as string) : (v: unknown) => (typeof v === 'number' ? v : undefined);
      return (s) => {
        let best: unknown;
        let bestRank = 0;
        for (const p of parts) {
          const v = p(s);
          const r = rank(v);
          if (r === undefined) continue;
          if (best === undefined || (isMax ? r > bestRank : r < bestRank)) { best = v; bestRank = r; }
        }
        return best;
      };
    },
  };
}

/** The highest of several values on the decision's scale. */
export const maxExpression = extreme('max', MaxExpressionSchema);
/** The lowest of several values on the decision's scale. */
export const minExpression = extreme('min', MinExpressionSchema);
