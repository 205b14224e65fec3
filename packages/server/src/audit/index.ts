import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { requireCouncilRole, requirePlatformAdmin } from '../auth/guards.js';
import { requireCouncil } from '../councils/council-lookup.js';

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

const MAX_PAGE = 500;

function pageOf(limit: string | undefined, before: string | undefined): { limit: number; before: number } {
  const l = Math.min(Math.max(Number(limit) || 100, 1), MAX_PAGE);
  const b = Number(before) > 0 ? Number(before) : Number.MAX_SAFE_INTEGER;
  return { limit: l, before: b };
}

/**
 * Read-only audit routes: a council admin reads their council's log, a platform admin reads
 * everything. There is deliberately no route that edits or deletes an entry.
 */
export function auditRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/audit', async (c) => {
    requirePlatformAdmin(c);
    const { limit, before } = pageOf(c.req.query('limit'), c.req.query('before'));
    const rows = await c.var.services.db.query<AuditRow>(
      'SELECT * FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT $2',
      [before, limit],
    );
    return c.json({ entries: rows.map(toRecord) });
  });

  app.get('/api/councils/:council/audit', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    requireCouncilRole(c, council.id, 'council-admin');
    const { limit, before } = pageOf(c.req.query('limit'), c.req.query('before'));
    const rows = await c.var.services.db.query<AuditRow>(
      'SELECT * FROM audit_log WHERE council_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3',
      [council.id, before, limit],
    );
    return c.json({ entries: rows.map(toRecord) });
  });

  return app;
}
