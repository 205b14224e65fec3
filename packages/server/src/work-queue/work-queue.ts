import { currentDeterminations } from '../actions/current-determinations.js';
import { addDays } from '../dashboard/index.js';
import { assignmentsOf } from '../assignments/officer-assignment.js';
import { completionFacts, listCompletions, trackActions } from '../actions/tracked-action.js';
import type { OfficerAssignment } from '../assignments/officer-assignment.js';
import type { Queryable } from '../store/index.js';
import type { QueueItem, QueueItemKind, QueueSource } from './queue-item.js';
import { QUEUE_SOURCES } from './sources/index.js';

/** What to show: the window, and filters on kind, owner (role), provider and officer. */
export interface QueueRequest {
  today: string;
  days: number;
  kinds?: QueueItemKind[];
  owner?: string;
  providerId?: string;
  overdueOnly?: boolean;
  /** Only this officer's work ("mine"): providers assigned to them, and drafts they started. */
  officerId?: string;
}

/** Dated items by date, then those with no date set by the framework. */
function byDue(a: QueueItem, b: QueueItem): number {
  if (a.due === undefined || b.due === undefined) return Number(a.due === undefined) - Number(b.due === undefined);
  return a.due.localeCompare(b.due);
}

/** The council's work queue: overdue first, then by due date, then those with no date set by the framework (counted as `undated`). */
export interface WorkQueue {
  today: string;
  until: string;
  counts: Record<QueueItemKind, { due: number; overdue: number; undated: number }>;
  items: QueueItem[];
}

/** The item with the officer of its provider, unless its source named one (a draft's author). */
function withOfficer(item: QueueItem, assignments: Map<string, OfficerAssignment>): QueueItem {
  const assigned = assignments.get(item.providerId);
  if (item.officerId || !assigned) return item;
  return { ...item, officerId: assigned.officerId, officerName: assigned.officerName };
}

/** Builds the work queue from every source, then filters it. */
export async function buildWorkQueue(db: Queryable, councilId: string, req: QueueRequest, sources: readonly QueueSource[] = QUEUE_SOURCES): Promise<WorkQueue> {
  const until = addDays(req.today, req.days);
  const standings = await currentDeterminations(db, councilId, req.providerId);
  const actions = trackActions(standings, await listCompletions(db, councilId), await completionFacts(db, councilId), req.today);
  const assignments = await assignmentsOf(db, councilId);
  const context = { db, councilId, standings, actions, assignments, today: req.today, until, ...(req.providerId ? { providerId: req.providerId } : {}) };
  const wanted = sources.filter((s) => !req.kinds || req.kinds.includes(s.kind));
  const all = (await Promise.all(wanted.map((s) => s.items(context)))).flat().map((i) => withOfficer(i, assignments));
  const items = all
    .filter((i) => (!req.owner || i.owner === req.owner) && (!req.overdueOnly || i.overdue) && (!req.officerId || i.officerId === req.officerId))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || byDue(a, b) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const counts = Object.fromEntries(sources.map((s) => [s.kind, { due: 0, overdue: 0, undated: 0 }])) as WorkQueue['counts'];
  for (const i of items) {
    counts[i.kind] ??= { due: 0, overdue: 0, undated: 0 };
    counts[i.kind][i.due === undefined ? 'undated' : i.overdue ? 'overdue' : 'due']++;
  }
  return { today: req.today, until, counts, items };
}
