import { Type } from '@sinclair/typebox';
import { isIsoDate } from '../../dates/iso-date.js';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';

/** `{ "mostRecent": [{ "value": expr, "date": expr, "label"?: text }, ...] }`. */
export const MostRecentExpressionSchema = Type.Object({
  mostRecent: Type.Array(Type.Object({ value: Nested(), date: Nested(), label: Type.Optional(Type.String()) }, { additionalProperties: false }), { minItems: 1 }),
}, { additionalProperties: false });

/**
 * The value whose date is latest; entries with a missing value or date, or dated after `asOf`,
 * are skipped; ties go to the earlier entry.
 */
export const mostRecentExpression: ExpressionDefinition = {
  key: 'mostRecent', schema: MostRecentExpressionSchema,
  syntax: '{ "mostRecent": [{ "value": expr, "date": expr, "label"?: text }, ...] }',
  doc: 'The value whose date is latest; entries with no value or date, or dated after `asOf`, are skipped; ties go to the earlier entry.',
  check: (o, ctx) => (o.mostRecent as { value: Expression; date: Expression }[]).forEach((x, i) => {
    ctx.sub(x.value, `mostRecent/${i}/value`);
    ctx.plain(x.date, `mostRecent/${i}/date`);
  }),
  words: (o, w) => `the most recent of ${(o.mostRecent as { label?: string; value: Expression }[]).map((x) => x.label ?? w(x.value)).join(', ')}`,
  compile: (e, ctx) => {
    const entries = (e.mostRecent as { value: Expression; date: Expression }[]).map((x) => ({ value: ctx.sub(x.value), date: ctx.plain(x.date) }));
    return (s) => {
      const asOf = s.asOf;
      let best: unknown;
      let bestDate = '';
      for (const x of entries) {
        const d = x.date(s);
        if (!isIsoDate(d) || d > asOf || d <= bestDate) continue;
        const v = x.value(s);
        if (v === undefined || v === null) continue;
        best = v;
        bestDate = d;
      }
      return best;
    };
  },
  analyse: (refs) => { refs.mostRecent = true; },
};
