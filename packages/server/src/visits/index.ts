import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { determine } from '../assessments/index.js';
import { withRecorder } from '../assessments/recorded-decisions.js';
import { decisionsOfVisit } from '../assessments/recorded-decisions-history.js';
import type { DecisionRecord } from '../assessments/recorded-decisions-history.js';
import { planSignOffRedetermination, redeterminationOf, redetermineAtSignOff } from '../assessments/redetermination.js';
import type { Redetermination } from '../assessments/redetermination.js';
import { assessmentBodySchema } from '../assessments/schemas.js';
import { prepareAssessment, storeAssessments } from '../assessments/store-assessment.js';
import { recordAudit } from '../audit/record.js';
import { HttpError, notFound } from '../http-error.js';
import { revisionFromIfMatch } from '../packs/drafts.js';
import { findVersionById, versionInForceRecord } from '../packs/versions.js';
import { requireProvider } from '../providers/index.js';
import type { JsonSchema } from '../request-body.js';
import type { Queryable } from '../store/index.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import { councilParams } from '../routes/query.js';
import { addEvidence, evidenceBodySchema, evidenceFile, listEvidence } from './evidence.js';
import type { Evidence, EvidenceBody } from './evidence.js';
import { confirmationAfterSave, factsNotConfirmed } from './facts-confirmation.js';
import { factsFromProvider } from './provider-facts.js';
import { findVisit, listVisits, visitEtag } from './visit-record.js';
import type { VisitDraft, VisitRecord } from './visit-record.js';
import { VISIT_STATUSES, moveVisitStatus } from './visit-status.js';

/** Body of `POST .../visits`: the provider visited and (default today) the visit date. */
interface NewVisitBody {
  providerId: string;
  date?: string;
}

const { providerId: _providerId, ...draftProperties } = assessmentBodySchema.properties as Record<string, JsonSchema>;

/**
 * Body of `PUT .../visits/{id}/draft`: the assessment as entered so far (judgements may be
 * incomplete), and whether the officer has ticked "the facts from the provider record are right".
 */
const draftBodySchema: JsonSchema = {
  ...assessmentBodySchema,
  required: ['date'],
  properties: {
    ...draftProperties,
    factsConfirmed: { type: 'boolean', description: 'true: the officer confirms the facts filled from the provider record (false: withdraws it; absent: unchanged)' },
  },
};

/** What `PUT .../visits/{id}/draft` takes. */
type DraftBody = VisitDraft & { factsConfirmed?: boolean };

const newVisitSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['providerId'],
  properties: { providerId: { type: 'string', minLength: 1 }, date: { type: 'string', format: 'date' } },
};

/**
 * A visit record with its evidence (texts, and files without their content). While it awaits
 * sign-off, `notUnderVersionInForce` says when its assessment was decided under a version no longer
 * in force on its date (withdrawn, or published over) and what signing off will determine it as.
 * `decisionsRecorded`: the decisions a person recorded on its determination after sign-off (e.g.
 * the Council's decision on an improvement plan), each with the determination it answered and made.
 */
export type VisitRecordReply = VisitRecord & { evidence: Evidence[]; decisionsRecorded: DecisionRecord[]; notUnderVersionInForce?: Redetermination };

const visitParams = councilParams.extend({ id: z.string().openapi({ description: 'Visit record id' }) });
const evidenceParams = visitParams.extend({ evidenceId: z.string().openapi({ description: 'Evidence id' }) });
const ifMatch = z.object({ 'if-match': z.string().optional().openapi({ description: 'ETag of the visit record revision edited, e.g. "3" (required)' }) });
const visitReply = typed<VisitRecordReply>();

const createRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/visits',
  tags: ['visits'],
  summary: 'Start a visit record (a draft): the facts the provider record knows (service type, size, CQC location) are filled in for the officer to confirm or correct',
  access: 'officer',
  request: { params: councilParams },
  body: typed<NewVisitBody>(newVisitSchema),
  status: 201,
  reply: visitReply,
});

const listRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/visits',
  tags: ['visits'],
  summary: 'Visit records, most recently changed first (at most 200)',
  access: 'viewer',
  request: {
    params: councilParams,
    query: z.object({
      status: z.enum(VISIT_STATUSES as [string, ...string[]]).optional().openapi({ description: 'only records in this status' }),
      providerId: z.string().optional().openapi({ description: 'only this provider' }),
    }),
  },
  reply: typed<{ visits: Omit<VisitRecord, 'events'>[] }>(),
});

const oneRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/visits/{id}',
  tags: ['visits'],
  summary: 'One visit record: the draft, its status and lifecycle steps (who, when), its evidence; ETag is its revision',
  access: 'viewer',
  request: { params: visitParams },
  reply: visitReply,
});

const saveDraftRoute = defineRoute({
  method: 'put',
  path: '/api/councils/{council}/visits/{id}/draft',
  tags: ['visits'],
  summary: 'Save the draft as the officer goes (If-Match required; 409 when it changed elsewhere or is no longer a draft), with the confirmation of the facts from the provider record (who, when; cleared when one of them changes)',
  access: 'officer',
  request: { params: visitParams, headers: ifMatch },
  body: typed<DraftBody>(draftBodySchema),
  reply: visitReply,
});

const submitRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/visits/{id}/submit',
  tags: ['visits'],
  summary: 'Submit the draft (If-Match required; 409 `facts-not-confirmed` naming each fact filled from the provider record that the officer has not confirmed): evaluated under the version in force on its date and stored as an assessment whose determination is not final until signed off',
  access: 'officer',
  request: { params: visitParams, headers: ifMatch },
  reply: visitReply,
});

const signOffRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/visits/{id}/sign-off',
  tags: ['visits'],
  summary:
    'Sign off a submitted visit record (a reviewer other than the officer who submitted it): its determination becomes final. When it was decided under a version no longer in force on its date (the record\'s `notUnderVersionInForce`), it is determined again under the version in force, the earlier determination kept as superseded: 409 `not-under-version-in-force` unless `redetermineUnder` names that version',
  access: 'council-admin',
  request: {
    params: visitParams,
    query: z.object({
      redetermineUnder: z.string().optional().openapi({ description: 'The version in force the reviewer was shown the record will be determined again under (see `notUnderVersionInForce`)' }),
    }),
  },
  reply: visitReply,
});

/** Body of `POST .../visits/{id}/return`: why the reviewer returns the record to the officer. */
interface ReturnBody {
  reason: string;
}

const returnRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/visits/{id}/return',
  tags: ['visits'],
  summary: 'Return a submitted visit record to the officer as a draft, with the reason (a reviewer other than the officer who submitted it); the step records the reason',
  access: 'council-admin',
  request: { params: visitParams },
  body: typed<ReturnBody>({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } } }),
  reply: visitReply,
});

const addEvidenceRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/visits/{id}/evidence',
  tags: ['visits'],
  summary: 'Add evidence for a criterion, indicator or measure to a draft: a text, or a file (PDF, image, office document; at most 4 MB, as base64). 413/415 when a file is too large or of another type; nothing is stored then',
  access: 'officer',
  request: { params: visitParams },
  body: typed<EvidenceBody>(evidenceBodySchema as unknown as JsonSchema),
  status: 201,
  reply: typed<Evidence>(),
});

const evidenceFileRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/visits/{id}/evidence/{evidenceId}',
  tags: ['visits'],
  summary: 'An evidence file, as stored (its own media type, not JSON)',
  access: 'viewer',
  request: { params: evidenceParams },
});

async function requireVisit(c: Context<AppEnv>, id: string): Promise<VisitRecordReply> {
  const { db } = c.var.services;
  const visit = await findVisit(db, c.var.council.id, id);
  if (!visit) throw notFound(`Visit record "${id}" of council "${c.var.council.id}"`);
  const stale = visit.status === 'submitted' && visit.assessmentId ? await redeterminationOf(c.var.services, db, c.var.council.id, visit.assessmentId) : undefined;
  return { ...visit, evidence: await listEvidence(db, id), decisionsRecorded: await decisionsOfVisit(db, id), ...(stale ? { notUnderVersionInForce: stale } : {}) };
}

function requiredRevision(c: Context<AppEnv>): number {
  const revision = revisionFromIfMatch(c.req.header('if-match'));
  if (revision === undefined) throw new HttpError(428, 'precondition-required', 'Send If-Match with the ETag of the visit record you edited');
  return revision;
}

/** The draft, locked when `tx` is a transaction; 404 when not the council's, 409 when not a draft or not at `revision`. */
async function lockDraft(c: Context<AppEnv>, tx: Queryable, id: string, revision?: number): Promise<VisitRecord> {
  const visit = await findVisit(tx, c.var.council.id, id, true);
  if (!visit) throw notFound(`Visit record "${id}" of council "${c.var.council.id}"`);
  if (visit.status !== 'draft') throw new HttpError(409, 'not-a-draft', `The visit record is ${visit.status}: only a draft can be changed`);
  if (revision !== undefined && visit.revision !== revision) {
    throw new HttpError(409, 'conflict', `The visit record was saved elsewhere (now revision ${visit.revision}, you edited ${revision}): reload it and carry on`);
  }
  return visit;
}

function replyWith<T extends VisitRecordReply>(c: Context<AppEnv>, visit: T): T {
  c.header('ETag', visitEtag(visit.revision));
  return visit;
}

/**
 * Visit records (issue 12): an assessment with a lifecycle. The officer starts a draft (facts
 * filled from the provider record), saves it as they go, adds evidence and submits it; a second
 * person with the reviewer capability (council admin) signs it off. Sharing its report and making
 * the report final (src/reports/) move it on to `shared` and `final`.
 */
export function visitRoutes() {
  return apiRouter()
    .openapi(createRoute, async (c) => {
      const council = c.var.council;
      const user = c.var.user;
      const body = validBody<NewVisitBody>(c);
      const provider = await requireProvider(c, council.id, body.providerId);
      const date = body.date ?? new Date().toISOString().slice(0, 10);
      const { db } = c.var.services;
      const version = await versionInForceRecord(db, council.id, date);
      const content = version && (await findVersionById(db, version.id))?.content;
      const prefilled = content ? factsFromProvider(content.inputs, provider) : {};
      const id = crypto.randomUUID();
      const draft: VisitDraft = { date, judgements: {}, facts: { ...prefilled } };
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO visit_records (id, council_id, provider_id, draft, prefilled, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
          [id, council.id, provider.id, JSON.stringify(draft), JSON.stringify(prefilled), user.id],
        );
        await tx.query(`INSERT INTO visit_events (visit_id, from_status, to_status, by_user) VALUES ($1, NULL, 'draft', $2)`, [id, user.id]);
        await recordAudit(tx, { actor: user.id, councilId: council.id, action: 'visit-create', entity: 'visit', entityId: id, detail: { providerId: provider.id, date, prefilled } });
      });
      return c.json(replyWith(c, await requireVisit(c, id)), 201);
    })
    .openapi(listRoute, async (c) => {
      const query = c.req.valid('query');
      const visits = await listVisits(c.var.services.db, c.var.council.id, query as { status?: VisitRecord['status']; providerId?: string }, 200);
      return c.json({ visits });
    })
    .openapi(oneRoute, async (c) => c.json(replyWith(c, await requireVisit(c, c.req.param('id')))))
    .openapi(saveDraftRoute, async (c) => {
      const id = c.req.param('id');
      const revision = requiredRevision(c);
      const { factsConfirmed, ...draft } = validBody<DraftBody>(c);
      const user = c.var.user;
      await c.var.services.db.transaction(async (tx) => {
        const before = await lockDraft(c, tx, id, revision);
        const confirmation = confirmationAfterSave(before.factsConfirmed, before.prefilled, draft.facts, factsConfirmed, user.id, new Date().toISOString());
        await tx.query(
          'UPDATE visit_records SET draft = $2, facts_confirmed = $4, revision = revision + 1, updated_by = $3, updated_at = now() WHERE id = $1',
          [id, JSON.stringify(draft), user.id, confirmation === null ? null : JSON.stringify(confirmation)],
        );
      });
      return c.json(replyWith(c, await requireVisit(c, id)));
    })
    .openapi(submitRoute, async (c) => {
      const id = c.req.param('id');
      const revision = requiredRevision(c);
      const council = c.var.council;
      const user = c.var.user;
      const { db } = c.var.services;
      // Evaluated before the transaction (the pack is read through the store); the revision check
      // under the lock then confirms that what was evaluated is still the draft.
      const visit = await lockDraft(c, db, id, revision);
      const unconfirmed = factsNotConfirmed(visit);
      if (unconfirmed) throw unconfirmed;
      const version = await versionInForceRecord(db, council.id, visit.draft.date);
      if (!version) {
        throw new HttpError(422, 'no-pack-in-force', `No pack version of council "${council.id}" is in force on ${visit.draft.date}`, {
          details: [{ pointer: '/date', message: 'is before the first published version takes effect' }],
        });
      }
      const input = withRecorder(visit.draft, user);
      const { explanation: _explanation, ...determination } = await determine(c, version, input, false);
      // Not final until signed off: nothing that counts ratings reads it before then.
      const row = prepareAssessment({ councilId: council.id, providerId: visit.providerId, userId: user.id, input, packVersionId: version.id, determination, provisional: true });
      await db.transaction(async (tx) => {
        await lockDraft(c, tx, id, revision);
        const written = await storeAssessments(tx, [row]);
        if (!written.has(row.stored.assessmentId)) {
          throw new HttpError(409, 'conflict', 'The pack version in force changed while the visit was being submitted: submit it again');
        }
        await tx.query('UPDATE visit_records SET assessment_id = $2 WHERE id = $1', [id, row.stored.assessmentId]);
        await moveVisitStatus(tx, id, 'submitted', user.id, { assessmentId: row.stored.assessmentId });
      });
      return c.json(replyWith(c, await requireVisit(c, id)));
    })
    .openapi(signOffRoute, async (c) => {
      const id = c.req.param('id');
      const user = c.var.user;
      const councilId = c.var.council.id;
      const shownVersion = c.req.valid('query').redetermineUnder;
      const signOff = (visit: VisitRecord | undefined): VisitRecord => {
        if (!visit) throw notFound(`Visit record "${id}" of council "${councilId}"`);
        const submitter = visit.events.findLast((e) => e.to === 'submitted')?.by;
        if (submitter === user.id) {
          throw new HttpError(403, 'second-person-required', 'A visit record is signed off by someone other than the officer who submitted it');
        }
        return visit;
      };
      const toDetermine = (visit: VisitRecord) => (visit.status === 'submitted' && visit.assessmentId ? visit.assessmentId : undefined);
      // Never made final under a version withdrawn (or published over) since it was submitted: the
      // pack is evaluated before the transaction, and re-checked under it (redetermineAtSignOff).
      const read = signOff(await findVisit(c.var.services.db, councilId, id));
      const assessmentId = toDetermine(read);
      const request = { councilId, userId: user.id, assessmentId: assessmentId ?? '', visitId: id, ...(shownVersion ? { shownVersion } : {}) };
      const plan = assessmentId ? await planSignOffRedetermination(c.var.services, c.var.services.db, request) : undefined;
      await c.var.services.db.transaction(async (tx) => {
        const visit = signOff(await findVisit(tx, councilId, id, true));
        // Re-checked under the visit's lock: still the assessment the plan was made for.
        // (One no longer submitted is refused by its move below.)
        const now = toDetermine(visit);
        if (now !== undefined && now !== assessmentId) throw new HttpError(409, 'conflict', 'The visit record changed while it was being signed off: sign it off again');
        const redetermined = now ? await redetermineAtSignOff(tx, request, plan) : undefined;
        await moveVisitStatus(tx, id, 'signed-off', user.id, {
          assessmentId: visit.assessmentId,
          ...(redetermined ? { redetermined: { decidedUnder: redetermined.decidedUnder.version, inForce: redetermined.inForce?.version, before: redetermined.before, after: redetermined.after } } : {}),
        });
      });
      return c.json(replyWith(c, await requireVisit(c, id)));
    })
    .openapi(returnRoute, async (c) => {
      const id = c.req.param('id');
      const user = c.var.user;
      const { reason } = validBody<ReturnBody>(c);
      await c.var.services.db.transaction(async (tx) => {
        const visit = await findVisit(tx, c.var.council.id, id, true);
        if (!visit) throw notFound(`Visit record "${id}" of council "${c.var.council.id}"`);
        const submitter = visit.events.findLast((e) => e.to === 'submitted')?.by;
        if (visit.status === 'submitted' && submitter === user.id) {
          throw new HttpError(403, 'second-person-required', 'A visit record is reviewed by someone other than the officer who submitted it');
        }
        if (visit.status !== 'submitted') throw new HttpError(409, 'invalid-transition', `The visit record is ${visit.status}: only a submitted one can be returned to the officer`);
        await moveVisitStatus(tx, id, 'draft', user.id, { reason: reason.trim() });
      });
      return c.json(replyWith(c, await requireVisit(c, id)));
    })
    .openapi(addEvidenceRoute, async (c) => {
      const id = c.req.param('id');
      const body = validBody<EvidenceBody>(c);
      const evidence = await c.var.services.db.transaction(async (tx) => {
        const visit = await lockDraft(c, tx, id);
        return addEvidence(tx, visit, body, c.var.user.id);
      });
      return c.json(evidence, 201);
    })
    .openapi(evidenceFileRoute, async (c) => {
      const { id, evidenceId } = c.req.param();
      await requireVisit(c, id);
      const file = await evidenceFile(c.var.services.db, id, evidenceId);
      if (!file) throw notFound(`Evidence file "${evidenceId}" of visit record "${id}"`);
      c.header('content-type', file.mediaType);
      c.header('content-disposition', `attachment; filename="${file.name.replace(/["\\\r\n]/g, '_')}"`);
      return c.body(new Uint8Array(file.bytes)) as never;
    });
}
