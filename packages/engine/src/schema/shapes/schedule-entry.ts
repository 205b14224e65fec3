import { Type, type Static } from '@sinclair/typebox';
import type { Citation } from './citation.js';
import type { Condition } from './condition.js';
import type { Expression } from '../../language/expression-type.js';
import { EverySchema } from '../../language/timing/every.js';
import { PerYearSchema } from '../../language/timing/per-year.js';
import { MonthlyOnDaySchema } from '../../language/timing/monthly-on-day.js';
import { MonthlyOnWeekdaySchema } from '../../language/timing/monthly-on-weekday.js';
import { FollowingWeekdaySchema } from '../../language/timing/following-weekday.js';
import { OnDatesSchema } from '../../language/timing/on-dates.js';
import { WithExpressions, ref } from './refs.js';

/**
 * The timing forms of a schedule entry, by key, in the registry's order (`language/timing/`,
 * `SCHEDULE_FORMS`; a test holds the two equal). Exactly one is given.
 */
export const SCHEDULE_FORM_SCHEMAS = {
  /** Interval between occurrences. */
  every: WithExpressions(EverySchema),
  /** Occurrences per year; the interval is 12 / n months, rounded down to whole days. */
  perYear: WithExpressions(PerYearSchema),
  /** Due on this day of every month (1-31; a shorter month's last day when it has fewer). */
  monthlyOnDay: MonthlyOnDaySchema,
  /** Due on the nth weekday of every month ("the second Wednesday of each month"). */
  monthlyOnWeekday: MonthlyOnWeekdaySchema,
  /** Due on the first given weekday after the nth weekday of every month ("by the following Friday"). */
  followingWeekday: FollowingWeekdaySchema,
  /** Due on these published dates: the next is the first after the `from` date. */
  onDates: OnDatesSchema,
};

/** `$defs.scheduleEntry`: a recurring activity while its condition holds. */
export const ScheduleEntrySchema = Type.Object({
  id: ref<string>('id'),
  activity: Type.String(),
  label: Type.String(),
  when: ref<Condition>('condition'),
  every: Type.Optional(SCHEDULE_FORM_SCHEMAS.every),
  perYear: Type.Optional(SCHEDULE_FORM_SCHEMAS.perYear),
  monthlyOnDay: Type.Optional(SCHEDULE_FORM_SCHEMAS.monthlyOnDay),
  monthlyOnWeekday: Type.Optional(SCHEDULE_FORM_SCHEMAS.monthlyOnWeekday),
  followingWeekday: Type.Optional(SCHEDULE_FORM_SCHEMAS.followingWeekday),
  onDates: Type.Optional(SCHEDULE_FORM_SCHEMAS.onDates),
  /** Date the interval runs from; default the assessment date. */
  from: Type.Optional(ref<Expression>('expression')),
  source: ref<Citation>('citation'),
  interpretation: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type ScheduleEntry = Static<typeof ScheduleEntrySchema>;
