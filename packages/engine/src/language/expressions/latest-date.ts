import { Type } from '@sinclair/typebox';
import { isIsoDate } from '../../dates/iso-date.js';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';

/** `{ "latestDate": [expr, ...] }`. */
export const LatestDateExpressionSchema = Type.Object({ latestDate: Type.Array(Nested(), { minItems: 1 }) }, { additionalProperties: false });

/** The latest of several dates. */
export const latestDateExpression: ExpressionDefinition = {
  key: 'latestDate', schema: LatestDateExpressionSchema,
  syntax: '{ "latestDate": [expr, ...] }',
  doc: 'The latest of the dates; values that are not dates are skipped. Compared with a date, it is analysed exhaustively when each part is a date fact, a moved one or a written date.',
  check: (o, ctx) => (o.latestDate as Expression[]).forEach((x, i) => ctx.plain(x, `latestDate/${i}`)),
  words: (o, w) => `the latest of ${(o.latestDate as Expression[]).map(w).join(', ')}`,
  compile: (e, ctx) => {
    const parts = (e.latestDate as Expression[]).map((x, i) => ctx.plain(x, `latestDate/${i}`));
    return (s) => {
      let best: string | undefined;
      for (const p of parts) { const d = p(s); if (isIsoDate(d) && (best === undefined || d > best)) best = d; }
      return best;
    };
  },
};
