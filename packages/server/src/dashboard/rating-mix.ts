import { CURRENT_DETERMINATION_SQL, FINAL_ASSESSMENT_SQL } from '../assessments/current-determination.js';
import type { Queryable } from '../store/index.js';
import { NOT_ASSESSED } from './index.js';

/** How many providers held each rating at the end of one month. */
export interface RatingMixPoint {
  /** The month, `YYYY-MM`. */
  month: string;
  /** The last day of the month (or today, for the current month). */
  asOf: string;
  byRating: Record<string, number>;
}

/** The last day of the month of `month` (`YYYY-MM`). */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The `months` months up to and including today's, oldest first. */
export function monthsUpTo(today: string, months: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = months - 1; i >= 0; i--) out.push(new Date(Date.UTC(y, m - 1 - i, 1)).toISOString().slice(0, 7));
  return out;
}

/**
 * The rating mix over time: at the end of each month, each provider that existed by then counted
 * under the headline of its latest assessment dated on or before that day (`Not assessed` if none).
 */
export async function ratingMix(db: Queryable, councilId: string, today: string, months: number): Promise<RatingMixPoint[]> {
  const providers = await db.query<{ id: string; created: string }>('SELECT id, created_at::date::text AS created FROM providers WHERE council_id = $1', [councilId]);
  const decided = await db.query<{ provider_id: string; assessment_date: string; headline: string | null }>(
    `SELECT a.provider_id, a.assessment_date::text AS assessment_date, d.headline
       FROM assessments a JOIN determinations d ON d.assessment_id = a.id AND ${CURRENT_DETERMINATION_SQL}
      WHERE a.council_id = $1 AND ${FINAL_ASSESSMENT_SQL} ORDER BY a.assessment_date, a.created_at`,
    [councilId],
  );
  const byProvider = new Map<string, { date: string; headline: string }[]>();
  for (const r of decided) {
    const list = byProvider.get(r.provider_id) ?? [];
    list.push({ date: r.assessment_date, headline: r.headline ?? NOT_ASSESSED });
    byProvider.set(r.provider_id, list);
  }
  return monthsUpTo(today, months).map((month) => {
    const end = monthEnd(month);
    const asOf = end < today ? end : today;
    const byRating: Record<string, number> = {};
    for (const p of providers) {
      const history = byProvider.get(p.id) ?? [];
      let rating: string | undefined;
      for (const h of history) if (h.date <= asOf) rating = h.headline;
      // A provider counts from when it was added, or from its first assessment if that is earlier (imported history).
      if (rating === undefined && p.created > asOf) continue;
      rating ??= NOT_ASSESSED;
      byRating[rating] = (byRating[rating] ?? 0) + 1;
    }
    return { month, asOf, byRating };
  });
}
