import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { contentHash } from '../audit/content-hash.js';
import { recordAudit } from '../audit/record.js';
import { completionAsOf, determinedAsOfSql } from '../assessments/determined-as-of.js';
import { CURRENT_DETERMINATION_SQL } from '../assessments/current-determination.js';
import { determine } from '../assessments/index.js';
import { recordedEarlier } from '../engine/index.js';
import { headlineText, prepareAssessment, storeAssessments } from '../assessments/store-assessment.js';
import type { AssessmentInput, PreparedAssessment } from '../assessments/store-assessment.js';
import { HttpError, notFound } from '../http-error.js';
import { versionInForceRecord } from '../packs/versions.js';
import type { Queryable } from '../store/index.js';
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

/**
 * The action as now tracked, and the assessment evaluated again when its completion date feeds a
 * fact: `asOf` is the date that determination is made as of (the completion's day, see {@link completionAsOf}).
 */
export interface CompletedAction {
  action: TrackedAction;
  reevaluated?: { assessmentId: string; fact: string; value: string; asOf: string; headline: string };
}

function refused(pointer: string, message: string): HttpError {
  return new HttpError(422, 'invalid-completion', `The completion cannot be recorded: ${pointer.slice(1)} ${message}`, { details: [{ pointer, message }] });
}

/**
 * Records that an action of a provider's current determination was done on `completedOn`. When the
 * council maps the action to an input fact (`action_completion_facts`), the provider's latest
 * assessment is evaluated again with that fact set to the completion date and stored as a new
 * assessment: what depends on it (the council's 7 days to approve an IAP) runs from the actual date.
 * Something happened after the visit, so that determination is made as of the completion's day
 * (never before the visit, nor before the day its current determination was made as of), and
 * every later evaluation of the stored assessment keeps that date (`determined-as-of.ts`).
 * Refusals (unknown action, a date before the assessment or after today, an input the pack refuses)
 * change nothing. The pack is evaluated before the transaction; the completion and the new
 * assessment are written in one commit, which re-checks what the evaluation was made from (409 when
 * the provider's current determination or the version in force changed meanwhile).
 */
export async function completeAction(c: Context<AppEnv>, councilId: string, body: CompletionBody): Promise<CompletedAction> {
  const db = c.var.services.db;
  const user = c.var.user;
  const today = c.var.services.now().toISOString().slice(0, 10);
  const tracked = await trackedAction(db, councilId, body, today);
  if (body.completedOn < tracked.assessmentDate) throw refused('/completedOn', `is before the assessment it arose from (${tracked.assessmentDate})`);
  if (body.completedOn > today) throw refused('/completedOn', `is after today (${today})`);
  // Evaluated before the transaction (holding no connection), so that an input the pack refuses
  // changes nothing; what it was evaluated from is re-checked under the transaction.
  let next: { row: PreparedAssessment; date: string; asOf: string; headline: string } | undefined;
  if (tracked.feeds) {
    const [row] = await db.query<{ input: AssessmentInput; as_of: string }>(
      `SELECT a.input, ${determinedAsOfSql('d', 'a')} AS as_of FROM assessments a
         JOIN determinations d ON d.assessment_id = a.id AND ${CURRENT_DETERMINATION_SQL} WHERE a.id = $1`,
      [tracked.assessmentId],
    );
    const input: AssessmentInput = { ...row!.input, facts: { ...(row!.input.facts ?? {}), [tracked.feeds]: body.completedOn } };
    const version = await versionInForceRecord(db, councilId, input.date);
    if (!version) throw refused('/providerId', `has an assessment dated ${input.date} with no pack version in force`);
    const asOf = completionAsOf(input.date, row!.as_of, body.completedOn);
    const { explanation: _explanation, ...determination } = await determine(c, version, input, false, recordedEarlier(row!.input), asOf);
    const prepared = prepareAssessment({ councilId, providerId: body.providerId, userId: user.id, input, packVersionId: version.id, determination });
    next = { row: prepared, date: input.date, asOf, headline: headlineText(determination.headline.value) };
  }
  // The completion and its re-determination in one commit, with an Idempotency-Key or without.
  await db.transaction(async (tx) => {
    // Re-checked: the action is still one of the provider's current determination (its latest
    // assessment unchanged), still feeds the same fact, and is not done yet.
    const again = await trackedAction(tx, councilId, body, today);
    if (again.assessmentId !== tracked.assessmentId || again.feeds !== tracked.feeds) {
      throw new HttpError(409, 'conflict', `The provider's current determination changed while the completion of "${body.actionId}" was being recorded: send it again`);
    }
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
    // Re-checked by the statement itself: the pack version evaluated under is still the one in force.
    if (next && !(await storeAssessments(tx, [next.row])).has(next.row.stored.assessmentId)) {
      throw new HttpError(409, 'conflict', `The pack version in force on ${next.date} changed while the completion was being recorded: send it again`);
    }
  });
  const reevaluated: CompletedAction['reevaluated'] =
    next && tracked.feeds
      ? { assessmentId: next.row.stored.assessmentId, fact: tracked.feeds, value: body.completedOn, asOf: next.asOf, headline: next.headline }
      : undefined;
  const action: TrackedAction = { ...tracked, status: 'done', completedOn: body.completedOn, completedBy: user.email, ...(body.note ? { note: body.note } : {}) };
  return { action, ...(reevaluated ? { reevaluated } : {}) };
}

/** The action `body` names, as tracked now on the provider's current determination: 404, 422 or 409 (already done) when there is none to complete. */
async function trackedAction(db: Queryable, councilId: string, body: CompletionBody, today: string): Promise<TrackedAction> {
  const [standing] = await currentDeterminations(db, councilId, body.providerId);
  if (!standing) throw notFound(`Provider "${body.providerId}" of council "${councilId}"`);
  const tracked = trackActions([standing], await listCompletions(db, councilId), await completionFacts(db, councilId), today).find((a) => a.id === body.actionId);
  if (!tracked) throw refused('/actionId', `"${body.actionId}" is not an action of the provider's current determination`);
  if (tracked.status === 'done') {
    throw new HttpError(409, 'conflict', `Action "${body.actionId}" was already recorded as done on ${tracked.completedOn}`);
  }
  return tracked;
}
