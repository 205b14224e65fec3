import { z } from '@hono/zod-openapi';
import { notFound } from '../http-error.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { listReply, pageOf, pageQuery, pageRequest } from '../routes/pagination.js';
import type { PageRequest } from '../routes/pagination.js';
import { councilParams } from '../routes/query.js';
import type { Queryable } from '../store/index.js';
import { auditConditions, auditFilterQuery } from './audit-filter.js';
import type { AuditFilter } from './audit-filter.js';

export { recordAudit } from './record.js';
export type { AuditEntry } from './record.js';
export { contentHash } from './content-hash.js';
export type { AuditFilter } from './audit-filter.js';

/** An audit entry as the API returns it. */
export interface AuditRecord {
  id: number;
  at: string;
  actor: string | null;
  councilId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  beforeHash: string | null;
  afterHash: string | null;
  detail: Record<string, unknown>;
}

interface AuditRow {
  id: number;
  at: Date;
  actor: string | null;
  council_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_hash: string | null;
  after_hash: string | null;
  detail: Record<string, unknown>;
}

function toRecord(r: AuditRow): AuditRecord {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    councilId: r.council_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    beforeHash: r.before_hash,
    afterHash: r.after_hash,
    detail: r.detail,
  };
}

const entryParams = z.object({ id: z.string().regex(/^[0-9]{1,18}$/).openapi({ description: 'Audit entry id' }) });

const allRoute = defineRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  summary: 'The whole audit log, newest first (paginated), filtered by user, council, kind of change, thing changed and dates',
  access: 'platform-admin',
  request: { query: pageQuery.merge(auditFilterQuery) },
  reply: listReply<'entries', AuditRecord>('entries'),
});

const allEntryRoute = defineRoute({
  method: 'get',
  path: '/api/audit/{id}',
  tags: ['audit'],
  summary: 'One audit entry: who, when, and what changed (hashes before and after, the detail)',
  access: 'platform-admin',
  request: { params: entryParams },
  reply: typed<AuditRecord>(),
});

const councilRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/audit',
  tags: ['audit'],
  summary: "The council's audit log, newest first (paginated), filtered by user, kind of change, thing changed and dates",
  access: 'council-admin',
  request: { params: councilParams, query: pageQuery.merge(auditFilterQuery.omit({ council: true })) },
  reply: listReply<'entries', AuditRecord>('entries'),
});

const councilEntryRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/audit/{id}',
  tags: ['audit'],
  summary: "One entry of the council's audit log: who, when, and what changed",
  access: 'council-admin',
  request: { params: councilParams.merge(entryParams) },
  reply: typed<AuditRecord>(),
});

/** One page of the entries matching a filter, newest first. */
async function auditPage(db: Queryable, filter: AuditFilter, page: PageRequest) {
  const cond = auditConditions(filter, 2);
  const rows = await db.query<AuditRow>(
    `SELECT * FROM audit_log WHERE id < $1 AND ${cond.where} ORDER BY id DESC LIMIT ${page.limit + 1}`,
    [page.after?.[0] ?? Number.MAX_SAFE_INTEGER, ...cond.params],
  );
  const { items, nextCursor } = pageOf(rows, page, (r) => [Number(r.id)]);
  return { entries: items.map(toRecord), nextCursor };
}

/** One entry by id, within a council when one is given; 404 otherwise. */
async function auditEntry(db: Queryable, id: string, councilId?: string): Promise<AuditRecord> {
  const rows = await db.query<AuditRow>(
    councilId === undefined ? 'SELECT * FROM audit_log WHERE id = $1' : 'SELECT * FROM audit_log WHERE id = $1 AND council_id = $2',
    councilId === undefined ? [id] : [id, councilId],
  );
  if (!rows[0]) throw notFound(`Audit entry ${id}`);
  return toRecord(rows[0]);
}

/**
 * Read-only audit routes: a council admin reads their council's log, a platform admin reads
 * everything. There is deliberately no route that edits or deletes an entry.
 */
export function auditRoutes() {
  return apiRouter()
    .openapi(allRoute, async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      return c.json(await auditPage(c.var.services.db, filter, pageRequest({ limit, cursor }, 1)));
    })
    .openapi(allEntryRoute, async (c) => c.json(await auditEntry(c.var.services.db, c.req.valid('param').id)))
    .openapi(councilRoute, async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      return c.json(await auditPage(c.var.services.db, { ...filter, council: c.var.council.id }, pageRequest({ limit, cursor }, 1)));
    })
    .openapi(councilEntryRoute, async (c) => c.json(await auditEntry(c.var.services.db, c.req.valid('param').id, c.var.council.id)));
}
