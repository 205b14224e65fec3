import type { Queryable } from '../store/index.js';

/** One record of progress on an action of the plan: its state then, who owns it, on which date. */
export interface ActionProgress {
  status: 'in-progress' | 'done';
  owner: string;
  /** The date the progress was made or the action completed (ISO date). */
  on: string;
  note?: string;
  /** The user who recorded it, and when. */
  by: string;
  at: string;
}

/** An action of the provider's improvement action plan, with its progress records, oldest first. */
export interface PlannedAction {
  action: string;
  owner: string;
  due: string;
  /** `open` until progress is recorded; then the latest record's status. */
  status: 'open' | 'in-progress' | 'done';
  progress: ActionProgress[];
}

interface ProgressRow {
  position: number;
  status: 'in-progress' | 'done';
  owner: string;
  on_date: string;
  note: string | null;
  by_user: string;
  at: Date;
}

/** The action plan of a report, in order, each action with its progress (an empty list when none was sent). */
export async function loadActionPlan(db: Queryable, assessmentId: string): Promise<PlannedAction[]> {
  const plan = await db.query<{ position: number; action: string; owner: string; due: string }>(
    'SELECT position, action, owner, due::text AS due FROM report_action_plans WHERE assessment_id = $1 ORDER BY position',
    [assessmentId],
  );
  if (plan.length === 0) return [];
  const rows = await db.query<ProgressRow>(
    `SELECT position, status, owner, on_date::text AS on_date, note, by_user, at FROM report_action_progress
      WHERE assessment_id = $1 ORDER BY position, seq`,
    [assessmentId],
  );
  return plan.map((p) => {
    const progress = rows
      .filter((r) => r.position === p.position)
      .map((r): ActionProgress => ({
        status: r.status,
        owner: r.owner,
        on: r.on_date,
        ...(r.note ? { note: r.note } : {}),
        by: r.by_user,
        at: r.at.toISOString(),
      }));
    return { action: p.action, owner: p.owner, due: p.due, status: progress.at(-1)?.status ?? 'open', progress };
  });
}

/** What a provider records about one action once the report is final. */
export interface ProgressRequest {
  status: 'in-progress' | 'done';
  owner: string;
  on: string;
  note?: string;
}

/**
 * Inside a transaction: appends a progress record to action `position` (0-based) of the plan.
 * The caller has checked that the action exists and the record is allowed.
 */
export async function appendProgress(tx: Queryable, assessmentId: string, position: number, request: ProgressRequest, userId: string): Promise<void> {
  await tx.query(
    `INSERT INTO report_action_progress (assessment_id, position, status, owner, on_date, note, by_user, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7,
       (SELECT COALESCE(MAX(seq), 0) + 1 FROM report_action_progress WHERE assessment_id = $1 AND position = $2))`,
    [assessmentId, position, request.status, request.owner, request.on, request.note ?? null, userId],
  );
}
