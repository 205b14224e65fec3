import { Type } from '@sinclair/typebox';
import type { ScheduleFormDefinition } from './schedule-form.js';

/** The schema of `onDates`. */
export const OnDatesSchema = Type.Array(Type.Unsafe<string>({ $ref: '#/$defs/date' }), { minItems: 1, description: 'Published due dates, in order.' });

/** `onDates`: published due dates. */
export const onDates: ScheduleFormDefinition = {
  key: 'onDates',
  schema: OnDatesSchema,
  syntax: '{ "onDates": ["YYYY-MM-DD", ...] }',
  doc: 'On published dates, in order: the next is the first after the `from` date; nothing once they have all passed.',
  check: (entry, ctx) => (entry.onDates ?? []).forEach((d, i) => {
    if (i > 0 && d <= entry.onDates![i - 1]!) ctx.err(`${ctx.pointer}/onDates/${i}`, `Dates must be in order: ${d} is not after ${entry.onDates![i - 1]}.`);
  }),
  compile: (entry, _compile, { id, activity, label, source }) => {
    const dates = entry.onDates!;
    return (_s, from) => {
      const next = dates.find((d) => d > from);
      return next ? { id, activity, label, nextDue: next, source } : undefined;
    };
  },
};
