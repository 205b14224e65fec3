import { randomUUID } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.js';
import type { Determination } from '../engine/index.js';
import { recordedEarlier } from '../engine/index.js';
import { HttpError, notFound } from '../http-error.js';
import { lockCouncil } from '../packs/publish.js';
import { versionInForceRecord } from '../packs/versions.js';
import type { JsonSchema } from '../request-body.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import { councilParams } from '../routes/query.js';
import { CURRENT_DETERMINATION_SQL, FINAL_ASSESSMENT_SQL } from './current-determination.js';
import { determinedAsOfSql } from './determined-as-of.js';
import { determine } from './index.js';
import { withRecorder } from './recorded-decisions.js';
import type { RecordedDecisionBody } from './recorded-decisions.js';
import type { DecisionRecord } from './recorded-decisions-history.js';
import { assessmentBodySchema } from './schemas.js';
import { prepareAssessment, storeAssessments } from './store-assessment.js';
import type { AssessmentInput } from './store-assessment.js';

/** Body of `POST .../assessments/{id}/decisions`: decision id -> the decision a person took (value, reason; who and when default to the caller and today). */
export interface RecordDecisionsBody {
  decisions: Record<string, RecordedDecisionBody>;
}

const recordDecisionsSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['decisions'],
  properties: { decisions: { ...(assessmentBodySchema.properties as Record<string, JsonSchema>).decisions, minProperties: 1 } },
};

/** `POST .../assessments/{id}/decisions`: the new assessment and determination, and the record linking them to the one answered. */
export interface RecordedDecisionReply {
  id: string;
  providerId: string;
  date: string;
  packVersion: string;
  packHash: string;
  determination: Omit<Determination, 'trace' | 'explanation'>;
  decisionRecord: DecisionRecord;
}

const recordRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/assessments/{id}/decisions',
  tags: ['assessments'],
  summary:
    'Record a person\'s decision on a final determination (e.g. the Council\'s decision on an improvement plan): the assessment again with the decision as an input, determined under the version in force on its date and stored as the provider\'s next determination, linked to the one it answers and to that one\'s visit record, and audited. 409 when the assessment is provisional (its visit record awaits sign-off) or already answered; 422 at `/decisions/<id>/reason`, storing nothing, when the decision gives no reason where the pack requires one (`decidedBy.reasonRequired`: always, or when departing from the proposal)',
  access: 'officer',
  request: { params: councilParams.extend({ id: z.string().openapi({ description: 'Assessment id (the determination decided on)' }) }) },
  body: typed<RecordDecisionsBody>(recordDecisionsSchema),
  status: 201,
  reply: typed<RecordedDecisionReply>(),
});

interface DecidedOnRow {
  id: string;
  provider_id: string;
  assessment_date: string;
  input: AssessmentInput;
  /** The date its current determination was made as of: the determination the decision makes keeps it. */
  as_of: string | null;
  final: boolean;
  determination_id: string | null;
  visit_id: string | null;
  visit_status: string | null;
  answered_by: string | null;
}

/** The assessment decided on, with its current determination, visit record, and any decision already answering it. */
async function decidedOn(c: Context<AppEnv>, id: string): Promise<DecidedOnRow & { determination_id: string }> {
  const councilId = c.var.council.id;
  const [row] = await c.var.services.db.query<DecidedOnRow>(
    `SELECT a.id, a.provider_id, a.assessment_date, a.input, ${determinedAsOfSql('d', 'a')} AS as_of, ${FINAL_ASSESSMENT_SQL} AS final, d.id AS determination_id,
        COALESCE(vr.id, (SELECT rd.visit_id FROM recorded_decisions rd WHERE rd.assessment_id = a.id)) AS visit_id, vr.status AS visit_status,
        (SELECT rd.assessment_id FROM recorded_decisions rd WHERE rd.answers_assessment_id = a.id) AS answered_by
      FROM assessments a
      LEFT JOIN determinations d ON d.assessment_id = a.id AND ${CURRENT_DETERMINATION_SQL}
      LEFT JOIN visit_records vr ON vr.assessment_id = a.id
     WHERE a.council_id = $1 AND a.id = $2`,
    [councilId, id],
  );
  if (!row?.determination_id) throw notFound(`Assessment "${id}" of council "${councilId}"`);
  if (row.answered_by) {
    throw new HttpError(409, 'already-answered', `A decision was already recorded on this determination: record it on the determination that decision made (assessment "${row.answered_by}")`, {
      details: [{ pointer: '/decisions', message: `answered by assessment "${row.answered_by}"`, assessmentId: row.answered_by }],
    });
  }
  if (!row.final) {
    throw new HttpError(
      409,
      'provisional',
      row.visit_status === 'submitted'
        ? `The determination is provisional: its visit record "${row.visit_id}" awaits sign-off. Record the decision once it is signed off, or in the visit record while it is a draft`
        : 'The determination is provisional and no longer the one its visit record stands for: record the decision on the visit record\'s current one',
      { details: [{ pointer: '/decisions', message: 'is on a determination that is not final' }] },
    );
  }
  return row as DecidedOnRow & { determination_id: string };
}

/**
 * Recording a person's decision on a stored determination (issue 12: "recording the decision feeds
 * the next determination"). The decision is an input, so it makes a new assessment (the decided-on
 * one's input with the decision added; `assessments` is append-only); a `recorded_decisions` row links
 * it to the determination it answers and to that assessment's visit record, and the audit log has
 * it under the provider, so the provider's history says who decided what, when and why.
 */
export function recordedDecisionRoutes() {
  return apiRouter().openapi(recordRoute, async (c) => {
    const council = c.var.council;
    const user = c.var.user;
    const { db } = c.var.services;
    const body = validBody<RecordDecisionsBody>(c);
    const on = await decidedOn(c, c.req.param('id'));
    const version = await versionInForceRecord(db, council.id, on.assessment_date);
    if (!version) throw new HttpError(422, 'no-pack-in-force', `No pack version of council "${council.id}" is in force on ${on.assessment_date}`);
    const added = withRecorder({ date: on.assessment_date, decisions: body.decisions } as AssessmentInput, user).decisions!;
    const input: AssessmentInput = { ...on.input, decisions: { ...on.input.decisions, ...added } };
    // The decisions recorded before stand; those recorded now must give the reason the pack requires.
    const earlier = recordedEarlier(on.input).filter((id) => !(id in added));
    const { explanation: _explanation, trace: _trace, ...determination } = await determine(c, version, input, false, earlier, on.as_of ?? on.assessment_date);
    const row = prepareAssessment({ councilId: council.id, providerId: on.provider_id, userId: user.id, input, packVersionId: version.id, determination });
    const record: DecisionRecord = {
      id: randomUUID(),
      providerId: on.provider_id,
      visitId: on.visit_id,
      answers: { assessmentId: on.id, determinationId: on.determination_id },
      assessmentId: row.stored.assessmentId,
      determinationId: row.stored.determinationId,
      decisions: Object.fromEntries(Object.entries(added).map(([id, d]) => [id, { value: d.value, by: d.by, at: d.at, ...(d.reason ? { reason: d.reason } : {}) }])),
      recordedBy: user.id,
      recordedAt: new Date().toISOString(),
    };
    await db.transaction(async (tx) => {
      await lockCouncil(tx, council.id);
      // Under the lock: nobody answered it, nor determined it again, since it was read.
      const [still] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM determinations d WHERE d.id = $1 AND ${CURRENT_DETERMINATION_SQL}
            AND NOT EXISTS (SELECT 1 FROM recorded_decisions rd WHERE rd.answers_determination_id = d.id)`,
        [on.determination_id],
      );
      if (!still?.n) throw new HttpError(409, 'conflict', 'The determination was answered or determined again meanwhile: reload it and record the decision again');
      const written = await storeAssessments(tx, [row]);
      if (!written.has(row.stored.assessmentId)) {
        throw new HttpError(409, 'conflict', 'The pack version in force changed while the decision was being recorded: record it again');
      }
      await tx.query(
        `INSERT INTO recorded_decisions (id, council_id, provider_id, visit_id, answers_assessment_id, answers_determination_id, assessment_id, determination_id, decisions, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [record.id, council.id, record.providerId, record.visitId, on.id, on.determination_id, record.assessmentId, record.determinationId, JSON.stringify(record.decisions), user.id, record.recordedAt],
      );
      await recordAudit(tx, {
        actor: user.id,
        councilId: council.id,
        action: 'decision-record',
        entity: 'provider',
        entityId: record.providerId,
        detail: { answers: record.answers, assessmentId: record.assessmentId, determinationId: record.determinationId, visitId: record.visitId, decisions: record.decisions },
      });
    });
    return c.json(
      { id: record.assessmentId, providerId: record.providerId, date: on.assessment_date, packVersion: version.version, packHash: version.hash, determination, decisionRecord: record },
      201,
    );
  });
}
