import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import { councilParams } from '../routes/query.js';
import { redetermineBodySchema } from '../packs/schemas.js';
import { listRedeterminations, redetermine } from './redetermination.js';
import type { Redetermination, Redeterminations } from './redetermination.js';

/** What a quality lead sends to determine assessments again. */
export interface RedetermineBody {
  reason: string;
  assessmentIds?: string[];
}

const listRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/redeterminations',
  tags: ['assessments'],
  summary:
    'Assessments decided under a version not in force on their date (withdrawn, or published over with an earlier in-force date), each with what it would be under the version in force; those whose visit record awaits sign-off apart (`awaitingSignOff`: signing off determines them again)',
  access: 'viewer',
  request: { params: councilParams },
  reply: typed<Redeterminations>(),
});

const redetermineRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/redeterminations',
  tags: ['assessments'],
  summary:
    'Determine the final ones again under the version in force on their date, in one action; each earlier determination stays in the history, marked superseded with the reason (422 naming an id not listed or awaiting sign-off)',
  access: 'council-admin',
  request: { params: councilParams },
  body: typed<RedetermineBody>(redetermineBodySchema),
  reply: typed<{ redetermined: Redetermination[] }>(),
});

/** Listing and re-determining assessments not decided under the version now in force on their date. */
export function redeterminationRoutes() {
  return apiRouter()
    .openapi(listRoute, async (c) => c.json(await listRedeterminations(c.var.services, c.var.council.id)))
    .openapi(redetermineRoute, async (c) => {
      const body = validBody<RedetermineBody>(c);
      const done = await redetermine(c.var.services, { councilId: c.var.council.id, userId: c.var.user.id, ...body });
      return c.json({ redetermined: done });
    });
}
