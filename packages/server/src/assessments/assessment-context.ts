import { NOT_WITHDRAWN_SQL } from '../packs/versions.js';
import type { PackVersion } from '../packs/versions.js';
import type { Queryable } from '../store/index.js';

/** What submitting an assessment needs to know before evaluating, read in one round trip. */
export interface AssessmentContext {
  councilExists: boolean;
  providerExists: boolean;
  /** The version in force on the date (without content), if any. */
  version?: PackVersion;
}

interface ContextRow {
  council_id: string;
  provider_id: string | null;
  v_id: string | null;
  seq: number | null;
  version: string | null;
  hash: string | null;
  author: string | null;
  note: string | null;
  published_at: Date | null;
  effective_from: string | null;
  based_on: string | null;
  acknowledged: unknown[] | null;
}

/**
 * Looks up the council, the provider within it, and the pack version in force on `date`,
 * in one query: the hot path of storing evaluations makes as few round trips as it can.
 */
export async function loadAssessmentContext(
  db: Queryable,
  councilId: string,
  providerId: string,
  date: string | null,
): Promise<AssessmentContext> {
  const [row] = await db.query<ContextRow>(
    `SELECT c.id AS council_id, p.id AS provider_id, v.id AS v_id, v.seq, v.version, v.hash, v.author, v.note,
            v.published_at, v.effective_from, v.based_on, v.acknowledged
       FROM councils c
       LEFT JOIN providers p ON p.council_id = c.id AND p.id = $2
       LEFT JOIN LATERAL (SELECT * FROM pack_versions pv
                           WHERE pv.council_id = c.id AND pv.effective_from <= $3::date AND ${NOT_WITHDRAWN_SQL}
                           ORDER BY pv.seq DESC LIMIT 1) v ON true
      WHERE c.id = $1`,
    [councilId, providerId, date],
    { name: 'qaf_assessment_context' },
  );
  if (!row) return { councilExists: false, providerExists: false };
  return {
    councilExists: true,
    providerExists: row.provider_id !== null,
    ...(row.v_id
      ? {
          version: {
            id: row.v_id,
            councilId,
            seq: row.seq!,
            version: row.version!,
            hash: row.hash!,
            author: row.author,
            note: row.note!,
            publishedAt: row.published_at!.toISOString(),
            effectiveFrom: row.effective_from!,
            basedOn: row.based_on,
            acknowledged: row.acknowledged ?? [],
          },
        }
      : {}),
  };
}
