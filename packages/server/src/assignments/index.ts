import { z } from '@hono/zod-openapi';
import { recordAudit } from '../audit/record.js';
import { HttpError, notFound } from '../http-error.js';
import { requireProvider } from '../providers/index.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { councilParams } from '../routes/query.js';
import { assignOfficer, findAssignment, isCouncilOfficer, unassignOfficer } from './officer-assignment.js';
import type { OfficerAssignment } from './officer-assignment.js';

export type { OfficerAssignment } from './officer-assignment.js';
export { assignmentsOf } from './officer-assignment.js';

const providerParams = councilParams.extend({ id: z.string().openapi({ description: 'Provider id' }) });
const assignParams = providerParams.extend({ user: z.string().openapi({ description: 'User id of the officer (officer or council admin role in this council)' }) });

const readRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/providers/{id}/officer',
  tags: ['work-queue'],
  summary: 'The officer the provider is assigned to, who assigned them and when (`assignment` is null when it has none)',
  access: 'viewer',
  request: { params: providerParams },
  reply: typed<{ assignment: OfficerAssignment | null }>(),
});

const assignRoute = defineRoute({
  method: 'put',
  path: '/api/councils/{council}/providers/{id}/officer/{user}',
  tags: ['work-queue'],
  summary: "Assign the provider to an officer of the council (replacing any earlier assignment): its visits, returns, actions and decisions are in that officer's work queue (`mine=true`)",
  access: 'council-admin',
  request: { params: assignParams },
  reply: typed<OfficerAssignment>(),
});

const unassignRoute = defineRoute({
  method: 'delete',
  path: '/api/councils/{council}/providers/{id}/officer',
  tags: ['work-queue'],
  summary: 'Remove the assignment of the provider to an officer (404 when it has none)',
  access: 'council-admin',
  request: { params: providerParams },
  status: 204,
  reply: 'none',
});

/** Per-officer assignment of providers (issue 12): anyone in the council reads it, council admins assign; the work queue filters by it. */
export function assignmentRoutes() {
  return apiRouter()
    .openapi(readRoute, async (c) => {
      const council = c.var.council;
      const provider = await requireProvider(c, council.id, c.req.valid('param').id);
      return c.json({ assignment: (await findAssignment(c.var.services.db, council.id, provider.id)) ?? null });
    })
    .openapi(assignRoute, async (c) => {
      const council = c.var.council;
      const { id, user } = c.req.valid('param');
      const provider = await requireProvider(c, council.id, id);
      const { db } = c.var.services;
      if (!(await isCouncilOfficer(db, council.id, user))) {
        throw new HttpError(422, 'not-an-officer', `User "${user}" is not an officer or council admin of ${council.name}`, {
          details: [{ pointer: '/user', message: 'must be an enabled user with the officer or council admin role in this council' }],
        });
      }
      const by = c.var.user!.id;
      await db.transaction(async (tx) => {
        await assignOfficer(tx, council.id, provider.id, user, by);
        await recordAudit(tx, { actor: by, councilId: council.id, action: 'officer-assign', entity: 'provider', entityId: provider.id, detail: { officer: user } });
      });
      return c.json((await findAssignment(db, council.id, provider.id))!);
    })
    .openapi(unassignRoute, async (c) => {
      const council = c.var.council;
      const provider = await requireProvider(c, council.id, c.req.valid('param').id);
      const by = c.var.user!.id;
      // Nothing to remove is a 404, and writes nothing (not even its audit entry).
      await c.var.services.db.transaction(async (tx) => {
        if (!(await unassignOfficer(tx, council.id, provider.id))) throw notFound(`An officer assigned to provider "${provider.id}"`);
        await recordAudit(tx, { actor: by, councilId: council.id, action: 'officer-unassign', entity: 'provider', entityId: provider.id, detail: {} });
      });
      return c.body(null, 204);
    });
}
