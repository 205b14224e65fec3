import type { Determination } from '../engine/index.js';
import { CURRENT_DETERMINATION_SQL, FINAL_ASSESSMENT_SQL } from '../assessments/current-determination.js';
import { determinationResultSql } from '../assessments/stored-result.js';
import type { Queryable } from '../store/index.js';

/** A provider with the current determination of its latest assessment (null: never assessed). */
export interface ProviderStanding {
  providerId: string;
  name: string;
  assessmentId: string | null;
  assessmentDate: string | null;
  determination: Determination | null;
}

/** Each of the council's providers (or the one given) with the determination of its latest assessment, by name. */
export async function currentDeterminations(db: Queryable, councilId: string, providerId?: string): Promise<ProviderStanding[]> {
  const params: unknown[] = [councilId];
  if (providerId) params.push(providerId);
  const rows = await db.query<{ id: string; name: string; assessment_id: string | null; assessment_date: string | Date | null; result: Determination | null }>(
    `SELECT p.id, p.name, l.assessment_id, l.assessment_date, l.result FROM providers p
       LEFT JOIN LATERAL (SELECT a.id AS assessment_id, a.assessment_date::text AS assessment_date, ${determinationResultSql('d')} AS result
                            FROM assessments a JOIN determinations d ON d.assessment_id = a.id AND ${CURRENT_DETERMINATION_SQL}
                           WHERE a.provider_id = p.id AND ${FINAL_ASSESSMENT_SQL} ORDER BY a.assessment_date DESC, a.created_at DESC LIMIT 1) l ON true
      WHERE p.council_id = $1${providerId ? ' AND p.id = $2' : ''} ORDER BY p.name, p.id`,
    params,
  );
  return rows.map((r) => ({
    providerId: r.id,
    name: r.name,
    assessmentId: r.assessment_id,
    assessmentDate: r.assessment_date === null ? null : String(r.assessment_date).slice(0, 10),
    determination: r.result,
  }));
}
