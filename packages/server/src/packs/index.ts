import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { contentHash } from '../audit/content-hash.js';
import { recordAudit } from '../audit/record.js';
import { requireCouncilRole } from '../auth/guards.js';
import { requireCouncil } from '../councils/council-lookup.js';
import { assessmentJsonSchema, compile, diff, validatePack } from '../engine/index.js';
import type { Pack } from '../engine/index.js';
import { HttpError, notFound } from '../http-error.js';
import { readBody, readJson, validateBody } from '../request-body.js';
import { draftEtag, findDraft, revisionFromIfMatch, writeDraft } from './drafts.js';
import { findingsOf, publishDraft, rollBack } from './publish.js';
import { draftBodySchema, publishBodySchema, rollbackBodySchema } from './schemas.js';
import { findVersion, latestVersion, listVersions, versionInForce } from './versions.js';
import type { PackVersionWithContent } from './versions.js';

export { publishDraft, rollBack, checkPublishable } from './publish.js';
export * from './versions.js';
export * from './drafts.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A version as the API returns it: its record plus, when asked, the pack. */
function versionBody(v: PackVersionWithContent, withPack = true) {
  const { content, ...rest } = v;
  return withPack ? { ...rest, pack: content } : rest;
}

async function requireVersion(c: Context<AppEnv>, councilId: string, version: string) {
  const v = await findVersion(c.var.services.db, councilId, version);
  if (!v) throw notFound(`Version ${version} of council "${councilId}"`);
  return v;
}

async function requireDraft(c: Context<AppEnv>, councilId: string) {
  const d = await findDraft(c.var.services.db, councilId);
  if (!d) throw notFound(`The draft of council "${councilId}"`);
  return d;
}

function extensionsOf(c: Context<AppEnv>, councilId: string) {
  return c.var.services.plugins.get(councilId)?.extensions;
}

/** The draft as a valid pack, or 422 with the engine's validation errors. */
async function validDraftPack(c: Context<AppEnv>, councilId: string, content: unknown): Promise<Pack> {
  const result = await c.var.services.packJobs.validate(content, councilId, extensionsOf(c, councilId));
  if (!result.valid || !result.pack) {
    throw new HttpError(422, 'invalid-pack', 'The draft is invalid', { details: result.errors.map((e) => ({ ...e })) });
  }
  return result.pack;
}

/**
 * Pack routes: published versions (public), the draft (viewer reads, council admin edits),
 * validate / analyse / cases on the draft, publish, roll back, diff and the version in force.
 */
export function packRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/councils/:council/pack', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const v = await latestVersion(c.var.services.db, council.id);
    if (!v) throw notFound(`A published pack of council "${council.id}"`);
    return c.json(versionBody(v));
  });

  app.get('/api/councils/:council/pack/in-force', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const date = c.req.query('date') ?? c.var.services.now().toISOString().slice(0, 10);
    if (!ISO_DATE.test(date)) {
      throw new HttpError(422, 'invalid-query', 'date must be an ISO date', {
        details: [{ pointer: '/date', message: 'must be YYYY-MM-DD' }],
      });
    }
    const v = await versionInForce(c.var.services.db, council.id, date);
    if (!v) throw notFound(`A version of council "${council.id}" in force on ${date}`);
    return c.json({ date, ...versionBody(v, c.req.query('pack') !== 'false') });
  });

  app.get('/api/councils/:council/pack/assessment-schema', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const date = c.req.query('date');
    if (date !== undefined && !ISO_DATE.test(date)) {
      throw new HttpError(422, 'invalid-query', 'date must be an ISO date', { details: [{ pointer: '/date', message: 'must be YYYY-MM-DD' }] });
    }
    const v = date ? await versionInForce(c.var.services.db, council.id, date) : await latestVersion(c.var.services.db, council.id);
    if (!v) throw notFound(`A published pack of council "${council.id}"${date ? ` in force on ${date}` : ''}`);
    const compiled = compile(v.content, extensionsOf(c, council.id), v.hash);
    return c.json({ version: v.version, hash: v.hash, schema: assessmentJsonSchema(compiled) });
  });

  app.get('/api/councils/:council/versions', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    return c.json({ versions: await listVersions(c.var.services.db, council.id) });
  });

  app.get('/api/councils/:council/versions/:version', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    return c.json(versionBody(await requireVersion(c, council.id, c.req.param('version'))));
  });

  app.get('/api/councils/:council/diff', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const from = c.req.query('from');
    const to = c.req.query('to');
    if (!from || !to) {
      throw new HttpError(422, 'invalid-query', 'Give two versions: ?from=1.0.0&to=1.1.0 (either may be "draft")', {
        details: [...(!from ? [{ pointer: '/from', message: 'is required' }] : []), ...(!to ? [{ pointer: '/to', message: 'is required' }] : [])],
      });
    }
    const load = async (name: string): Promise<Pack> => {
      if (name !== 'draft') return (await requireVersion(c, council.id, name)).content;
      requireCouncilRole(c, council.id, 'viewer');
      return (await requireDraft(c, council.id)).content as unknown as Pack;
    };
    const [a, b] = [await load(from), await load(to)];
    return c.json({ from, to, changes: diff(a, b).changes });
  });

  app.get('/api/councils/:council/draft', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    requireCouncilRole(c, council.id, 'viewer');
    const draft = await requireDraft(c, council.id);
    c.header('ETag', draftEtag(draft.revision));
    return c.json(draft);
  });

  app.put('/api/councils/:council/draft', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const user = requireCouncilRole(c, council.id, 'council-admin');
    const content = validateBody<Record<string, unknown>>(draftBodySchema, await readJson(c));
    const { db } = c.var.services;
    const existing = await findDraft(db, council.id);
    let expected = revisionFromIfMatch(c.req.header('if-match'));
    if (expected === undefined) {
      if (existing) throw new HttpError(428, 'precondition-required', 'Send If-Match with the ETag of the draft you edited');
      expected = 0;
    }
    const revision = await db.transaction(async (tx) => {
      const latest = existing ? undefined : await latestVersion(tx, council.id);
      const r = await writeDraft(tx, {
        councilId: council.id,
        content,
        expectedRevision: expected,
        ...(existing ? {} : { baseVersionId: latest?.id ?? null }),
        userId: user.id,
      });
      await recordAudit(tx, {
        actor: user.id,
        councilId: council.id,
        action: 'draft-save',
        entity: 'draft',
        entityId: council.id,
        beforeHash: existing ? contentHash(existing.content) : null,
        afterHash: contentHash(content),
        detail: { revision: r },
      });
      return r;
    });
    const validation = validatePack(content, extensionsOf(c, council.id));
    c.header('ETag', draftEtag(revision));
    return c.json({ revision, valid: validation.valid, errors: validation.errors });
  });

  app.post('/api/councils/:council/draft/validate', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    requireCouncilRole(c, council.id, 'viewer');
    // With a body, validates that content without saving it (validation as you type).
    if (c.req.header('content-type') && c.req.header('content-length') !== '0') {
      const content = await readJson(c);
      const { valid, errors } = await c.var.services.packJobs.validate(content, council.id, extensionsOf(c, council.id));
      return c.json({ revision: null, valid, errors });
    }
    const draft = await requireDraft(c, council.id);
    const { valid, errors } = await c.var.services.packJobs.validate(draft.content, council.id, extensionsOf(c, council.id));
    return c.json({ revision: draft.revision, valid, errors });
  });

  app.post('/api/councils/:council/draft/analyse', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    requireCouncilRole(c, council.id, 'viewer');
    const draft = await requireDraft(c, council.id);
    const report = await c.var.services.packJobs.analyse(await validDraftPack(c, council.id, draft.content), council.id, extensionsOf(c, council.id));
    return c.json({ revision: draft.revision, findings: findingsOf(report).length, report });
  });

  app.post('/api/councils/:council/draft/cases', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    requireCouncilRole(c, council.id, 'viewer');
    const draft = await requireDraft(c, council.id);
    const run = await c.var.services.packJobs.cases(await validDraftPack(c, council.id, draft.content), council.id, extensionsOf(c, council.id));
    return c.json({ revision: draft.revision, ...run });
  });

  app.post('/api/councils/:council/draft/publish', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const user = requireCouncilRole(c, council.id, 'council-admin');
    const body = await readBody<{ note: string; version?: string; effectiveFrom?: string; acknowledgeFindings?: boolean }>(
      c,
      publishBodySchema,
    );
    const published = await publishDraft(c.var.services, {
      councilId: council.id,
      userId: user.id,
      ...body,
      expectedRevision: revisionFromIfMatch(c.req.header('if-match')),
    });
    return c.json(versionBody(published, false), 201);
  });

  app.post('/api/councils/:council/versions/:version/rollback', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const user = requireCouncilRole(c, council.id, 'council-admin');
    const body = await readBody<{ note?: string; effectiveFrom?: string }>(c, rollbackBodySchema);
    const target = await requireVersion(c, council.id, c.req.param('version'));
    const published = await rollBack(c.var.services, { councilId: council.id, userId: user.id, target, ...body });
    return c.json(versionBody(published, false), 201);
  });

  return app;
}
