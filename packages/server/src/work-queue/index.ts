import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { councilParams, flagQuery, isoDateQuery, windowDaysQuery } from '../routes/query.js';
import { writeCalendar } from './icalendar.js';
import { QUEUE_ITEM_KINDS } from './queue-item.js';
import type { QueueItem, QueueItemKind } from './queue-item.js';
import { buildWorkQueue } from './work-queue.js';
import type { WorkQueue } from './work-queue.js';

export type { QueueItem, QueueItemKind } from './queue-item.js';
export type { WorkQueue } from './work-queue.js';

const KINDS = QUEUE_ITEM_KINDS;

const queueQuery = z.object({
  today: isoDateQuery('ISO date (default today)'),
  days: windowDaysQuery('window in days (30); overdue items are always listed'),
  kind: z
    .string()
    .refine((v) => v.split(',').every((k) => (KINDS as readonly string[]).includes(k)), { message: `must be one or more of ${KINDS.join(', ')}, comma-separated` })
    .optional()
    .openapi({ description: `only these kinds (${KINDS.join(', ')}), comma-separated` }),
  owner: z.string().optional().openapi({ description: "only items this role owns (an action's owner, a decision's role; for an officer's override missing its reason, the officer who overrode it, as the override's `by`)" }),
  providerId: z.string().optional().openapi({ description: 'only this provider' }),
  overdue: flagQuery('"true": only overdue items'),
  mine: flagQuery('"true": only my work: providers assigned to me, and visit records I started and left in draft'),
});

const queueRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/work-queue',
  tags: ['work-queue'],
  summary: 'What is due or overdue: visits, returns, actions not done, human decisions waiting, visit records left in draft; overdue first, items with no date set by the framework (`dueWords`, no `due`) last; `mine=true` for my work only',
  access: 'viewer',
  request: { params: councilParams, query: queueQuery },
  reply: typed<WorkQueue>(),
});

const calendarRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/work-queue.ics',
  tags: ['work-queue'],
  summary: 'The work queue as an iCalendar (RFC 5545) of all-day events: visits and deadlines',
  access: 'viewer',
  request: { params: councilParams, query: queueQuery },
  reply: 'calendar',
});

type QueueQuery = z.infer<typeof queueQuery>;

async function queueOf(c: Context<AppEnv>, query: QueueQuery): Promise<WorkQueue> {
  return buildWorkQueue(c.var.services.db, c.var.council.id, {
    today: query.today ?? c.var.services.now().toISOString().slice(0, 10),
    days: query.days ?? 30,
    ...(query.kind ? { kinds: query.kind.split(',') as QueueItemKind[] } : {}),
    ...(query.owner ? { owner: query.owner } : {}),
    ...(query.providerId ? { providerId: query.providerId } : {}),
    overdueOnly: query.overdue === 'true',
    ...(query.mine === 'true' ? { officerId: c.var.user!.id } : {}),
  });
}

const KIND_WORDS: Record<QueueItemKind, string> = { visit: 'Visit', return: 'Return', action: 'Action', decision: 'Decision', draft: 'Draft not submitted' };

function summaryOf(i: QueueItem): string {
  return `${i.overdue ? 'OVERDUE: ' : ''}${KIND_WORDS[i.kind]}: ${i.label} — ${i.name}`;
}

/** `GET .../work-queue` (JSON) and `GET .../work-queue.ics` (iCalendar), same filters. */
export function workQueueRoutes() {
  return apiRouter()
    .openapi(queueRoute, async (c) => c.json(await queueOf(c, c.req.valid('query'))))
    .openapi(calendarRoute, async (c) => {
      const queue = await queueOf(c, c.req.valid('query'));
      const council = c.var.council;
      // A calendar event needs a day: items with no date set by the framework stay in the JSON queue only.
      const events = queue.items.flatMap((i) => (i.due ? [{ i, due: i.due }] : [])).map(({ i, due }) => ({
        uid: `${i.kind}-${i.providerId}-${i.id}-${due}@openqaf`,
        date: due,
        summary: summaryOf(i),
        description: [i.owner ? `Owner: ${i.ownerLabel ?? i.owner}` : '', i.officerName ? `Officer: ${i.officerName}` : '', `Source: ${i.source}`].filter(Boolean).join('\n'),
        categories: [i.kind],
      }));
      c.header('Content-Type', 'text/calendar; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${council.id}-work-queue.ics"`);
      return c.body(writeCalendar(`${council.name}: work queue`, events, c.var.services.now()));
    });
}
