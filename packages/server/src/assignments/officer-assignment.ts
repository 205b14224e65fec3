import type { Queryable } from '../store/index.js';

/** The officer a provider is assigned to (issue 12: the work queue per officer). */
export interface OfficerAssignment {
  providerId: string;
  officerId: string;
  /** The officer's name (their email when they gave no name). */
  officerName: string;
  assignedBy: string;
  assignedAt: string;
}

interface AssignmentRow {
  provider_id: string;
  officer_id: string;
  officer_name: string;
  assigned_by: string;
  assigned_at: Date;
}

const SELECT_SQL = `SELECT a.provider_id, a.officer_id, COALESCE(NULLIF(u.name, ''), u.email) AS officer_name, a.assigned_by, a.assigned_at
  FROM officer_assignments a JOIN users u ON u.id = a.officer_id WHERE a.council_id = $1`;

function toAssignment(row: AssignmentRow): OfficerAssignment {
  return { providerId: row.provider_id, officerId: row.officer_id, officerName: row.officer_name, assignedBy: row.assigned_by, assignedAt: row.assigned_at.toISOString() };
}

/** Every assignment of the council, by provider id. */
export async function assignmentsOf(db: Queryable, councilId: string): Promise<Map<string, OfficerAssignment>> {
  const rows = await db.query<AssignmentRow>(SELECT_SQL, [councilId]);
  return new Map(rows.map((r) => [r.provider_id, toAssignment(r)]));
}

/** The assignment of one provider of the council, or undefined. */
export async function findAssignment(db: Queryable, councilId: string, providerId: string): Promise<OfficerAssignment | undefined> {
  const [row] = await db.query<AssignmentRow>(`${SELECT_SQL} AND a.provider_id = $2`, [councilId, providerId]);
  return row ? toAssignment(row) : undefined;
}

/** True when `userId` may be assigned work in the council: an enabled user holding the officer or council admin role there. */
export async function isCouncilOfficer(db: Queryable, councilId: string, userId: string): Promise<boolean> {
  const rows = await db.query<{ user_id: string }>(
    `SELECT r.user_id FROM council_roles r JOIN users u ON u.id = r.user_id
      WHERE r.council_id = $1 AND r.user_id = $2 AND r.role IN ('officer', 'council-admin') AND NOT u.disabled`,
    [councilId, userId],
  );
  return rows.length > 0;
}

/** Assigns (or re-assigns) the provider to the officer, inside the caller's transaction. */
export async function assignOfficer(tx: Queryable, councilId: string, providerId: string, officerId: string, by: string): Promise<void> {
  await tx.query(
    `INSERT INTO officer_assignments (council_id, provider_id, officer_id, assigned_by) VALUES ($1, $2, $3, $4)
      ON CONFLICT (provider_id) DO UPDATE SET officer_id = EXCLUDED.officer_id, assigned_by = EXCLUDED.assigned_by, assigned_at = now()`,
    [councilId, providerId, officerId, by],
  );
}

/** Removes the provider's assignment, inside the caller's transaction; true when there was one. */
export async function unassignOfficer(tx: Queryable, councilId: string, providerId: string): Promise<boolean> {
  const rows = await tx.query<{ provider_id: string }>('DELETE FROM officer_assignments WHERE council_id = $1 AND provider_id = $2 RETURNING provider_id', [councilId, providerId]);
  return rows.length > 0;
}
