import { apiRouter } from '../routes/api-router.js';
import { defineRoute } from '../routes/define-route.js';
import { listReply, pageOf, pageQuery, pageRequest } from '../routes/pagination.js';
import { councilParams } from '../routes/query.js';

export { recordAudit } from './record.js';
export type { AuditEntry } from './record.js';
export { contentHash } from './content-hash.js';

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

const allRoute = defineRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  summary: 'The whole audit log, newest first (paginated)',
  access: 'platform-admin',
  request: { query: pageQuery },
  reply: listReply('entries'),
});

const councilRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/audit',
  tags: ['audit'],
  summary: "The council's audit log, newest first (paginated)",
  access: 'council-admin',
  request: { params: councilParams, query: pageQuery },
  reply: listReply('entries'),
});

/**
 * Read-only audit routes: a council admin reads their council's log, a platform admin reads
 * everything. There is deliberately no route that edits or deletes an entry.
 */
export function auditRoutes() {

  return apiRouter()
    .openapi(allRoute, async (c) => {
      const page = pageRequest(c.req.valid('query'), 1);
      const rows = await c.var.services.db.query<AuditRow>(
        `SELECT * FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT ${page.limit + 1}`,
        [page.after?.[0] ?? Number.MAX_SAFE_INTEGER],
      );
      const { items, nextCursor } = pageOf(rows, page, (r) => [Number(r.id)]);
      return c.json({ entries: items.map(toRecord), nextCursor });
    })
    .openapi(councilRoute, async (c) => {
      const council = c.var.council;
      const page = pageRequest(c.req.valid('query'), 1);
      const rows = await c.var.services.db.query<AuditRow>(
        `SELECT * FROM audit_log WHERE council_id = $1 AND id < $2 ORDER BY id DESC LIMIT ${page.limit + 1}`,
        [council.id, page.after?.[0] ?? Number.MAX_SAFE_INTEGER],
      );
      const { items, nextCursor } = pageOf(rows, page, (r) => [Number(r.id)]);
      return c.json({ entries: items.map(toRecord), nextCursor });
    });
}
