import type { PageRequest } from '../routes/pagination.js';
import { CURRENT_DETERMINATION_SQL, FINAL_ASSESSMENT_SQL } from '../assessments/current-determination.js';
import type { Queryable } from '../store/index.js';

/** A provider location, with the latest determination's summary. */
export interface Provider {
  id: string;
  councilId: string;
  name: string;
  cqcLocationId: string | null;
  serviceType: string | null;
  size: Record<string, number>;
  /** Other facts about the location the pack reads, by input name (the current CQC rating and its date). */
  facts: Record<string, string>;
  revision: number;
  createdAt: string;
  updatedAt: string;
  /** From the provider's latest assessment (by assessment date); null when never assessed. */
  latest: {
    assessmentId: string;
    assessmentDate: string;
    rating: unknown;
    packVersion: string;
    nextVisitDue: string | null;
    overdueActions: number;
    openActions: number;
  } | null;
}

interface ProviderRow {
  id: string;
  council_id: string;
  name: string;
  cqc_location_id: string | null;
  service_type: string | null;
  size: Record<string, number>;
  facts: Record<string, string>;
  revision: number;
  created_at: Date;
  updated_at: Date;
  l_assessment_id: string | null;
  l_date: string | null;
  l_headline: { value?: unknown } | null;
  l_version: string | null;
  l_actions: { due?: string }[] | null;
  l_schedule: { nextDue?: string }[] | null;
}

const SELECT = `SELECT p.*, l.assessment_id AS l_assessment_id, l.assessment_date AS l_date,
    l.result->'headline' AS l_headline, l.version AS l_version,
    l.result->'actions' AS l_actions, l.result->'schedule' AS l_schedule
  FROM providers p
  LEFT JOIN LATERAL (
    SELECT a.id AS assessment_id, a.assessment_date, d.result, v.version
      FROM assessments a
      JOIN determinations d ON d.assessment_id = a.id AND ${CURRENT_DETERMINATION_SQL}
      JOIN pack_versions v ON v.id = d.pack_version_id
     WHERE a.provider_id = p.id AND ${FINAL_ASSESSMENT_SQL}
     ORDER BY a.assessment_date DESC, a.created_at DESC LIMIT 1) l ON true`;

function toProvider(r: ProviderRow, today: string): Provider {
  const actions = r.l_actions ?? [];
  const nextDues = (r.l_schedule ?? []).map((s) => s.nextDue).filter((d): d is string => typeof d === 'string').sort();
  return {
    id: r.id,
    councilId: r.council_id,
    name: r.name,
    cqcLocationId: r.cqc_location_id,
    serviceType: r.service_type,
    size: r.size,
    facts: r.facts ?? {},
    revision: r.revision,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    latest: r.l_assessment_id
      ? {
          assessmentId: r.l_assessment_id,
          assessmentDate: r.l_date!,
          rating: r.l_headline?.value ?? null,
          packVersion: r.l_version!,
          nextVisitDue: nextDues[0] ?? null,
          overdueActions: actions.filter((a) => typeof a.due === 'string' && a.due < today).length,
          openActions: actions.length,
        }
      : null,
  };
}

/**
 * Providers of a council, filtered by a name / CQC id search and by current rating (`Not
 * assessed` for none), ordered by name and id; one page of them (plus one row, to tell
 * whether another page follows) when `page` is given.
 */
export async function listProviders(
  db: Queryable,
  councilId: string,
  today: string,
  search?: string,
  options: { rating?: string; page?: PageRequest } = {},
): Promise<Provider[]> {
  const params: unknown[] = [councilId];
  let where = 'p.council_id = $1';
  if (search) {
    params.push(`%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where += ` AND (p.name ILIKE $${params.length} OR p.cqc_location_id ILIKE $${params.length})`;
  }
  const { page } = options;
  if (page?.after) {
    params.push(page.after[0], page.after[1]);
    where += ` AND (p.name, p.id) > ($${params.length - 1}, $${params.length})`;
  }
  const limit = page ? ` LIMIT ${page.limit + 1}` : '';
  let sql: string;
  if (options.rating) {
    params.push(options.rating);
    sql = `${SELECT} WHERE ${where} AND COALESCE(l.result->'headline'->>'value', 'Not assessed') = $${params.length} ORDER BY p.name, p.id${limit}`;
  } else {
    // The page is cut from providers alone, so the latest assessment is looked up for its rows only.
    const source = `(SELECT * FROM providers p WHERE ${where} ORDER BY p.name, p.id${limit}) p`;
    sql = `${SELECT.replace('FROM providers p', `FROM ${source}`)} ORDER BY p.name, p.id`;
  }
  const rows = await db.query<ProviderRow>(sql, params);
  return rows.map((r) => toProvider(r, today));
}

/** One provider of a council, or undefined (a provider of another council is not found). */
export async function findProvider(
  db: Queryable,
  councilId: string,
  id: string,
  today: string,
): Promise<Provider | undefined> {
  const [row] = await db.query<ProviderRow>(`${SELECT} WHERE p.council_id = $1 AND p.id = $2`, [councilId, id]);
  return row && toProvider(row, today);
}
