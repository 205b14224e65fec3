import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { contentHash } from '../audit/content-hash.js';
import { recordAudit } from '../audit/record.js';
import { determine } from '../assessments/index.js';
import { recordedEarlier } from '../engine/index.js';
import { headlineText, prepareAssessment, storeAssessments } from '../assessments/store-assessment.js';
import type { AssessmentInput } from '../assessments/store-assessment.js';
import { HttpError, notFound } from '../http-error.js';
import { versionInForceRecord } from '../packs/versions.js';
import { currentDeterminations } from './current-determinations.js';
import { completionFacts, listCompletions, trackActions } from './tracked-action.js';
import type { TrackedAction } from './tracked-action.js';

/** `POST .../actions/complete`: which action of which provider was done, and when. */
export interface CompletionBody {
  providerId: string;
  actionId: string;
  completedOn: string;
  note?: string;
}

/** The action as now tracked, and the assessment evaluated again when its completion date feeds a fact. */
export interface CompletedAction {
  action: TrackedAction;
  reevaluated?: { assessmentId: string; fact: string; value: string; headline: string };
}

function refused(pointer: string, message: string): HttpError {
  return new HttpError(422, 'invalid-completion', `The completion cannot be recorded: ${pointer.slice(1)} ${message}`, { details: [{ pointer, message }] });
}

/**
 * Records that an action of a provider's current determination was done on `completedOn`. When the
 * council maps the action to an input fact (`action_completion_facts`), the provider's latest
 * assessment is evaluated again with that fact set to the completion date and stored as a new
 * assessment: what depends on it (the council's 7 days to approve an IAP) runs from the actual date.
 * Refusals (unknown action, a date before the assessment or after today, an input the pack refuses)
 * change nothing.
 */
export async function completeAction(c: Context<AppEnv>, councilId: string, body: CompletionBody): Promise<CompletedAction> {
  const db = c.var.services.db;
  const user = c.var.user;
  const today = c.var.services.now().toISOString().slice(0, 10);
  const [standing] = await currentDeterminations(db, councilId, body.providerId);
  if (!standing) throw notFound(`Provider "${body.providerId}" of council "${councilId}"`);
  const feeds = await completionFacts(db, councilId);
  const tracked = trackActions([standing], await listCompletions(db, councilId), feeds, today).find((a) => a.id === body.actionId);
  if (!tracked) throw refused('/actionId', `"${body.actionId}" is not an action of the provider's current determination`);
  if (tracked.status === 'done') {
    throw new HttpError(409, 'conflict', `Action "${body.actionId}" was already recorded as done on ${tracked.completedOn}`);
  }
  if (body.completedOn < tracked.assessmentDate) throw refused('/completedOn', `is before the assessment it arose from (${tracked.assessmentDate})`);
  if (body.completedOn > today) throw refused('/completedOn', `is after today (${today})`);

  // Evaluated before anything is written, so that an input the pack refuses changes nothing.
  let next: { input: AssessmentInput; versionId: string; determination: Awaited<ReturnType<typeof determine>> } | undefined;
  if (tracked.feeds) {
    const [row] = await db.query<{ input: AssessmentInput }>('SELECT input FROM assessments WHERE id = $1', [tracked.assessmentId]);
    const input: AssessmentInput = { ...row!.input, facts: { ...(row!.input.facts ?? {}), [tracked.feeds]: body.completedOn } };
    const version = await versionInForceRecord(db, councilId, input.date);
    if (!version) throw refused('/providerId', `has an assessment dated ${input.date} with no pack version in force`);
    next = { input, versionId: version.id, determination: await determine(c, version, input, false, recordedEarlier(row!.input)) };
  }

  await db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO action_completions (council_id, provider_id, assessment_date, action_id, completed_on, note, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING action_id`,
      [councilId, body.providerId, tracked.assessmentDate, body.actionId, body.completedOn, body.note ?? null, user.id],
    );
    if (inserted.length === 0) throw new HttpError(409, 'conflict', `Action "${body.actionId}" was already recorded as done`);
    await recordAudit(tx, {
      actor: user.id,
      councilId,
      action: 'action-complete',
      entity: 'provider',
      entityId: body.providerId,
      afterHash: contentHash(body),
      detail: { actionId: body.actionId, assessmentDate: tracked.assessmentDate, completedOn: body.completedOn },
    });
  });

  let reevaluated: CompletedAction['reevaluated'];
  if (next && tracked.feeds) {
    const { explanation: _explanation, ...record } = next.determination;
    // Stored as one statement of its own (not through the batching writer, which has its own
    // connection): a request holding an Idempotency-Key runs in one commit with its reply
    // (idempotency/request-in-commit.ts), and the completion and its re-determination commit together.
    const row = prepareAssessment({
      councilId,
      providerId: body.providerId,
      userId: user.id,
      input: next.input,
      packVersionId: next.versionId,
      determination: record,
    });
    const stored = (await storeAssessments(db, [row])).has(row.stored.assessmentId) ? row.stored : undefined;
    if (stored) reevaluated = { assessmentId: stored.assessmentId, fact: tracked.feeds, value: body.completedOn, headline: headlineText(record.headline.value) };
  }
  const action: TrackedAction = { ...tracked, status: 'done', completedOn: body.completedOn, completedBy: user.email, ...(body.note ? { note: body.note } : {}) };
  return { action, ...(reevaluated ? { reevaluated } : {}) };
}
