import { recordAudit } from '../audit/record.js';
import { HttpError } from '../http-error.js';
import type { JsonSchema } from '../request-body.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import { listReply, pageOf, pageQuery, pageRequest } from '../routes/pagination.js';
import type { PageRequest } from '../routes/pagination.js';
import { councilParams } from '../routes/query.js';
import type { Queryable } from '../store/index.js';
import { requireCouncil } from './council-lookup.js';

export { findCouncil, requireCouncil } from './council-lookup.js';
export type { Council } from './council-lookup.js';

/** A council with a summary of its current published pack. */
export interface CouncilSummary {
  id: string;
  name: string;
  currentVersion: { version: string; hash: string; publishedAt: string; effectiveFrom: string } | null;
}

interface SummaryRow {
  id: string;
  name: string;
  version: string | null;
  hash: string | null;
  published_at: Date | null;
  effective_from: string | null;
}

/** Every council (or one, or one page by name), with its current published version. */
export async function listCouncils(db: Queryable, id?: string, page?: PageRequest): Promise<CouncilSummary[]> {
  const params: unknown[] = id ? [id] : [];
  let where = id ? 'WHERE c.id = $1' : '';
  if (page?.after) {
    params.push(page.after[0], page.after[1]);
    where = `WHERE (c.name, c.id) > ($${params.length - 1}, $${params.length})`;
  }
  const rows = await db.query<SummaryRow>(
    `SELECT c.id, c.name, v.version, v.hash, v.published_at, v.effective_from
       FROM councils c
       LEFT JOIN LATERAL (SELECT version, hash, published_at, effective_from FROM pack_versions
                           WHERE council_id = c.id ORDER BY seq DESC LIMIT 1) v ON true
      ${where}
      ORDER BY c.name, c.id${page ? ` LIMIT ${page.limit + 1}` : ''}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    currentVersion: r.version
      ? { version: r.version, hash: r.hash!, publishedAt: r.published_at!.toISOString(), effectiveFrom: r.effective_from! }
      : null,
  }));
}

/** Body of `POST /api/councils`. */
export const createCouncilSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name'],
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Council slug, e.g. "york".' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
  },
};

const listRoute = defineRoute({
  method: 'get',
  path: '/api/councils',
  tags: ['councils'],
  summary: 'Every council with its current published version, by name (paginated)',
  access: 'public',
  request: { query: pageQuery },
  reply: listReply<'councils', CouncilSummary>('councils'),
});

const oneRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}',
  tags: ['councils'],
  summary: 'One council with its current published version',
  access: 'public',
  request: { params: councilParams },
  reply: typed<CouncilSummary>(),
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/councils',
  tags: ['councils'],
  summary: 'Add a council (no pack yet: put a draft and publish it)',
  access: 'platform-admin',
  body: createCouncilSchema,
  status: 201,
  reply: typed<CouncilSummary>(),
});

/** Council routes: the public list and one council; platform admins add councils. */
export function councilRoutes() {
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const page = pageRequest(c.req.valid('query'), 2);
      const { items, nextCursor } = pageOf(await listCouncils(c.var.services.db, undefined, page), page, (r) => [r.name, r.id]);
      return c.json({ councils: items, nextCursor });
    })
    .openapi(oneRoute, async (c) => {
      const council = await requireCouncil(c, c.req.param('council'));
      const [summary] = await listCouncils(c.var.services.db, council.id);
      return c.json(summary);
    })
    .openapi(createRoute, async (c) => {
      const user = c.var.user;
      const body = validBody<{ id: string; name: string }>(c);
      const created = await c.var.services.db.transaction(async (tx) => {
        const rows = await tx.query('INSERT INTO councils (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id', [
          body.id,
          body.name,
        ]);
        if (rows.length === 0) return false;
        await recordAudit(tx, { actor: user.id, councilId: body.id, action: 'council-create', entity: 'council', entityId: body.id, detail: body });
        return true;
      });
      if (!created) throw new HttpError(409, 'conflict', `Council "${body.id}" already exists`);
      return c.json({ id: body.id, name: body.name, currentVersion: null }, 201);
    });
}
