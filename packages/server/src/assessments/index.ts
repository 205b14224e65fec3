import { isDeepStrictEqual } from 'node:util';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Principal } from '../auth/principal.js';
import { requireCouncilRole } from '../auth/guards.js';
import { AssessmentRefused, EvaluationFailed, cachedCompiled, compile, evaluateCompiled, recordedEarlier } from '../engine/index.js';
import type { CompiledPack, Determination, Extensions } from '../engine/index.js';
import { HttpError, notFound } from '../http-error.js';
import { inForceOn } from '../packs/version-cache.js';
import { findVersionById, versionInForceRecord } from '../packs/versions.js';
import type { PackVersion } from '../packs/versions.js';
import { requireProvider } from '../providers/index.js';
import { readJson, validateBody } from '../request-body.js';
import { apiRouter } from '../routes/api-router.js';
import { SingleFlight } from '../single-flight.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import { jsonBytes, jsonText } from '../routes/json-text.js';
import { listReply, pageOf, pageQuery, pageRequest } from '../routes/pagination.js';
import { councilParams, flagQuery } from '../routes/query.js';
import { isIsoDate } from '../engine/index.js';
import { loadAssessmentContext } from './assessment-context.js';
import { CURRENT_DETERMINATION_SQL, FINAL_ASSESSMENT_SQL } from './current-determination.js';
import { decisionLinks } from './recorded-decisions-history.js';
import { determinationResultSql } from './stored-result.js';
import { submittedReplyBytes, submittedReplyText } from './submitted-reply.js';
import type { SubmittedReplyParts } from './submitted-reply.js';
import { supersededOf } from './superseded.js';
import { assessmentBodySchema } from './schemas.js';
import { withRecorder } from './recorded-decisions.js';
import { missingPluginPartsOf, packVersionUnusable } from './pack-version-unusable.js';
import { determinedAsOf } from './determined-as-of.js';
import type { AssessmentInput, StoredAssessment } from './store-assessment.js';
import type { AssessmentBody, AssessmentPreview, AssessmentRecord, SubmittedAssessment, TimelinePage } from './replies.js';


/** Reads and compiles of stored versions under way, by version row id and extensions: shared by concurrent requests. */
const compiling = new SingleFlight<string, CompiledPack>();

/**
 * The compiled pack of a stored version, citing the hash it was stored under. Versions are
 * immutable, so the compiled form is cached by that hash and version label and the (large)
 * pack content is read from the store only once: requests that find it missing at the same
 * time (a server starting under load) share one read and one compile; a failed one is not kept.
 */
export function compiledVersion(c: Context<AppEnv>, version: PackVersion): Promise<CompiledPack> {
  const services = c.get('services');
  const extensions = services.plugins.get(version.councilId)?.extensions;
  const cached = cachedCompiled(version, extensions);
  if (cached) return Promise.resolve(cached);
  // Row ids are random UUIDs, so two stores never share a key.
  return compiling.run(`${version.id}|${extensions ? 'ext' : 'plain'}`, () => readAndCompile(c, version, extensions));
}

async function readAndCompile(c: Context<AppEnv>, version: PackVersion, extensions: Extensions | undefined): Promise<CompiledPack> {
  const services = c.get('services');
  const full = await findVersionById(services.db, version.id);
  if (!full) throw notFound(`Pack version ${version.version}`);
  // A version stored under an earlier plugin may declare a fact or operator the loaded plugin no longer
  // supplies: it never compiles, so say which (409 pack-version-unusable), logging it once per version.
  const missing = missingPluginPartsOf(full.content, extensions);
  if (missing.length > 0) {
    const error = packVersionUnusable(c.var.council ?? { id: version.councilId, name: version.councilId }, version, missing);
    logOnce(services, `${version.councilId}\u0000${version.hash}`, `[pack] ${error.details!.map((d) => d.message).join(' ')}`);
    throw error;
  }
  return compile(full.content, extensions, version.hash);
}

/** What each server has logged of unusable pack versions: each is logged once, not on every request. */
const loggedUnusable = new WeakMap<object, Set<string>>();

function logOnce(services: AppEnv['Variables']['services'], key: string, line: string): void {
  const logged = loggedUnusable.get(services) ?? new Set<string>();
  loggedUnusable.set(services, logged);
  if (logged.has(key)) return;
  logged.add(key);
  services.log(line);
}

/**
 * Evaluates an assessment under a stored version, turning engine refusals into 422s. `earlier`: the
 * ids of its recorded decisions taken before now (a stored assessment's), which stand; any other
 * recorded decision is new, and refused without the reason the pack requires.
 * With `explain` the determination carries its explanation (format 3, data without words); the
 * store keeps it without, since it is reproducible from the assessment and the pack hash at any time.
 * `asOf`: the date it is determined as of, the assessment's own date unless given (a stored
 * assessment's is its stored determination's, see `determined-as-of.ts`).
 */
export async function determine(
  c: Context<AppEnv>,
  version: PackVersion,
  input: AssessmentInput,
  explain = true,
  earlier?: readonly string[],
  asOf: string = input.date,
): Promise<Determination> {
  const { note: _note, ...assessment } = input;
  const compiled = await compiledVersion(c, version);
  try {
    return evaluateCompiled(compiled, assessment, { asOf, explain, ...(earlier ? { recordedEarlier: earlier } : {}) });
  } catch (error) {
    if (error instanceof AssessmentRefused) {
      throw new HttpError(422, 'invalid-assessment', 'The assessment does not fit the pack', {
        details: error.problems.map((p) => ({ pointer: p.pointer, fact: p.fact, message: p.message })),
      });
    }
    if (error instanceof EvaluationFailed) throw new HttpError(422, 'evaluation-failed', error.message);
    throw error;
  }
}

function noPackInForce(councilId: string, date: string): HttpError {
  return new HttpError(422, 'no-pack-in-force', `No pack version of council "${councilId}" is in force on ${date}`, {
    details: [{ pointer: '/date', message: 'is before the first published version takes effect' }],
  });
}

async function versionFor(c: Context<AppEnv>, councilId: string, date: string): Promise<PackVersion> {
  const version = await versionInForceRecord(c.get('services').db, councilId, date);
  if (!version) throw noPackInForce(councilId, date);
  return version;
}

/** The provider's id when it belongs to the council (a light check for the hot path), or 404. */
async function requireProviderId(c: Context<AppEnv>, councilId: string, id: string): Promise<string> {
  const rows = await c.get('services').db.query<{ id: string }>('SELECT id FROM providers WHERE council_id = $1 AND id = $2', [councilId, id]);
  if (rows.length === 0) throw notFound(`Provider "${id}" of council "${councilId}"`);
  return id;
}

/** How often storing an assessment is tried when the store keeps disagreeing with what was read. */
const STORE_ATTEMPTS = 3;

/** What storing an assessment needs before evaluating: the caller, the body, the version in force. */
interface AssessmentPlan {
  user: NonNullable<Principal['user']>;
  providerId: string;
  input: AssessmentInput;
  version: PackVersion;
  /** The version came from the in-memory list: a refusal is checked against the store first. */
  fromMemory: boolean;
}

/**
 * Plans from the council's remembered versions, with no round trip (the hot path). Undefined
 * when memory cannot tell (unknown council, no version in force on the date): the store decides.
 * What memory does tell is confirmed by the statement that stores (see `STORE_ASSESSMENTS_SQL`).
 */
async function planFromMemory(c: Context<AppEnv>, councilId: string, raw: unknown): Promise<AssessmentPlan | undefined> {
  const versions = await c.get('services').versions.versions(c.get('services').db, councilId);
  if (versions.length === 0) return undefined;
  // The council has versions, so it exists: the same order of refusals as from the store.
  const user = requireCouncilRole(c, councilId, 'officer');
  const { providerId, ...input } = validateBody<AssessmentBody>(assessmentBodySchema, raw);
  const version = inForceOn(versions, input.date);
  return version && { user, providerId, input: withRecorder(input, user), version, fromMemory: true };
}

/** Plans from the store in one round trip: council, role, body, provider, version in force, in that order. */
async function planFromStore(c: Context<AppEnv>, councilId: string, raw: unknown): Promise<AssessmentPlan> {
  const rawBody = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const ctx = await loadAssessmentContext(
    c.get('services').db,
    councilId,
    typeof rawBody.providerId === 'string' ? rawBody.providerId : '',
    isIsoDate(rawBody.date) ? rawBody.date : null,
  );
  if (!ctx.councilExists) throw notFound(`Council "${councilId}"`);
  const user = requireCouncilRole(c, councilId, 'officer');
  const { providerId, ...input } = validateBody<AssessmentBody>(assessmentBodySchema, raw);
  if (!ctx.providerExists) throw notFound(`Provider "${providerId}" of council "${councilId}"`);
  if (!ctx.version) throw noPackInForce(councilId, input.date);
  return { user, providerId, input: withRecorder(input, user), version: ctx.version, fromMemory: false };
}

interface AssessmentRow {
  id: string;
  provider_id: string;
  assessment_date: string;
  input: AssessmentInput;
  created_by: string | null;
  created_at: Date;
  determination_id: string;
  pack_version_id: string;
  pack_hash: string;
  version: string;
  result: Determination;
  withdrawn: string | null;
  provisional: boolean;
}

const SELECT_ASSESSMENT = `SELECT a.id, a.provider_id, a.assessment_date, a.input, a.created_by, a.created_at, NOT ${FINAL_ASSESSMENT_SQL} AS provisional,
    d.id AS determination_id, d.pack_version_id, d.pack_hash, v.version, ${determinationResultSql('d')} AS result, w.reason AS withdrawn
  FROM assessments a JOIN determinations d ON d.assessment_id = a.id AND ${CURRENT_DETERMINATION_SQL}
  JOIN pack_versions v ON v.id = d.pack_version_id
  LEFT JOIN pack_version_withdrawals w ON w.version_id = v.id`;

// Pages are keyed on created_at as the store's text, to the microsecond (a Date keeps milliseconds).
const SELECT_ASSESSMENT_PAGED = SELECT_ASSESSMENT.replace('a.created_at,', 'a.created_at, a.created_at::text AS created_key,');

function toStored(r: AssessmentRow): AssessmentRecord {
  return {
    id: r.id,
    providerId: r.provider_id,
    date: r.assessment_date,
    input: r.input,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    packVersion: r.version,
    packHash: r.pack_hash,
    determination: r.result,
    ...(r.withdrawn !== null ? { packVersionWithdrawn: r.withdrawn } : {}),
    ...(r.provisional ? { provisional: true as const } : {}),
  };
}

const assessmentParams = councilParams.extend({ id: z.string().openapi({ description: 'Assessment id' }) });
const providerParams = councilParams.extend({ id: z.string().openapi({ description: 'Provider id' }) });

const submitRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/assessments',
  tags: ['assessments'],
  summary:
    'Submit an assessment: evaluated under the version in force on its date, stored with its determination (returned with its explanation unless explain=false)',
  access: 'officer',
  request: {
    params: councilParams,
    query: z.object({ explain: flagQuery('"false" to leave the explanation out of the reply') }),
    body: { required: true, content: { 'application/json': { schema: assessmentBodySchema } } },
  },
  status: 201,
  reply: typed<SubmittedAssessment>({ $ref: '#/components/schemas/StoredAssessment' }),
});

const previewRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/assessments/preview',
  tags: ['assessments'],
  summary: 'Evaluate without storing (live preview)',
  access: 'officer',
  request: { params: councilParams },
  body: typed<AssessmentBody>(assessmentBodySchema),
  reply: typed<AssessmentPreview>(),
});

const listRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/assessments',
  tags: ['assessments'],
  summary: 'Assessments, newest first (paginated)',
  access: 'viewer',
  request: {
    params: councilParams,
    query: pageQuery.extend({ providerId: z.string().optional().openapi({ description: 'only this provider' }) }),
  },
  reply: listReply<'assessments', AssessmentRecord>('assessments', { $ref: '#/components/schemas/StoredAssessment' }),
});

const oneRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/assessments/{id}',
  tags: ['assessments'],
  summary: 'One assessment with its determination (explain=true adds the explanation, reproduced under the stored pack hash)',
  access: 'viewer',
  request: { params: assessmentParams, query: z.object({ explain: flagQuery('"true" to include the explanation') }) },
  reply: typed<AssessmentRecord>({ $ref: '#/components/schemas/StoredAssessment' }),
});

const reevaluateRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/assessments/{id}/reevaluate',
  tags: ['assessments'],
  summary: 'Re-evaluate under the stored pack hash and compare with the stored determination',
  access: 'viewer',
  request: { params: assessmentParams },
});

const timelineRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/providers/{id}/timeline',
  tags: ['assessments'],
  summary: 'Every determination of the provider with its pack version, oldest first (paginated); each carries the decisions people took or overrode (`decidedBy`) when it has any, those recorded earlier without a reason that now depart from the proposal marked `departsWithoutReason`',
  access: 'viewer',
  request: { params: providerParams, query: pageQuery },
  reply: typed<TimelinePage>(listReply('timeline')),
});

/**
 * Assessment routes: an officer submits judgements and facts; the server evaluates them under
 * the pack version in force on the assessment date and stores both. Also: live preview,
 * reading back, the provider timeline, and reproducing a stored determination.
 */
export function assessmentRoutes() {

  return apiRouter()
    .openapi(submitRoute, async (c) => {
      const councilId = c.req.param('council');
      // Read once: `c.var` copies every request variable into a new object at each use.
      const services = c.get('services');
      const raw = await readJson(c);
      const explain = c.req.valid('query').explain !== 'false';
      let plan = await planFromMemory(c, councilId, raw);
      for (let attempt = 1; ; attempt++) {
        plan ??= await planFromStore(c, councilId, raw);
        let determination: Determination;
        try {
          determination = await determine(c, plan.version, plan.input, explain);
        } catch (error) {
          // Planned from memory, a refusal may hide an unknown provider, which must win: ask the store.
          if (plan.fromMemory && error instanceof HttpError) {
            plan = undefined;
            continue;
          }
          throw error;
        }
        const { explanation, ...record } = determination;
        const { version, providerId, input } = plan;
        // The determination is serialised once for the store; the reply reuses that text (its
        // bytes) and adds the explanation (when asked for) rather than serialising it again.
        const explanationJson = explanation === undefined ? undefined : JSON.stringify(explanation);
        const replyParts = (stored: StoredAssessment): SubmittedReplyParts => ({
          id: stored.assessmentId,
          providerId,
          date: input.date,
          packVersion: version.version,
          packHash: version.hash,
          determinationJson: stored.determinationJson,
          determinationBytes: stored.determinationBytes,
          ...(explanationJson === undefined ? {} : { explanationJson }),
        });
        const request = c.get('idempotency');
        const stored = await services.assessmentWriter.write({
          councilId,
          providerId,
          userId: plan.user.id,
          input,
          packVersionId: version.id,
          determination: record,
          // The notes the determination cites are stored by reference to the version (stored-result.ts);
          // its compiled pack is in the cache, as it was just evaluated under it (else they are stored whole).
          interpretationNotes: cachedCompiled(version, services.plugins.get(version.councilId)?.extensions)?.pack.interpretations,
          ...(request ? { idempotent: { request, reply: (s: StoredAssessment) => submittedReplyText(replyParts(s)) } } : {}),
        });
        if (stored) {
          // With a key, the reply was recorded in the statement that stored the assessment.
          if (request) request.recorded = true;
          return stored.replyJson === undefined
            ? jsonBytes<SubmittedAssessment, 201>(c, submittedReplyBytes(replyParts(stored)), 201)
            : jsonText<SubmittedAssessment, 201>(c, stored.replyJson, 201);
        }
        // The store disagreed (a version published elsewhere, a provider gone): look again.
        services.versions.forget(councilId);
        if (attempt >= STORE_ATTEMPTS) {
          throw new HttpError(409, 'conflict', 'The pack version in force changed while the assessment was being stored: send it again');
        }
        plan = undefined;
      }
    })
    .openapi(previewRoute, async (c) => {
      const council = c.get('council');
      const { providerId, ...input } = validBody<AssessmentBody>(c);
      await requireProviderId(c, council.id, providerId);
      const version = await versionFor(c, council.id, input.date);
      const user = c.get('principal').user;
      return c.json({ stored: false as const, packVersion: version.version, packHash: version.hash, determination: await determine(c, version, user ? withRecorder(input, user) : input) });
    })
    .openapi(listRoute, async (c) => {
      const council = c.get('council');
      const query = c.req.valid('query');
      const page = pageRequest(query, 3);
      const params: unknown[] = [council.id];
      let where = 'a.council_id = $1';
      if (query.providerId) {
        params.push(query.providerId);
        where += ` AND a.provider_id = $${params.length}`;
      }
      if (page.after) {
        params.push(...page.after);
        where += ` AND (a.assessment_date, a.created_at, a.id) < ($${params.length - 2}::date, $${params.length - 1}::timestamptz, $${params.length})`;
      }
      const rows = await c.get('services').db.query<AssessmentRow & { created_key: string }>(
        `${SELECT_ASSESSMENT_PAGED} WHERE ${where}
          ORDER BY a.assessment_date DESC, a.created_at DESC, a.id DESC LIMIT ${page.limit + 1}`,
        params,
      );
      const { items, nextCursor } = pageOf(rows, page, (r) => [r.assessment_date, r.created_key, r.id]);
      return c.json({ assessments: items.map(toStored), nextCursor });
    })
    .openapi(oneRoute, async (c) => {
      const council = c.get('council');
      const [row] = await c.get('services').db.query<AssessmentRow>(`${SELECT_ASSESSMENT} WHERE a.council_id = $1 AND a.id = $2`, [
        council.id,
        c.req.param('id'),
      ]);
      if (!row) throw notFound(`Assessment "${c.req.param('id')}" of council "${council.id}"`);
      const links = await decisionLinks(c.get('services').db, [row.id]);
      const stored: AssessmentRecord = { ...toStored(row), ...(links.answeredBy.has(row.id) ? { answeredBy: links.answeredBy.get(row.id) } : {}), ...(links.made.has(row.id) ? { answers: links.made.get(row.id) } : {}) };
      if (c.req.valid('query').explain === 'true') {
        // The stored record has no explanation; re-evaluating under the same pack hash reproduces it.
        const version = await findVersionById(c.get('services').db, row.pack_version_id);
        const explanation = version ? (await determine(c, version, row.input, true, recordedEarlier(row.input), determinedAsOf(row.result, row.assessment_date))).explanation : undefined;
        if (explanation) stored.determination = { ...row.result, explanation };
      }
      return c.json(stored);
    })
    .openapi(reevaluateRoute, async (c) => {
      const council = c.get('council');
      const [row] = await c.get('services').db.query<AssessmentRow>(`${SELECT_ASSESSMENT} WHERE a.council_id = $1 AND a.id = $2`, [
        council.id,
        c.req.param('id'),
      ]);
      if (!row) throw notFound(`Assessment "${c.req.param('id')}" of council "${council.id}"`);
      const version = await findVersionById(c.get('services').db, row.pack_version_id);
      if (!version || version.hash !== row.pack_hash) {
        throw new HttpError(500, 'integrity', 'The stored pack version does not match the determination\'s pack hash');
      }
      const reproduced = await determine(c, version, row.input, false, recordedEarlier(row.input), determinedAsOf(row.result, row.assessment_date));
      return c.json({
        // Compared in stored (JSON) form: the store keeps JSON, so that is what must match.
        identical: isDeepStrictEqual(JSON.parse(JSON.stringify(reproduced)), row.result),
        packVersion: version.version,
        packHash: version.hash,
        stored: row.result,
        reproduced,
      });
    })
    .openapi(timelineRoute, async (c) => {
      const council = c.get('council');
      const provider = await requireProvider(c, council.id, c.req.param('id'));
      const page = pageRequest(c.req.valid('query'), 3);
      const after = page.after ? 'AND (a.assessment_date, a.created_at, a.id) > ($3::date, $4::timestamptz, $5)' : '';
      const rows = await c.get('services').db.query<AssessmentRow & { created_key: string }>(
        `${SELECT_ASSESSMENT_PAGED} WHERE a.council_id = $1 AND a.provider_id = $2 ${after}
          ORDER BY a.assessment_date, a.created_at, a.id LIMIT ${page.limit + 1}`,
        [council.id, provider.id, ...(page.after ?? [])],
      );
      const { items, nextCursor } = pageOf(rows, page, (r) => [r.assessment_date, r.created_key, r.id]);
      const superseded = await supersededOf(c.get('services').db, items.map((r) => r.id));
      const links = await decisionLinks(c.get('services').db, items.map((r) => r.id));
      return c.json({
        provider: { id: provider.id, name: provider.name },
        nextCursor,
        timeline: items.map((r) => ({
          assessmentId: r.id,
          date: r.assessment_date,
          createdAt: r.created_at.toISOString(),
          packVersion: r.version,
          packHash: r.pack_hash,
          headline: r.result.headline,
          decisions: r.result.decisions,
          actions: r.result.actions,
          schedule: r.result.schedule,
          ...(r.result.decidedBy && Object.keys(r.result.decidedBy).length ? { decidedBy: r.result.decidedBy } : {}),
          ...(r.withdrawn !== null ? { packVersionWithdrawn: r.withdrawn } : {}),
          ...(r.provisional ? { provisional: true as const } : {}),
          ...(superseded.has(r.id) ? { superseded: superseded.get(r.id) } : {}),
          ...(links.answeredBy.has(r.id) ? { answeredBy: links.answeredBy.get(r.id) } : {}),
          ...(links.made.has(r.id) ? { answers: links.made.get(r.id) } : {}),
        })),
      });
    });
}
