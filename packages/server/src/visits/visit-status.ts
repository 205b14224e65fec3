import { recordAudit } from '../audit/record.js';
import { HttpError } from '../http-error.js';
import type { Db, Queryable } from '../store/index.js';

/**
 * Where a visit record is in its lifecycle: `draft` (saved as the officer goes), `submitted`
 * (evaluated, its determination stored but not final), `signed-off` (a second person with the
 * reviewer capability agreed: the determination is final), `shared` (with the provider as a
 * draft report), `final`.
 */
export type VisitStatus = 'draft' | 'submitted' | 'signed-off' | 'shared' | 'final';

/** Every status, in lifecycle order. */
export const VISIT_STATUSES: readonly VisitStatus[] = ['draft', 'submitted', 'signed-off', 'shared', 'final'];

/** The moves a visit record may make: forward, one step at a time; a reviewer may return a submitted one to draft. */
export const VISIT_TRANSITIONS: Readonly<Record<VisitStatus, readonly VisitStatus[]>> = {
  draft: ['submitted'],
  submitted: ['signed-off', 'draft'],
  'signed-off': ['shared'],
  shared: ['final'],
  final: [],
};

/** True when the determination of a record in `status` is final: only once signed off. */
export function determinationIsFinal(status: VisitStatus): boolean {
  return VISIT_STATUSES.indexOf(status) >= VISIT_STATUSES.indexOf('signed-off');
}

/** A refused move: 409 `invalid-transition`, naming both statuses. */
export function invalidTransition(from: VisitStatus, to: VisitStatus): HttpError {
  const allowed = VISIT_TRANSITIONS[from];
  return new HttpError(
    409,
    'invalid-transition',
    `A visit record that is ${from} cannot become ${to}${allowed.length ? ` (it can become ${allowed.join(' or ')})` : ' (it is final)'}`,
  );
}

/**
 * Moves a visit record to `to` inside the caller's transaction, recording the step (who, when)
 * in `visit_events` and the audit log. Locks the row; 404 when there is no such record, 409
 * `invalid-transition` when the move is not allowed from its current status. Returns the status
 * it moved from.
 */
export async function moveVisitStatus(
  tx: Queryable,
  id: string,
  to: VisitStatus,
  by: string,
  detail: Record<string, unknown> = {},
): Promise<VisitStatus> {
  const [row] = await tx.query<{ status: VisitStatus; council_id: string }>(
    'SELECT status, council_id FROM visit_records WHERE id = $1 FOR UPDATE',
    [id],
  );
  if (!row) throw new HttpError(404, 'not-found', `Visit record "${id}" not found`);
  if (!VISIT_TRANSITIONS[row.status].includes(to)) throw invalidTransition(row.status, to);
  await tx.query(
    'UPDATE visit_records SET status = $2, revision = revision + 1, updated_by = $3, updated_at = now() WHERE id = $1',
    [id, to, by],
  );
  const reason = typeof detail.reason === 'string' ? detail.reason : null;
  await tx.query('INSERT INTO visit_events (visit_id, from_status, to_status, by_user, reason) VALUES ($1, $2, $3, $4, $5)', [id, row.status, to, by, reason]);
  await recordAudit(tx, {
    actor: by,
    councilId: row.council_id,
    action: `visit-${to}`,
    entity: 'visit',
    entityId: id,
    detail: { from: row.status, to, ...detail },
  });
  return row.status;
}

/**
 * Moves a visit record to `to` in its own transaction (for the provider report, challenge and
 * final steps built on the `shared` and `final` states). Guarded by {@link VISIT_TRANSITIONS}.
 * @example await setVisitStatus(db, visitId, 'shared', user.id)
 */
export async function setVisitStatus(db: Db, id: string, to: VisitStatus, by: string): Promise<VisitStatus> {
  return db.transaction((tx) => moveVisitStatus(tx, id, to, by));
}
