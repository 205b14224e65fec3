import { randomUUID } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { contentHash } from '../audit/content-hash.js';
import { recordAudit } from '../audit/record.js';
import { formatCsv } from '../csv/index.js';
import { HttpError, notFound } from '../http-error.js';
import { recordIdempotentReply } from '../idempotency/index.js';
import { revisionFromIfMatch } from '../packs/drafts.js';
import { readJson, readText, validateBody } from '../request-body.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import { listReply, pageOf, pageQuery, pageRequest } from '../routes/pagination.js';
import { councilParams, flagQuery } from '../routes/query.js';
import { isUniqueViolation } from '../store/errors.js';
import { importProviders, ON_EXISTING } from './csv-import.js';
import type { ColumnMapping, OnExisting } from './csv-import.js';
import { findProvider, listProviders } from './provider-record.js';
import type { Provider } from './provider-record.js';
import { checkProviderBody, providerFields } from './provider-fields.js';
import type { ProviderField } from './provider-fields.js';
import { importBodySchema, providerBodySchema } from './schemas.js';
import { findVersionById, versionInForceRecord } from '../packs/versions.js';

export { findProvider, listProviders } from './provider-record.js';
export type { Provider } from './provider-record.js';

/** A provider location as sent to create or change it. */
export interface ProviderBody {
  name: string;
  cqcLocationId?: string | null;
  serviceType?: string | null;
  size?: Record<string, number>;
  /** Other facts the pack reads (GET /provider-fields: `facts.<name>`): the current CQC rating and its date. */
  facts?: Record<string, string>;
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
  return { name: p.name, cqcLocationId: p.cqcLocationId, serviceType: p.serviceType, size: p.size, facts: p.facts };
}

/** The council's provider fields, from the inputs of its pack in force today (the fixed fields when none is). */
export async function fieldsOf(c: Context<AppEnv>, councilId: string): Promise<{ version: string | null; fields: ProviderField[] }> {
  const { db } = c.var.services;
  const inForce = await versionInForceRecord(db, councilId, today(c));
  const content = inForce && (await findVersionById(db, inForce.id))?.content;
  return { version: inForce?.version ?? null, fields: providerFields(content?.inputs, content?.scales) };
}

/** What an edit changed, field by field (`size.<fact>` for sizes), for the audit entry. */
function changesOf(before: ReturnType<typeof stored>, after: ProviderBody): { field: string; before: unknown; after: unknown }[] {
  const flat = (p: ProviderBody) => ({
    name: p.name,
    cqcLocationId: p.cqcLocationId ?? null,
    serviceType: p.serviceType ?? null,
    ...Object.fromEntries(Object.entries(p.size ?? {}).map(([k, v]) => [`size.${k}`, v])),
    ...Object.fromEntries(Object.entries(p.facts ?? {}).map(([k, v]) => [`facts.${k}`, v])),
  });
  const b: Record<string, unknown> = flat(before);
  const a: Record<string, unknown> = flat(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => b[k] !== a[k])
    .map((k) => ({ field: k, before: b[k] ?? null, after: a[k] ?? null }));
}

const EXPORT_COLUMNS = ['id', 'name', 'cqcLocationId', 'serviceType'];

/**
 * The providers export: id, the record's fields (every size and fact the council's pack reads,
 * in its order, even when no provider has it yet, then any other kept), then the latest
 * assessment's summary. The header names are the import's field names, so the file imports back.
 */
function providersCsvRows(providers: Provider[], fields: ProviderField[]): Parameters<typeof formatCsv>[0] {
  const keyed = (prefix: 'size' | 'facts') => {
    const declared = fields.filter((f) => f.field.startsWith(`${prefix}.`)).map((f) => f.field.slice(prefix.length + 1));
    const kept = [...new Set(providers.flatMap((p) => Object.keys(p[prefix])))].filter((k) => !declared.includes(k)).sort();
    return [...declared, ...kept];
  };
  const sizeKeys = keyed('size');
  const factKeys = keyed('facts');
  const header = [
    ...EXPORT_COLUMNS,
    ...sizeKeys.map((k) => `size.${k}`),
    ...factKeys.map((k) => `facts.${k}`),
    'rating', 'lastAssessmentDate', 'packVersion', 'nextVisitDue', 'overdueActions',
  ];
  const rows = providers.map((p) => [
    p.id,
    p.name,
    p.cqcLocationId,
    p.serviceType,
    ...sizeKeys.map((k) => p.size[k]),
    ...factKeys.map((k) => p.facts[k]),
    p.latest ? String(p.latest.rating) : '',
    p.latest?.assessmentDate,
    p.latest?.packVersion,
    p.latest?.nextVisitDue,
    p.latest?.overdueActions,
  ]);
  return [header, ...rows];
}

const providerParams = councilParams.extend({ id: z.string().openapi({ description: 'Provider id' }) });
const ifMatchHeader = z.object({ 'if-match': z.string().optional().openapi({ description: 'ETag of the revision edited, e.g. "3"' }) });

const listRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/providers',
  tags: ['providers'],
  summary: 'Providers with current rating, next visit due, overdue actions, by name (paginated)',
  access: 'viewer',
  request: {
    params: councilParams,
    query: pageQuery.extend({
      q: z.string().optional().openapi({ description: 'search name or CQC location id' }),
      rating: z.string().optional().openapi({ description: 'only this current rating ("Not assessed" for none)' }),
    }),
  },
  reply: listReply<'providers', Provider>('providers'),
});

const exportRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/providers/export',
  tags: ['providers'],
  summary:
    "Providers as CSV, with every size and fact the council's pack reads as a column (size.<fact>, facts.<fact>), headed as the import reads them; text cells a spreadsheet would run as formulas are written behind a leading `'` (OWASP)",
  access: 'viewer',
  request: { params: councilParams },
  reply: 'csv',
});

const importRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/providers/import',
  tags: ['providers'],
  summary:
    'Import or re-import providers from CSV with a column mapping: a CQC location id the council has updates that provider, others insert; each row checked against the provider fields of the council (GET /provider-fields: service types, CQC ratings, dates, size bounds); per-row report (inserted / updated / unchanged / rejected, each problem by row and CSV column); strict = all or nothing; formula-like cells are kept and listed in `warnings`',
  access: 'council-admin',
  request: {
    params: councilParams,
    query: z.object({
      strict: flagQuery('"true": any bad row means nothing is written (text/csv bodies; JSON bodies say it in the body)'),
      onExisting: z
        .enum(ON_EXISTING)
        .optional()
        .openapi({ description: '"update" (default) or "reject" (text/csv bodies; JSON bodies say it in the body)' }),
    }),
    body: {
      required: true,
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/ProviderImport' } },
        'text/csv': { schema: { type: 'string' } },
      },
    },
  },
  status: 201,
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/providers',
  tags: ['providers'],
  summary: 'Add a provider location',
  access: 'officer',
  request: { params: councilParams },
  body: typed<ProviderBody>(providerBodySchema),
  status: 201,
  reply: typed<Provider>(),
});

const oneRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/providers/{id}',
  tags: ['providers'],
  summary: 'One provider (ETag = revision)',
  access: 'viewer',
  request: { params: providerParams },
  reply: typed<Provider>(),
});

const updateRoute = defineRoute({
  method: 'put',
  path: '/api/councils/{council}/providers/{id}',
  tags: ['providers'],
  summary: 'Edit a provider (If-Match optional)',
  access: 'officer',
  request: { params: providerParams, headers: ifMatchHeader },
  body: typed<ProviderBody>(providerBodySchema),
  reply: typed<Provider>(),
});

const fieldsRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/provider-fields',
  tags: ['providers'],
  summary:
    "The provider record's fields, in the words of the council's pack in force: name, CQC location id, service type (the pack's choices) and the size facts its inputs read, with their bounds",
  access: 'viewer',
  request: { params: councilParams },
  reply: typed<{ version: string | null; fields: ProviderField[] }>(),
});

const deleteRoute = defineRoute({
  method: 'delete',
  path: '/api/councils/{council}/providers/{id}',
  tags: ['providers'],
  summary: 'Delete a provider that was never assessed',
  access: 'council-admin',
  request: { params: providerParams },
  status: 204,
});

/**
 * Provider routes: list and search (viewer), create and edit (officer), delete (council admin,
 * only when never assessed), CSV import (council admin) and export (viewer).
 */
export function providerRoutes() {

  return apiRouter()
    .openapi(fieldsRoute, async (c) => c.json(await fieldsOf(c, c.var.council.id)))
    .openapi(listRoute, async (c) => {
      const council = c.var.council;
      const query = c.req.valid('query');
      const page = pageRequest(query, 2);
      const rows = await listProviders(c.var.services.db, council.id, today(c), query.q, { rating: query.rating, page });
      const { items, nextCursor } = pageOf(rows, page, (p) => [p.name, p.id]);
      return c.json({ providers: items, nextCursor });
    })
    .openapi(exportRoute, async (c) => {
      const council = c.var.council;
      const providers = await listProviders(c.var.services.db, council.id, today(c));
      const { fields } = await fieldsOf(c, council.id);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${council.id}-providers.csv"`);
      return c.body(formatCsv(providersCsvRows(providers, fields)));
    })
    .openapi(importRoute, async (c) => {
      const council = c.var.council;
      const user = c.var.user;
      const type = c.req.header('content-type') ?? '';
      let body: { csv: string; mapping?: ColumnMapping; strict?: boolean; onExisting?: OnExisting };
      if (/^text\/csv\b/i.test(type)) {
        body = { csv: await readText(c), strict: c.req.valid('query').strict === 'true', onExisting: c.req.valid('query').onExisting };
      } else {
        body = validateBody(importBodySchema, await readJson(c));
      }
      const { fields } = await fieldsOf(c, council.id);
      const report = await c.var.services.db.transaction(async (tx) => {
        const { report: r, changes } = await importProviders(tx, {
          councilId: council.id,
          fields,
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
    })
    .openapi(createRoute, async (c) => {
      const council = c.var.council;
      const user = c.var.user;
      const body = validBody<ProviderBody>(c);
      checkProviderBody(body, (await fieldsOf(c, council.id)).fields);
      const id = randomUUID();
      let provider: Provider | undefined;
      try {
        await c.var.services.db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO providers (id, council_id, name, cqc_location_id, service_type, size, facts) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [id, council.id, body.name, body.cqcLocationId ?? null, body.serviceType ?? null, JSON.stringify(body.size ?? {}), JSON.stringify(body.facts ?? {})],
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
    })
    .openapi(oneRoute, async (c) => {
      const council = c.var.council;
      const provider = await requireProvider(c, council.id, c.req.param('id'));
      c.header('ETag', `"${provider.revision}"`);
      return c.json(provider);
    })
    .openapi(updateRoute, async (c) => {
      const council = c.var.council;
      const user = c.var.user;
      const before = await requireProvider(c, council.id, c.req.param('id'));
      const body = validBody<ProviderBody>(c);
      checkProviderBody(body, (await fieldsOf(c, council.id)).fields);
      const expected = revisionFromIfMatch(c.req.header('if-match')) ?? before.revision;
      try {
        await c.var.services.db.transaction(async (tx) => {
          const rows = await tx.query(
            `UPDATE providers SET name = $4, cqc_location_id = $5, service_type = $6, size = $7, facts = $8,
                    revision = revision + 1, updated_at = now()
              WHERE council_id = $1 AND id = $2 AND revision = $3 RETURNING id`,
            [council.id, before.id, expected, body.name, body.cqcLocationId ?? null, body.serviceType ?? null, JSON.stringify(body.size ?? {}), JSON.stringify(body.facts ?? {})],
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
            detail: { changes: changesOf(stored(before), body) },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateCqcId(body);
        throw error;
      }
      const provider = await requireProvider(c, council.id, before.id);
      c.header('ETag', `"${provider.revision}"`);
      return c.json(provider);
    })
    .openapi(deleteRoute, async (c) => {
      const council = c.var.council;
      const user = c.var.user;
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
}
