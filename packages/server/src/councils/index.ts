import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { recordAudit } from '../audit/record.js';
import { requirePlatformAdmin } from '../auth/guards.js';
import { HttpError } from '../http-error.js';
import { readBody } from '../request-body.js';
import type { JsonSchema } from '../request-body.js';
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

/** Every council, with its current published version. */
export async function listCouncils(db: Queryable, id?: string): Promise<CouncilSummary[]> {
  const rows = await db.query<SummaryRow>(
    `SELECT c.id, c.name, v.version, v.hash, v.published_at, v.effective_from
       FROM councils c
       LEFT JOIN LATERAL (SELECT version, hash, published_at, effective_from FROM pack_versions
                           WHERE council_id = c.id ORDER BY seq DESC LIMIT 1) v ON true
      ${id ? 'WHERE c.id = $1' : ''}
      ORDER BY c.name`,
    id ? [id] : [],
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

/** Council routes: the public list and one council; platform admins add councils. */
export function councilRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/councils', async (c) => c.json({ councils: await listCouncils(c.var.services.db) }));

  app.get('/api/councils/:council', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const [summary] = await listCouncils(c.var.services.db, council.id);
    return c.json(summary);
  });

  app.post('/api/councils', async (c) => {
    const user = requirePlatformAdmin(c);
    const body = await readBody<{ id: string; name: string }>(c, createCouncilSchema);
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

  return app;
}
