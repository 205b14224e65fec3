import { currentDeterminations } from '../actions/current-determinations.js';
import { addDays } from '../dashboard/index.js';
import { completionFacts, listCompletions, trackActions } from '../actions/tracked-action.js';
import type { Queryable } from '../store/index.js';
import type { QueueItem, QueueItemKind, QueueSource } from './queue-item.js';
import { QUEUE_SOURCES } from './sources/index.js';

/** What to show: the window, and filters on kind, owner (role) and provider. */
export interface QueueRequest {
  today: string;
  days: number;
  kinds?: QueueItemKind[];
  owner?: string;
  providerId?: string;
  overdueOnly?: boolean;
}

/** The council's work queue: overdue first, then by due date. */
export interface WorkQueue {
  today: string;
  until: string;
  counts: Record<QueueItemKind, { due: number; overdue: number }>;
  items: QueueItem[];
}

/** Builds the work queue from every source, then filters it. */
export async function buildWorkQueue(db: Queryable, councilId: string, req: QueueRequest, sources: readonly QueueSource[] = QUEUE_SOURCES): Promise<WorkQueue> {
  const until = addDays(req.today, req.days);
  const standings = await currentDeterminations(db, councilId, req.providerId);
  const actions = trackActions(standings, await listCompletions(db, councilId), await completionFacts(db, councilId), req.today);
  const context = { db, councilId, standings, actions, today: req.today, until };
  const wanted = sources.filter((s) => !req.kinds || req.kinds.includes(s.kind));
  const all = (await Promise.all(wanted.map((s) => s.items(context)))).flat();
  const items = all
    .filter((i) => (!req.owner || i.owner === req.owner) && (!req.overdueOnly || i.overdue))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const counts = Object.fromEntries(sources.map((s) => [s.kind, { due: 0, overdue: 0 }])) as WorkQueue['counts'];
  for (const i of items) {
    counts[i.kind] ??= { due: 0, overdue: 0 };
    counts[i.kind][i.overdue ? 'overdue' : 'due']++;
  }
  return { today: req.today, until, counts, items };
}
