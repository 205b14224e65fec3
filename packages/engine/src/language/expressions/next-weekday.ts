import { Type } from '@sinclair/typebox';
import { isIsoDate } from '../../dates/iso-date.js';
import { nextWeekday, type Weekday } from '../../dates/weekdays.js';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';
import { WeekdaySchema } from '../timing/monthly-on-weekday.js';

/** `{ "nextWeekday": "friday", "onOrAfter": expr }` or `{ "nextWeekday": "friday", "after": expr }`. */
export const NextWeekdayExpressionSchema = Type.Object({
  nextWeekday: WeekdaySchema(), onOrAfter: Type.Optional(Nested()), after: Type.Optional(Nested()),
}, { additionalProperties: false, minProperties: 2, maxProperties: 2 });

const from = (o: Record<string, unknown>): ['onOrAfter' | 'after', Expression] => ('after' in o ? ['after', o.after as Expression] : ['onOrAfter', o.onOrAfter as Expression]);

/** "The following Friday": the next given weekday on or after, or strictly after, a date. */
export const nextWeekdayExpression: ExpressionDefinition = {
  key: 'nextWeekday', schema: NextWeekdayExpressionSchema,
  syntax: '{ "nextWeekday": "monday"-"sunday", "onOrAfter" | "after": expr }',
  doc: 'The first such weekday on or after (`onOrAfter`) or strictly after (`after`) the date (exactly one of them): "the following Friday"; nothing when it is not a date. Compared with a date, it is analysed exhaustively like a move by days.',
  check: (o, ctx) => { const [key, e] = from(o); ctx.plain(e, key); },
  words: (o, w) => { const [key, e] = from(o); return `the first ${String(o.nextWeekday)} ${key === 'after' ? 'after' : 'on or after'} ${w(e)}`; },
  compile: (e, ctx) => {
    const [key, x] = from(e);
    const date = ctx.plain(x);
    const weekday = e.nextWeekday as Weekday;
    const strictly = key === 'after';
    return (s) => { const d = date(s); return isIsoDate(d) ? nextWeekday(d, weekday, strictly) : undefined; };
  },
};
