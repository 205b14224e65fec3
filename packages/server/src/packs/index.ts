import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { contentHash } from '../audit/content-hash.js';
import { recordAudit } from '../audit/record.js';
import { requireCouncilRole } from '../auth/guards.js';
import { requireCouncil } from '../councils/council-lookup.js';
import { assessmentJsonSchema, compile, diff, findingChanges } from '../engine/index.js';
import type { Pack } from '../engine/index.js';
import { HttpError, notFound } from '../http-error.js';
import { recordIdempotentReply } from '../idempotency/index.js';
import { hasBody, readJson, validateBody } from '../request-body.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import { listReply, pageOf, pageQuery, pageRequest } from '../routes/pagination.js';
import { councilParams, flagQuery, isoDateQuery } from '../routes/query.js';
import type { Draft } from './drafts.js';
import { draftConflict, draftEtag, findDraft, refuseMissingPluginParts, revisionFromIfMatch, writeDraft } from './drafts.js';
import { refuseOverLimits } from './draft-limits.js';
import { refuseParametersOutOfBounds } from './parameter-bounds.js';
import { loadCriteriaIntoDraft } from './draft-criteria.js';
import { inPackOrder } from './member-order.js';
import type { CriteriaImportReply } from './draft-criteria.js';
import { findingsOf, publishDraft, rollBack } from './publish.js';
import type { RollBackResult } from './publish.js';
import { acceptCases } from './accept-cases.js';
import type { AcceptCasesBody, AcceptCasesReply } from './accept-cases.js';
import { acceptCasesBodySchema, draftBodySchema, publishBodySchema, rollbackBodySchema } from './schemas.js';
import { findVersion, latestVersion, listVersions, versionInForce } from './versions.js';
import type { PackVersion, PackVersionWithContent } from './versions.js';
import { versionSchedule } from './version-schedule.js';
import type { VersionSchedule } from './version-schedule.js';
import { withoutExamples } from './analysis-examples.js';
import type { AnalysisReply, CasesReply, DraftValidation, InForceReply, PackDiffReply, PackVersionWithPack, ValidationReply } from './replies.js';

export { publishDraft, rollBack, checkPublishable } from './publish.js';
export * from './versions.js';
export * from './drafts.js';
export type { CriteriaImportReply } from './draft-criteria.js';
export type * from './replies.js';
export type { AcceptCasesBody, AcceptCasesReply } from './accept-cases.js';

/** A version as the API returns it: its record plus the pack. */
function versionBody(v: PackVersionWithContent): PackVersionWithPack {
  const { content, contentSorted: _sorted, ...rest } = v;
  return { ...rest, pack: content };
}

/** A version's record, without its pack. */
function versionRecord(v: PackVersionWithContent): PackVersion {
  const { content: _content, contentSorted: _sorted, ...rest } = v;
  return rest;
}

async function requireVersion(c: Context<AppEnv>, councilId: string, version: string) {
  const v = await findVersion(c.var.services.db, councilId, version);
  if (!v) throw notFound(`Version ${version} of council "${councilId}"`);
  return inPackOrder(c, v);
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

/** What a council admin sends to publish the draft. */
export interface PublishBody {
  note: string;
  version?: string;
  effectiveFrom: string;
  confirmPastDate?: boolean;
  acknowledgeFindings?: boolean;
}

/** What a roll back answers: the version published in the withdrawn versions' place, and those withdrawn. */
export type RollBackReply = PackVersion & { withdrew: PackVersion[] };

const versionParams = councilParams.extend({ version: z.string().openapi({ description: 'A published version, e.g. "1.2.0"' }) });
const ifMatchHeader = (required: string) =>
  z.object({ 'if-match': z.string().optional().openapi({ description: `ETag of the draft revision edited, e.g. "3" (${required})` }) });
const packBody = { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pack' } } } };
const packVersionReply = typed<PackVersionWithPack>({ $ref: '#/components/schemas/PackVersionWithPack' });
const packVersionRecordReply = typed<PackVersion>({ $ref: '#/components/schemas/PackVersion' });
const requiredVersion = z.string({ error: 'is required' }).min(1, { error: 'is required' });

const currentPackRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/pack',
  tags: ['packs'],
  summary: 'The current published pack',
  access: 'public',
  request: { params: councilParams },
  reply: packVersionReply,
});

const inForceRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/pack/in-force',
  tags: ['packs'],
  summary: 'The version in force on a date',
  access: 'public',
  request: {
    params: councilParams,
    query: z.object({ date: isoDateQuery('ISO date (default today)'), pack: flagQuery('"false" to omit the pack content') }),
  },
  reply: typed<InForceReply>({ $ref: '#/components/schemas/PackVersionWithPack' }),
});

const scheduleRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/pack/schedule',
  tags: ['packs'],
  summary: 'Which version is in force today and which scheduled version takes over next (withdrawn versions never are)',
  access: 'public',
  request: { params: councilParams },
  reply: typed<VersionSchedule>(),
});

const assessmentSchemaRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/pack/assessment-schema',
  tags: ['packs'],
  summary: 'The JSON Schema of an assessment under the current version (or the one in force on a date)',
  access: 'public',
  request: { params: councilParams, query: z.object({ date: isoDateQuery('ISO date') }) },
});

const versionsRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/versions',
  tags: ['packs'],
  summary: 'Every published version, newest first (paginated)',
  access: 'public',
  request: { params: councilParams, query: pageQuery },
  reply: listReply<'versions', PackVersion>('versions', { $ref: '#/components/schemas/PackVersion' }),
});

const versionRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/versions/{version}',
  tags: ['packs'],
  summary: 'One published version with its pack',
  access: 'public',
  request: { params: versionParams },
  reply: packVersionReply,
});

const diffRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/diff',
  tags: ['packs'],
  summary: "The engine's readable diff of two versions (\"draft\" needs the viewer role)",
  access: 'public',
  request: {
    params: councilParams,
    query: z.object({
      from: requiredVersion.openapi({ description: 'version or "draft"' }),
      to: requiredVersion.openapi({ description: 'version or "draft"' }),
    }),
  },
  reply: typed<PackDiffReply>(),
});

const rollbackRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/versions/{version}/rollback',
  tags: ['packs'],
  summary:
    "Roll back: withdraw every version published after this one for its whole period, and publish this one's content as a new version",
  access: 'council-admin',
  request: { params: versionParams },
  body: typed<{ note?: string; effectiveFrom?: string }>(rollbackBodySchema),
  status: 201,
  reply: typed<RollBackReply>(),
});

const draftRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/draft',
  tags: ['drafts'],
  summary: 'The working draft (ETag = revision)',
  access: 'viewer',
  request: { params: councilParams },
  reply: typed<Draft>(),
});

const saveDraftRoute = defineRoute({
  method: 'put',
  path: '/api/councils/{council}/draft',
  tags: ['drafts'],
  summary: 'Save the draft (If-Match required once a draft exists); returns its validation. Refused (422, nothing saved) when a declared parameter is outside its bounds, naming its pointer',
  access: 'council-admin', packWork: true,
  request: { params: councilParams, headers: ifMatchHeader('required once a draft exists'), body: packBody },
  reply: typed<DraftValidation>(),
});

const draftCriteriaRoute = defineRoute({
  method: 'put',
  path: '/api/councils/{council}/draft/criteria',
  tags: ['drafts'],
  summary:
    "Load the criteria list into the draft from CSV (header row: id, wording, domain, standard, mandatory, advanced; If-Match required): the framework then holds exactly these criteria. Any bad row is a 422 naming each row's line, column (`csvColumn`) and what is wrong, and nothing is saved; otherwise returns the draft's validation, the criteria per domain, and the counting parameters (declared with `counts`, e.g. the Mandatory criteria of a domain) it set to the new counts",
  access: 'council-admin', packWork: true,
  request: {
    params: councilParams,
    headers: ifMatchHeader('required'),
    body: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
  },
  reply: typed<CriteriaImportReply>(),
});

const validateDraftRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/draft/validate',
  tags: ['drafts'],
  summary: 'Validate the draft, or the pack in the body without saving it (validation as you type)',
  access: 'viewer', packWork: true,
  request: { params: councilParams, body: { ...packBody, required: false } },
  reply: typed<ValidationReply>(),
});

const analyseDraftRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/draft/analyse',
  tags: ['drafts'],
  summary: 'Analyse the draft (gaps, overlaps, masked rules, cycles); `?examples=false` leaves out the findings\' example inputs (the publish page reads only their words)',
  access: 'viewer', packWork: true,
  request: {
    params: councilParams,
    query: z.object({ examples: flagQuery('"false" to leave out each finding\'s example inputs (their number is added to `more`): the findings in words only, as the publish page reads them') }),
  },
  reply: typed<AnalysisReply>(),
});

const draftCasesRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/draft/cases',
  tags: ['drafts'],
  summary: "Run the draft's own cases",
  access: 'viewer', packWork: true,
  request: { params: councilParams },
  reply: typed<CasesReply>(),
});

const acceptCasesRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/draft/cases/accept',
  tags: ['drafts'],
  summary:
    'Accept, after review, the new results of failing cases: each named case then expects what the draft gives, recorded as accepted by you today (If-Match required; audited)',
  access: 'council-admin', packWork: true,
  request: { params: councilParams, headers: ifMatchHeader('required') },
  body: typed<AcceptCasesBody>(acceptCasesBodySchema),
  reply: typed<AcceptCasesReply>(),
});

const publishRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/draft/publish',
  tags: ['drafts'],
  summary: 'Publish the draft: refused unless valid, all cases pass and findings are acknowledged',
  access: 'council-admin', packWork: true,
  request: { params: councilParams, headers: ifMatchHeader('optional') },
  body: typed<PublishBody>(publishBodySchema),
  status: 201,
  reply: packVersionRecordReply,
});

/**
 * Pack routes: published versions (public), the draft (viewer reads, council admin edits),
 * validate / analyse / cases on the draft, publish, roll back, diff and the version in force.
 */
export function packRoutes() {

  return apiRouter()
    .openapi(currentPackRoute, async (c) => {
      const council = await requireCouncil(c, c.req.param('council'));
      const v = await latestVersion(c.var.services.db, council.id);
      if (!v) throw notFound(`A published pack of council "${council.id}"`);
      return c.json(versionBody(inPackOrder(c, v)));
    })
    .openapi(inForceRoute, async (c) => {
      const council = await requireCouncil(c, c.req.param('council'));
      const query = c.req.valid('query');
      const date = query.date ?? c.var.services.now().toISOString().slice(0, 10);
      const v = await versionInForce(c.var.services.db, council.id, date);
      if (!v) throw notFound(`A version of council "${council.id}" in force on ${date}`);
      return c.json({ date, ...(query.pack === 'false' ? versionRecord(v) : versionBody(inPackOrder(c, v))) });
    })
    .openapi(scheduleRoute, async (c) => {
      const council = await requireCouncil(c, c.req.param('council'));
      const today = c.var.services.now().toISOString().slice(0, 10);
      return c.json(versionSchedule(await listVersions(c.var.services.db, council.id), today));
    })
    .openapi(assessmentSchemaRoute, async (c) => {
      const council = await requireCouncil(c, c.req.param('council'));
      const { date } = c.req.valid('query');
      const v = date ? await versionInForce(c.var.services.db, council.id, date) : await latestVersion(c.var.services.db, council.id);
      if (!v) throw notFound(`A published pack of council "${council.id}"${date ? ` in force on ${date}` : ''}`);
      const compiled = compile(v.content, extensionsOf(c, council.id), v.hash);
      return c.json({ version: v.version, hash: v.hash, schema: assessmentJsonSchema(compiled) });
    })
    .openapi(versionsRoute, async (c) => {
      const council = await requireCouncil(c, c.req.param('council'));
      const page = pageRequest(c.req.valid('query'), 1);
      const { items, nextCursor } = pageOf(await listVersions(c.var.services.db, council.id, page), page, (v) => [v.seq]);
      return c.json({ versions: items, nextCursor });
    })
    .openapi(versionRoute, async (c) => {
      const council = await requireCouncil(c, c.req.param('council'));
      return c.json(versionBody(await requireVersion(c, council.id, c.req.param('version'))));
    })
    .openapi(diffRoute, async (c) => {
      const council = await requireCouncil(c, c.req.param('council'));
      const { from, to } = c.req.valid('query');
      const load = async (name: string): Promise<Pack> => {
        if (name !== 'draft') return (await requireVersion(c, council.id, name)).content;
        requireCouncilRole(c, council.id, 'viewer');
        return (await requireDraft(c, council.id)).content as unknown as Pack;
      };
      const [a, b] = [await load(from), await load(to)];
      return c.json({ from, to, changes: diff(a, b).changes });
    })
    .openapi(draftRoute, async (c) => {
      const council = c.var.council;
      const draft = await requireDraft(c, council.id);
      c.header('ETag', draftEtag(draft.revision));
      return c.json(draft);
    })
    .openapi(saveDraftRoute, async (c) => {
      const council = c.var.council;
      const user = c.var.user;
      const content = validateBody<Record<string, unknown>>(draftBodySchema, await readJson(c));
      const validation = await c.var.services.packJobs.validate(content, council.id, extensionsOf(c, council.id));
      refuseMissingPluginParts(validation);
      refuseOverLimits(validation, content);
      refuseParametersOutOfBounds(validation);
      const { db } = c.var.services;
      const existing = await findDraft(db, council.id);
      let expected = revisionFromIfMatch(c.req.header('if-match'));
      if (expected === undefined) {
        if (existing) throw new HttpError(428, 'precondition-required', 'Send If-Match with the ETag of the draft you edited');
        expected = 0;
      }
      const draftSaved = (revision: number) => ({ revision, valid: validation.valid, errors: validation.errors });
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
        await recordIdempotentReply(c, tx, 200, draftSaved(r), { etag: draftEtag(r) });
        return r;
      });
      if (validation.valid && validation.pack) c.var.services.whatIfWorkers.rewarmDraft(council.id, validation.pack);
      c.header('ETag', draftEtag(revision));
      return c.json(draftSaved(revision));
    })
    .openapi(draftCriteriaRoute, async (c) => c.json(await loadCriteriaIntoDraft(c, c.var.council.id)))
    .openapi(validateDraftRoute, async (c) => {
      const council = c.var.council;
      // With a body, validates that content without saving it (validation as you type). A body is
      // known by its length or its chunks, never by its content type: a body sent without one is a
      // 415, not a validation of the saved draft the caller did not ask about.
      if (await hasBody(c)) {
        const content = await readJson(c);
        const { valid, errors } = await c.var.services.packJobs.validate(content, council.id, extensionsOf(c, council.id));
        return c.json({ revision: null, valid, errors });
      }
      const draft = await requireDraft(c, council.id);
      const { valid, errors } = await c.var.services.packJobs.validate(draft.content, council.id, extensionsOf(c, council.id));
      return c.json({ revision: draft.revision, valid, errors });
    })
    .openapi(analyseDraftRoute, async (c) => {
      const council = c.var.council;
      const draft = await requireDraft(c, council.id);
      const pack = await validDraftPack(c, council.id, draft.content);
      const report = await c.var.services.packJobs.analyse(pack, council.id, extensionsOf(c, council.id));
      const published = await latestVersion(c.var.services.db, council.id);
      const before = published ? await c.var.services.packJobs.analyse(published.content, council.id, extensionsOf(c, council.id)) : undefined;
      const examples = c.req.valid('query').examples !== 'false';
      return c.json({ revision: draft.revision, findings: findingsOf(report).length, report: examples ? report : withoutExamples(report), changed: findingChanges(before, report, pack) });
    })
    .openapi(draftCasesRoute, async (c) => {
      const council = c.var.council;
      const draft = await requireDraft(c, council.id);
      const run = await c.var.services.packJobs.cases(await validDraftPack(c, council.id, draft.content), council.id, extensionsOf(c, council.id));
      return c.json({ revision: draft.revision, ...run });
    })
    .openapi(acceptCasesRoute, async (c) => {
      const council = c.var.council;
      const body = validBody<AcceptCasesBody>(c);
      const expectedRevision = revisionFromIfMatch(c.req.header('if-match'));
      if (expectedRevision === undefined) throw new HttpError(428, 'precondition-required', 'Send If-Match with the ETag of the draft whose case results you reviewed');
      const draft = await requireDraft(c, council.id);
      if (draft.revision !== expectedRevision) throw draftConflict();
      const pack = await validDraftPack(c, council.id, draft.content);
      const reply = await acceptCases(c.var.services, {
        councilId: council.id,
        user: c.var.user,
        body,
        expectedRevision,
        pack,
        inTransaction: (tx, made) => recordIdempotentReply(c, tx, 200, made, { etag: draftEtag(made.revision) }),
      });
      c.header('ETag', draftEtag(reply.revision));
      return c.json(reply);
    })
    .openapi(publishRoute, async (c) => {
      const council = c.var.council;
      const user = c.var.user;
      const body = validBody<PublishBody>(c);
      const published = await publishDraft(c.var.services, {
        councilId: council.id,
        userId: user.id,
        ...body,
        expectedRevision: revisionFromIfMatch(c.req.header('if-match')),
        inTransaction: (tx, version) => recordIdempotentReply(c, tx, 201, versionRecord(version)),
      });
      return c.json(versionRecord(published), 201);
    })
    .openapi(rollbackRoute, async (c) => {
      const council = c.var.council;
      const user = c.var.user;
      const body = validBody<{ note?: string; effectiveFrom?: string }>(c);
      const target = await requireVersion(c, council.id, c.req.param('version'));
      const rolledBack = ({ published, withdrew }: RollBackResult) => ({ ...versionRecord(published), withdrew });
      const result = await rollBack(c.var.services, {
        councilId: council.id,
        userId: user.id,
        target,
        ...body,
        inTransaction: (tx, made) => recordIdempotentReply(c, tx, 201, rolledBack(made)),
      });
      return c.json(rolledBack(result), 201);
    });
}
