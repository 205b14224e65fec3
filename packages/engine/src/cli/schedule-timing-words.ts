import type { DeterminationScheduleEntry, Pack } from '../types.js';
import { nthWeekdayWords } from '../language/timing/monthly-on-weekday.js';
import { followingWeekdayWords } from '../language/timing/following-weekday.js';
import { everyWords } from '../language/wording.js';


/**
 * When a schedule entry of a determination recurs, in words: a timing by weekday in the registry's
 * words for it (read from the pack's entry of the same id: "on the second Wednesday of each month",
 * "on the Friday following the second Wednesday of each month"), else by the determination's
 * interval ("every month", "every 3 months", "every 14 days", "monthly on day 15").
 * @example scheduleTimingWords({ everyMonths: 3, ... }) // 'every 3 months'
 */
export function scheduleTimingWords(s: DeterminationScheduleEntry, pack?: Pick<Pack, 'outcomes'>): string {
  const entry = pack?.outcomes.schedule?.find((e) => e.id === s.id);
  if (entry?.monthlyOnWeekday) return `on ${nthWeekdayWords(entry.monthlyOnWeekday.nth, entry.monthlyOnWeekday.weekday)} of each month`;
  if (entry?.followingWeekday) return `on ${followingWeekdayWords(entry.followingWeekday)}`;
  if (s.dayOfMonth !== undefined) return `monthly on day ${s.dayOfMonth}`;
  if (s.everyMonths !== undefined) return everyWords(s.everyMonths, 'month');
  if (s.everyDays !== undefined) return everyWords(s.everyDays, 'day');
  return 'on a published date';
}
