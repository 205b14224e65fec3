import { CURRENT_DETERMINATION_SQL, FINAL_ASSESSMENT_SQL } from '../assessments/current-determination.js';
import { determinedAsOfSql } from '../assessments/determined-as-of.js';
import type { Queryable } from '../store/index.js';
import type { LatestRow } from './compare.js';

/**
 * Each provider's latest assessment (by assessment date, then entry time), its input as the
 * stored JSON text and the date its current determination was made as of: what a what-if
 * compares, as of that date. With `limit`, only the first so many providers'
 * (the warm-up's sample, see `warmWhatIf`).
 */
export async function latestAssessments(db: Queryable, councilId: string, limit?: number): Promise<LatestRow[]> {
  // The input stays text here: the what-if workers parse it, each its own share, off the request thread.
  return db.query<LatestRow>(
    `SELECT l.*, (SELECT ${determinedAsOfSql('d', 'l')} FROM determinations d WHERE d.assessment_id = l.id AND ${CURRENT_DETERMINATION_SQL} LIMIT 1) AS as_of
       FROM (SELECT DISTINCT ON (a.provider_id) a.provider_id, p.name, a.id, a.assessment_date, a.input::text AS input
               FROM assessments a JOIN providers p ON p.id = a.provider_id
              WHERE a.council_id = $1 AND ${FINAL_ASSESSMENT_SQL}
              ORDER BY a.provider_id, a.assessment_date DESC, a.created_at DESC${limit === undefined ? '' : ' LIMIT $2'}) l
      ORDER BY l.provider_id`,
    limit === undefined ? [councilId] : [councilId, limit],
  );
}
