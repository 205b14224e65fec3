import type { Queryable } from '../store/index.js';
import type { ProviderStanding } from './current-determinations.js';

/** open: not done and not yet past due; overdue: not done and past due; done: completion recorded. */
export type ActionStatus = 'open' | 'done' | 'overdue';

/** An action a determination requires, tracked: who owns it, when it is due, whether it was done and when. */
export interface TrackedAction {
  providerId: string;
  name: string;
  assessmentId: string;
  assessmentDate: string;
  id: string;
  label: string;
  owner: string;
  due: string;
  status: ActionStatus;
  source: string;
  /** The date it was done, when recorded. */
  completedOn?: string;
  completedBy?: string;
  note?: string;
  /** The input fact its completion date feeds (the next evaluation reads it), if the council maps one. */
  feeds?: string;
}

/** A recorded completion, keyed by provider, assessment date and action id. */
export interface ActionCompletion {
  providerId: string;
  assessmentDate: string;
  actionId: string;
  completedOn: string;
  completedBy: string;
  note: string | null;
}

const key = (providerId: string, assessmentDate: string, actionId: string) => `${providerId}\u0000${assessmentDate}\u0000${actionId}`;

/** The council's recorded completions. */
export async function listCompletions(db: Queryable, councilId: string): Promise<Map<string, ActionCompletion>> {
  const rows = await db.query<{ provider_id: string; assessment_date: string; action_id: string; completed_on: string; email: string; note: string | null }>(
    `SELECT c.provider_id, c.assessment_date::text AS assessment_date, c.action_id, c.completed_on::text AS completed_on, u.email, c.note
       FROM action_completions c JOIN users u ON u.id = c.recorded_by WHERE c.council_id = $1`,
    [councilId],
  );
  const out = new Map<string, ActionCompletion>();
  for (const r of rows) {
    out.set(key(r.provider_id, r.assessment_date, r.action_id), {
      providerId: r.provider_id,
      assessmentDate: r.assessment_date,
      actionId: r.action_id,
      completedOn: r.completed_on,
      completedBy: r.email,
      note: r.note,
    });
  }
  return out;
}

/** The council's action id -> the input fact its completion date feeds. */
export async function completionFacts(db: Queryable, councilId: string): Promise<Map<string, string>> {
  const rows = await db.query<{ action_id: string; fact: string }>('SELECT action_id, fact FROM action_completion_facts WHERE council_id = $1', [councilId]);
  return new Map(rows.map((r) => [r.action_id, r.fact]));
}

/** The status of an action due on `due`, completed or not, seen on `today`. */
export function actionStatus(due: string, today: string, completedOn?: string): ActionStatus {
  if (completedOn) return 'done';
  return due < today ? 'overdue' : 'open';
}

/** Every action of the providers' current determinations, tracked: soonest due first. */
export function trackActions(
  standings: ProviderStanding[],
  completions: Map<string, ActionCompletion>,
  feeds: Map<string, string>,
  today: string,
): TrackedAction[] {
  const out: TrackedAction[] = [];
  for (const s of standings) {
    if (!s.determination || !s.assessmentId || !s.assessmentDate) continue;
    for (const a of s.determination.actions ?? []) {
      const done = completions.get(key(s.providerId, s.assessmentDate, a.id));
      const fact = feeds.get(a.id);
      out.push({
        providerId: s.providerId,
        name: s.name,
        assessmentId: s.assessmentId,
        assessmentDate: s.assessmentDate,
        id: a.id,
        label: a.label,
        owner: a.owner,
        due: a.due,
        status: actionStatus(a.due, today, done?.completedOn),
        source: a.source,
        ...(done ? { completedOn: done.completedOn, completedBy: done.completedBy, ...(done.note ? { note: done.note } : {}) } : {}),
        ...(fact ? { feeds: fact } : {}),
      });
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
