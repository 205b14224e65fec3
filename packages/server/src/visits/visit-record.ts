import type { AssessmentInput } from '../assessments/store-assessment.js';
import type { Queryable } from '../store/index.js';
import type { FactsConfirmation } from './facts-confirmation.js';
import { determinationIsFinal } from './visit-status.js';
import type { VisitStatus } from './visit-status.js';

/** What the officer has entered so far: an assessment, possibly incomplete. */
export type VisitDraft = AssessmentInput;

/** One step of a visit record's lifecycle. */
export interface VisitEvent {
  from: VisitStatus | null;
  to: VisitStatus;
  by: string;
  at: string;
  /** Why, when a reviewer returned the record to draft. */
  reason?: string;
}

/** A visit record as the API returns it. */
export interface VisitRecord {
  id: string;
  councilId: string;
  providerId: string;
  status: VisitStatus;
  draft: VisitDraft;
  /** Facts filled from the provider record, with the value it gave (to confirm or correct). */
  prefilled: Record<string, unknown>;
  /** The officer's confirmation that the facts from the provider record are right (null: not confirmed, or a confirmed fact changed since). */
  factsConfirmed: FactsConfirmation | null;
  revision: number;
  /** The assessment stored at submit (its determination is in GET .../assessments/{id}). */
  assessmentId: string | null;
  /** True once signed off: before that the stored determination is not final. */
  determinationFinal: boolean;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  events: VisitEvent[];
}

interface VisitRow {
  id: string;
  council_id: string;
  provider_id: string;
  status: VisitStatus;
  draft: VisitDraft;
  prefilled: Record<string, unknown>;
  facts_confirmed: FactsConfirmation | null;
  revision: number;
  assessment_id: string | null;
  created_by: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
}

/** The ETag of a visit record's revision. */
export function visitEtag(revision: number): string {
  return `"${revision}"`;
}

/** A council's visit record with its lifecycle steps, or undefined. `forUpdate` locks the row. */
export async function findVisit(db: Queryable, councilId: string, id: string, forUpdate = false): Promise<VisitRecord | undefined> {
  const [row] = await db.query<VisitRow>(
    `SELECT * FROM visit_records WHERE council_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [councilId, id],
  );
  if (!row) return undefined;
  const events = await db.query<{ from_status: VisitStatus | null; to_status: VisitStatus; by_user: string; at: Date; reason: string | null }>(
    'SELECT from_status, to_status, by_user, at, reason FROM visit_events WHERE visit_id = $1 ORDER BY id',
    [id],
  );
  return {
    ...toVisitSummary(row),
    events: events.map((e) => ({ from: e.from_status, to: e.to_status, by: e.by_user, at: e.at.toISOString(), ...(e.reason ? { reason: e.reason } : {}) })),
  };
}

/** A visit record without its lifecycle steps (for lists). */
export function toVisitSummary(row: VisitRow): Omit<VisitRecord, 'events'> {
  return {
    id: row.id,
    councilId: row.council_id,
    providerId: row.provider_id,
    status: row.status,
    draft: row.draft,
    prefilled: row.prefilled,
    factsConfirmed: row.facts_confirmed ?? null,
    revision: row.revision,
    assessmentId: row.assessment_id,
    determinationFinal: determinationIsFinal(row.status),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A council's visit records, most recently changed first, optionally of one status or provider. */
export async function listVisits(
  db: Queryable,
  councilId: string,
  filter: { status?: VisitStatus; providerId?: string },
  limit: number,
): Promise<Omit<VisitRecord, 'events'>[]> {
  const rows = await db.query<VisitRow>(
    `SELECT * FROM visit_records WHERE council_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR provider_id = $3)
      ORDER BY updated_at DESC, id DESC LIMIT ${Math.trunc(limit)}`,
    [councilId, filter.status ?? null, filter.providerId ?? null],
  );
  return rows.map(toVisitSummary);
}
