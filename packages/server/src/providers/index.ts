import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { contentHash } from '../audit/content-hash.js';
import { recordAudit } from '../audit/record.js';
import { requireCouncilRole } from '../auth/guards.js';
import { requireCouncil } from '../councils/council-lookup.js';
import { formatCsv } from '../csv/index.js';
import { HttpError, notFound } from '../http-error.js';
import { recordIdempotentReply } from '../idempotency/index.js';
import { revisionFromIfMatch } from '../packs/drafts.js';
import { readBody, readJson, readText, validateBody } from '../request-body.js';
import { isUniqueViolation } from '../store/errors.js';
import { importProviders, ON_EXISTING } from './csv-import.js';
import type { ColumnMapping, OnExisting } from './csv-import.js';
import { findProvider, listProviders } from './provider-record.js';
import type { Provider } from './provider-record.js';
import { importBodySchema, providerBodySchema } from './schemas.js';

export { findProvider, listProviders } from './provider-record.js';
export type { Provider } from './provider-record.js';

interface ProviderBody {
  name: string;
  cqcLocationId?: string | null;
  serviceType?: string | null;
  size?: Record<string, number>;
}

function today(c: Context<AppEnv>): string {
  return c.var.services.now().toISOString().slice(0, 10);
}

/** The provider named in the URL, within the council, or 404. */
export async function requireProvider(c: Context<AppEnv>, councilId: string, id: string): Promise<Provider> {
  const provider = await findProvider(c.var.services.db, councilId, id, today(c));
  if (!provider) throw notFound(`Provider "${id}" of council "${councilId}"`);
  return provider;
}

function duplicateCqcId(body: ProviderBody): HttpError {
  return new HttpError(409, 'conflict', `A provider with CQC location id ${body.cqcLocationId} already exists`, {
    details: [{ pointer: '/cqcLocationId', message: 'already used by another provider of this council' }],
  });
}

function stored(p: Provider) {
  return { name: p.name, cqcLocationId: p.cqcLocationId, serviceType: p.serviceType, size: p.size };
}

/** `?onExisting=` of a text/csv import: absent (the default), `update` or `reject`. */
function onExistingQuery(value: string | undefined): OnExisting | undefined {
  if (value === undefined) return undefined;
  if ((ON_EXISTING as readonly string[]).includes(value)) return value as OnExisting;
  throw new HttpError(422, 'invalid-query', `onExisting must be one of ${ON_EXISTING.join(', ')}`, {
    details: [{ pointer: '/onExisting', message: `must be one of ${ON_EXISTING.join(', ')}` }],
  });
}

const EXPORT_COLUMNS = ['id', 'name', 'cqcLocationId', 'serviceType'];

/**
 * Provider routes: list and search (viewer), create and edit (officer), delete (council admin,
 * only when never assessed), CSV import (council admin) and export (viewer).
 */
export function providerRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/councils/:council/providers', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    requireCouncilRole(c, council.id, 'viewer');
    let providers = await listProviders(c.var.services.db, council.id, today(c), c.req.query('q'));
    const rating = c.req.query('rating');
    if (rating) providers = providers.filter((p) => String(p.latest?.rating ?? 'Not assessed') === rating);
    return c.json({ providers });
  });

  app.get('/api/councils/:council/providers/export', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    requireCouncilRole(c, council.id, 'viewer');
    const providers = await listProviders(c.var.services.db, council.id, today(c));
    const sizeKeys = [...new Set(providers.flatMap((p) => Object.keys(p.size)))].sort();
    const header = [...EXPORT_COLUMNS, ...sizeKeys.map((k) => `size.${k}`), 'rating', 'lastAssessmentDate', 'packVersion', 'nextVisitDue', 'overdueActions'];
    const rows = providers.map((p) => [
      p.id,
      p.name,
      p.cqcLocationId,
      p.serviceType,
      ...sizeKeys.map((k) => p.size[k]),
      p.latest ? String(p.latest.rating) : '',
      p.latest?.assessmentDate,
      p.latest?.packVersion,
      p.latest?.nextVisitDue,
      p.latest?.overdueActions,
    ]);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${council.id}-providers.csv"`);
    return c.body(formatCsv([header, ...rows]));
  });

  app.post('/api/councils/:council/providers/import', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const user = requireCouncilRole(c, council.id, 'council-admin');
    const type = c.req.header('content-type') ?? '';
    let body: { csv: string; mapping?: ColumnMapping; strict?: boolean; onExisting?: OnExisting };
    if (/^text\/csv\b/i.test(type)) {
      body = { csv: await readText(c), strict: c.req.query('strict') === 'true', onExisting: onExistingQuery(c.req.query('onExisting')) };
    } else {
      body = validateBody(importBodySchema, await readJson(c));
    }
    const report = await c.var.services.db.transaction(async (tx) => {
      const { report: r, changes } = await importProviders(tx, {
        councilId: council.id,
        csv: body.csv,
        mapping: body.mapping,
        strict: body.strict ?? false,
        onExisting: body.onExisting,
      });
      const updates = changes.filter((ch) => ch.kind === 'updated');
      await recordAudit(tx, {
        actor: user.id,
        councilId: council.id,
        action: 'provider-import',
        entity: 'provider',
        beforeHash: updates.length > 0 ? contentHash(updates.map((u) => ({ id: u.id, ...u.before }))) : null,
        afterHash: contentHash(changes.map((ch) => ({ id: ch.id, ...ch.after }))),
        detail: {
          imported: r.imported,
          updated: r.updated,
          unchanged: r.unchanged,
          rejected: r.rejected,
          insertedIds: r.ids,
          updatedIds: r.updatedIds,
          updates: updates.map((u) => ({ id: u.id, beforeHash: contentHash(u.before), afterHash: contentHash(u.after) })),
          rejectedRows: r.rows.filter((row) => row.outcome === 'rejected').map((row) => row.row),
          strict: r.strict,
          onExisting: r.onExisting,
        },
      });
      return r;
    });
    return c.json(report, report.imported > 0 ? 201 : 200);
  });

  app.post('/api/councils/:council/providers', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const user = requireCouncilRole(c, council.id, 'officer');
    const body = await readBody<ProviderBody>(c, providerBodySchema);
    const id = randomUUID();
    let provider: Provider | undefined;
    try {
      await c.var.services.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO providers (id, council_id, name, cqc_location_id, service_type, size) VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, council.id, body.name, body.cqcLocationId ?? null, body.serviceType ?? null, JSON.stringify(body.size ?? {})],
        );
        await recordAudit(tx, { actor: user.id, councilId: council.id, action: 'provider-create', entity: 'provider', entityId: id, afterHash: contentHash(body) });
        if (c.var.idempotency) {
          provider = await findProvider(tx, council.id, id, today(c));
          await recordIdempotentReply(c, tx, 201, provider, { etag: `"${provider!.revision}"` });
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateCqcId(body);
      throw error;
    }
    provider ??= await requireProvider(c, council.id, id);
    c.header('ETag', `"${provider.revision}"`);
    return c.json(provider, 201);
  });

  app.get('/api/councils/:council/providers/:id', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    requireCouncilRole(c, council.id, 'viewer');
    const provider = await requireProvider(c, council.id, c.req.param('id'));
    c.header('ETag', `"${provider.revision}"`);
    return c.json(provider);
  });

  app.put('/api/councils/:council/providers/:id', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const user = requireCouncilRole(c, council.id, 'officer');
    const before = await requireProvider(c, council.id, c.req.param('id'));
    const body = await readBody<ProviderBody>(c, providerBodySchema);
    const expected = revisionFromIfMatch(c.req.header('if-match')) ?? before.revision;
    try {
      await c.var.services.db.transaction(async (tx) => {
        const rows = await tx.query(
          `UPDATE providers SET name = $4, cqc_location_id = $5, service_type = $6, size = $7,
                  revision = revision + 1, updated_at = now()
            WHERE council_id = $1 AND id = $2 AND revision = $3 RETURNING id`,
          [council.id, before.id, expected, body.name, body.cqcLocationId ?? null, body.serviceType ?? null, JSON.stringify(body.size ?? {})],
        );
        if (rows.length === 0) throw new HttpError(409, 'conflict', 'The provider has changed since you loaded it: reload and edit again');
        await recordAudit(tx, {
          actor: user.id,
          councilId: council.id,
          action: 'provider-update',
          entity: 'provider',
          entityId: before.id,
          beforeHash: contentHash(stored(before)),
          afterHash: contentHash(body),
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateCqcId(body);
      throw error;
    }
    const provider = await requireProvider(c, council.id, before.id);
    c.header('ETag', `"${provider.revision}"`);
    return c.json(provider);
  });

  app.delete('/api/councils/:council/providers/:id', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const user = requireCouncilRole(c, council.id, 'council-admin');
    const before = await requireProvider(c, council.id, c.req.param('id'));
    if (before.latest) {
      throw new HttpError(409, 'conflict', 'A provider with assessments cannot be deleted: its determinations are part of the record');
    }
    await c.var.services.db.transaction(async (tx) => {
      const used = await tx.query('SELECT 1 FROM assessments WHERE provider_id = $1 LIMIT 1', [before.id]);
      if (used.length > 0) throw new HttpError(409, 'conflict', 'A provider with assessments cannot be deleted');
      await tx.query('DELETE FROM providers WHERE council_id = $1 AND id = $2', [council.id, before.id]);
      await recordAudit(tx, { actor: user.id, councilId: council.id, action: 'provider-delete', entity: 'provider', entityId: before.id, beforeHash: contentHash(stored(before)) });
    });
    return c.body(null, 204);
  });

  return app;
}
