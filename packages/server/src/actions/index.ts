import { z } from '@hono/zod-openapi';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import { councilParams, isoDateQuery } from '../routes/query.js';
import { completeAction } from './complete-action.js';
import type { CompletedAction, CompletionBody } from './complete-action.js';
import { currentDeterminations } from './current-determinations.js';
import { completionFacts, listCompletions, trackActions } from './tracked-action.js';
import type { TrackedAction } from './tracked-action.js';

export type { ActionStatus, TrackedAction } from './tracked-action.js';
export type { CompletedAction, CompletionBody } from './complete-action.js';

const completionBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['providerId', 'actionId', 'completedOn'],
  properties: {
    providerId: { type: 'string', minLength: 1 },
    actionId: { type: 'string', minLength: 1, description: "The action's id in the pack, as the determination gives it." },
    completedOn: { type: 'string', format: 'date', description: 'The date it was done: not before the assessment, not after today.' },
    note: { type: 'string', maxLength: 2000 },
  },
};

const listRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/actions',
  tags: ['actions'],
  summary: "Actions of the providers' current determinations, tracked: owner, due date, status (open, done, overdue), completion",
  access: 'viewer',
  request: {
    params: councilParams,
    query: z.object({
      today: isoDateQuery('ISO date (default today)'),
      status: z.enum(['open', 'done', 'overdue']).optional().openapi({ description: 'only actions with this status' }),
      owner: z.string().optional().openapi({ description: 'only actions this owner (role) takes' }),
      providerId: z.string().optional().openapi({ description: 'only this provider' }),
    }),
  },
  reply: typed<{ today: string; actions: TrackedAction[] }>(),
});

const completeRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/actions/complete',
  tags: ['actions'],
  summary: 'Record an action as done on a date; when its completion date feeds an input fact, the provider is evaluated again',
  access: 'officer',
  request: { params: councilParams },
  body: typed<CompletionBody>(completionBodySchema),
  status: 201,
  reply: typed<CompletedAction>(),
});

/** The tracked actions of a council and recording their completion. */
export function actionRoutes() {
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const council = c.var.council;
      const query = c.req.valid('query');
      const db = c.var.services.db;
      const today = query.today ?? c.var.services.now().toISOString().slice(0, 10);
      const standings = await currentDeterminations(db, council.id, query.providerId);
      const actions = trackActions(standings, await listCompletions(db, council.id), await completionFacts(db, council.id), today).filter(
        (a) => (!query.status || a.status === query.status) && (!query.owner || a.owner === query.owner),
      );
      return c.json({ today, actions });
    })
    .openapi(completeRoute, async (c) => {
      const council = c.var.council;
      return c.json(await completeAction(c, council.id, validBody<CompletionBody>(c)), 201);
    });
}
