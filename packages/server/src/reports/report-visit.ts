import type { Queryable } from '../store/index.js';
import type { VisitStatus } from '../visits/visit-status.js';
import type { ReportStatus } from './report-comment.js';

/** The visit record a report belongs to: its lifecycle status and who signed it off, when. */
export interface ReportVisit {
  id: string;
  status: VisitStatus;
  /** The second person who signed the visit record off (their name, else their id) and the day; null before sign-off. */
  reviewer: { name: string; on: string } | null;
}

/**
 * The visit record whose submission stored `assessmentId`, or undefined (an assessment posted
 * directly, without a visit record). At most one: migration 014 makes `assessment_id` unique.
 */
export async function reportVisit(db: Queryable, assessmentId: string): Promise<ReportVisit | undefined> {
  const [row] = await db.query<{ id: string; status: VisitStatus; reviewer: string | null; reviewed_at: Date | null }>(
    `SELECT v.id, v.status, COALESCE(NULLIF(u.name, ''), e.by_user) AS reviewer, e.at AS reviewed_at
      FROM visit_records v
      LEFT JOIN LATERAL (SELECT by_user, at FROM visit_events WHERE visit_id = v.id AND to_status = 'signed-off' ORDER BY id DESC LIMIT 1) e ON true
      LEFT JOIN users u ON u.id = e.by_user
      WHERE v.assessment_id = $1`,
    [assessmentId],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    status: row.status,
    reviewer: row.reviewer && row.reviewed_at ? { name: row.reviewer, on: row.reviewed_at.toISOString().slice(0, 10) } : null,
  };
}

/** The report's status is its visit record's: `shared` and `final` are visit states; before them it is a draft. */
export function reportStatusOf(visit: ReportVisit | undefined): ReportStatus | 'draft' {
  return visit?.status === 'shared' || visit?.status === 'final' ? visit.status : 'draft';
}
