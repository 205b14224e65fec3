import { randomUUID } from 'node:crypto';
import { sha256Text } from '../audit/content-hash.js';
import { recordAudit } from '../audit/record.js';
import type { Services } from '../app-env.js';
import { cachedCompiled, compile } from '../engine/index.js';
import type { CompiledPack, Determination, Pack } from '../engine/index.js';
import { HttpError } from '../http-error.js';
import { assessmentNotUnderVersionInForce, assessmentsNotUnderVersionInForce, effectBefore, effectsUnder, redetermined } from '../packs/in-force-effects.js';
import type { DecidedAssessment, InForceEffect } from '../packs/in-force-effects.js';
import { lockCouncil } from '../packs/publish.js';
import { findVersionById } from '../packs/versions.js';
import type { PackVersionWithContent } from '../packs/versions.js';
import type { Queryable } from '../store/index.js';
import { headlineText } from './store-assessment.js';

/** An assessment not decided under the version now in force on its date, and what it would be under that version. */
export type Redetermination = InForceEffect & { inForce: { version: string } | null };

async function versionsById(db: Queryable, ids: Iterable<string>): Promise<Map<string, PackVersionWithContent>> {
  const out = new Map<string, PackVersionWithContent>();
  for (const id of new Set(ids)) {
    const v = await findVersionById(db, id);
    if (v) out.set(id, v);
  }
  return out;
}

function compiledOf(services: Services, v: PackVersionWithContent): CompiledPack {
  const extensions = services.plugins.get(v.councilId)?.extensions;
  return cachedCompiled(v, extensions) ?? compile(v.content, extensions, v.hash);
}

/** Each assessment's effect under the version now in force on its date. */
function effects(services: Services, list: DecidedAssessment[], versions: Map<string, PackVersionWithContent>): Redetermination[] {
  return list.map((a) => {
    const v = a.inForceId ? versions.get(a.inForceId) : undefined;
    if (!v) {
      return { ...effectBefore(a), differences: [], error: `No version is in force on ${a.date}`, inForce: null };
    }
    return { ...effectsUnder([a], compiledOf(services, v), v.content as Pack)[0]!, inForce: { version: v.version } };
  });
}

/** The assessments to determine again, and those that will be when their visit record is signed off. */
export interface Redeterminations {
  /** Final assessments: determined again in one action (`POST .../redeterminations`). */
  assessments: Redetermination[];
  /**
   * Provisional ones: their visit record awaits sign-off. They count nowhere yet; signing the
   * record off determines them again under the version in force then (the reviewer is shown it).
   */
  awaitingSignOff: Redetermination[];
}

/**
 * The council's assessments decided under a version that is not the one now in force on their
 * date (withdrawn by a roll back, or followed by a version published with an earlier in-force
 * date), each with what it would be under the version in force: every output that changes. Those
 * awaiting sign-off are listed apart.
 */
export async function listRedeterminations(services: Services, councilId: string): Promise<Redeterminations> {
  const list = await assessmentsNotUnderVersionInForce(services.db, councilId);
  const all = effects(services, list, await versionsById(services.db, list.flatMap((a) => (a.inForceId ? [a.inForceId] : []))));
  return { assessments: all.filter((a) => !a.awaitingSignOff), awaitingSignOff: all.filter((a) => a.awaitingSignOff) };
}

/**
 * One assessment's effect under the version now in force on its date, when its current
 * determination was made under another (withdrawn, or published over); else undefined.
 */
export async function redeterminationOf(services: Services, db: Queryable, councilId: string, assessmentId: string): Promise<Redetermination | undefined> {
  const a = await assessmentNotUnderVersionInForce(db, councilId, assessmentId);
  if (!a) return undefined;
  return effects(services, [a], await versionsById(db, a.inForceId ? [a.inForceId] : []))[0];
}

/** Who determines an assessment again and why: the audit action and the reason kept on the earlier determination. */
interface RedeterminationRequest {
  councilId: string;
  userId: string;
  reason: string;
  /** The audit entry's action: `assessment-redetermine` (one action over the list) or `visit-sign-off-redetermine`. */
  action: string;
}

/**
 * One assessment to determine again, worked out before any transaction (no connection held while
 * the pack is evaluated): the assessment as read, the version in force on its date, its effect,
 * and the new determination (absent when it cannot be evaluated under that version).
 */
export interface PlannedRedetermination {
  a: DecidedAssessment;
  v: PackVersionWithContent | undefined;
  effect: Redetermination;
  determination?: Omit<Determination, 'trace'>;
}

/** Evaluates each of `list` under the version now in force on its date (pure work: no statement is sent). */
function planned(services: Services, list: DecidedAssessment[], versions: Map<string, PackVersionWithContent>): PlannedRedetermination[] {
  const done = effects(services, list, versions);
  return list.map((a, i) => {
    const v = a.inForceId ? versions.get(a.inForceId) : undefined;
    const effect = done[i]!;
    if (!v || effect.error) return { a, v, effect };
    const { trace: _trace, ...determination } = redetermined(compiledOf(services, v), a);
    return { a, v, effect, determination };
  });
}

/**
 * Whether what was read before the transaction still stands under it: the same assessments, each
 * with the same current determination and the same version in force on its date.
 */
function unchanged(read: readonly DecidedAssessment[], now: readonly DecidedAssessment[]): boolean {
  const key = (a: DecidedAssessment) => `${a.assessmentId}\u0000${a.determinationId}\u0000${a.inForceId ?? ''}`;
  return read.length === now.length && read.every((a, i) => key(a) === key(now[i]!));
}

/** 409: what was evaluated before the transaction changed before it could be written. */
function changedMeanwhile(what: string): HttpError {
  return new HttpError(409, 'conflict', `${what} changed while it was being determined again (a version published or rolled back, or a determination made): send the request again`);
}

/**
 * Appends the planned determination of `p.a` under `p.v` (the version now in force on its date),
 * marks the current one superseded by it with the reason, and audits both, inside the caller's
 * transaction. A 422 when it cannot be evaluated under `p.v`; the caller's transaction then writes nothing.
 */
async function appendRedetermination(tx: Queryable, p: PlannedRedetermination, req: RedeterminationRequest): Promise<string> {
  const { a, v, effect } = p;
  if (!v || !p.determination) {
    throw new HttpError(422, 'evaluation-failed', `Assessment "${a.assessmentId}" cannot be determined under the version in force: ${effect.error}`, {
      details: [{ pointer: `/assessments/${a.assessmentId}`, message: effect.error ?? 'no version in force' }],
    });
  }
  const determination = p.determination;
  const id = randomUUID();
  const json = JSON.stringify(determination);
  await tx.query(
    `INSERT INTO determinations (id, assessment_id, council_id, provider_id, pack_version_id, pack_hash, headline, result)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, a.assessmentId, req.councilId, a.providerId, v.id, v.hash, headlineText(determination.headline.value), json],
  );
  await tx.query('INSERT INTO determination_supersessions (determination_id, superseded_by, reason, actor) VALUES ($1, $2, $3, $4)', [
    a.determinationId,
    id,
    req.reason,
    req.userId,
  ]);
  await recordAudit(tx, {
    actor: req.userId,
    councilId: req.councilId,
    action: req.action,
    entity: 'assessment',
    entityId: a.assessmentId,
    beforeHash: sha256Text(JSON.stringify(a.determination)),
    afterHash: sha256Text(json),
    detail: {
      reason: req.reason,
      supersededDetermination: a.determinationId,
      determination: id,
      decidedUnder: a.decidedUnder.version,
      inForce: v.version,
      before: effect.before,
      after: effect.after,
    },
  });
  return id;
}

/**
 * Determines again, in one transaction, the listed final assessments (or `assessmentIds` of them)
 * under the version now in force on their date. Each new determination is appended; the earlier one
 * stays in the record, marked superseded with the reason and the determination that superseded it;
 * each is audited. An id that is not listed, or whose visit record awaits sign-off (signing off
 * determines it again), is a 422 naming it, and nothing is written.
 *
 * The pack is evaluated before the transaction; under it (the council locked, as a publish or roll
 * back locks it) the list is read again, and written only if each assessment still has the
 * determination and the version in force it was evaluated from. Otherwise it is worked out once
 * more, then a 409.
 */
export async function redetermine(
  services: Services,
  req: { councilId: string; userId: string; reason: string; assessmentIds?: string[] },
): Promise<Redetermination[]> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    const list = await toRedetermine(services.db, req);
    const plan = planned(services, list, await versionsById(services.db, list.flatMap((a) => (a.inForceId ? [a.inForceId] : []))));
    const done = await services.db.transaction(async (tx) => {
      await lockCouncil(tx, req.councilId);
      if (!unchanged(list, await toRedetermine(tx, req))) return undefined;
      for (const p of plan) await appendRedetermination(tx, p, { ...req, action: 'assessment-redetermine' });
      return plan.map((p) => p.effect);
    });
    if (done) return done;
  }
  throw changedMeanwhile('The list of assessments to determine again');
}

/** The final assessments `req` determines again (all listed, or its `assessmentIds`): a 422 naming any id not listed or awaiting sign-off. */
async function toRedetermine(db: Queryable, req: { councilId: string; assessmentIds?: string[] }): Promise<DecidedAssessment[]> {
  const stale = await assessmentsNotUnderVersionInForce(db, req.councilId);
  const list = stale.filter((a) => !a.awaitingSignOff);
  if (!req.assessmentIds) return list;
  const listed = new Map(stale.map((a) => [a.assessmentId, a]));
  const refused = req.assessmentIds.flatMap((id, i) => {
    const a = listed.get(id);
    if (a && !a.awaitingSignOff) return [];
    const message = a?.awaitingSignOff
      ? `"${id}" is provisional: its visit record ${a.awaitingSignOff.visitId} awaits sign-off, which determines it under the version in force`
      : `"${id}" is not listed to be determined again`;
    return [{ pointer: `/assessmentIds/${i}`, message }];
  });
  if (refused.length > 0) {
    throw new HttpError(422, 'not-to-redetermine', `${refused.length} assessment(s) are already decided under the version in force on their date, await sign-off, or are unknown`, {
      details: refused,
    });
  }
  const wanted = new Set(req.assessmentIds);
  return list.filter((a) => wanted.has(a.assessmentId));
}

/** What signing a visit record off determines again: its assessment, and the version the reviewer was shown. */
export interface SignOffRedeterminationRequest {
  councilId: string;
  userId: string;
  assessmentId: string;
  visitId: string;
  shownVersion?: string;
}

/**
 * Before the sign-off's transaction: when the visit's assessment was decided under a version that
 * is no longer the one in force on its date, evaluates it under the version in force (no
 * connection held). `shownVersion` is the version the reviewer was shown it would be decided
 * under: anything else is a 409 naming both, so no determination is made final under a withdrawn
 * version, nor changed at sign-off, unseen. Undefined when it is already decided under the version
 * in force. {@link redetermineAtSignOff} writes it, re-checking it under the transaction.
 */
export async function planSignOffRedetermination(services: Services, db: Queryable, req: SignOffRedeterminationRequest): Promise<PlannedRedetermination | undefined> {
  const a = await assessmentNotUnderVersionInForce(db, req.councilId, req.assessmentId);
  if (!a) return undefined;
  const versions = await versionsById(db, a.inForceId ? [a.inForceId] : []);
  const p = planned(services, [a], versions)[0]!;
  const { v, effect } = p;
  if (!v || req.shownVersion !== v.version) {
    const why = a.decidedUnder.withdrawn ? `was withdrawn (${a.decidedUnder.withdrawn})` : 'is no longer the version in force on its date';
    throw new HttpError(
      409,
      'not-under-version-in-force',
      `The visit was submitted under version ${a.decidedUnder.version}, which ${why}: signing off determines it again under ${v ? `version ${v.version}` : 'the version in force'} ` +
        `(${effect.before} -> ${effect.after ?? effect.error}). Review that and sign off with redetermineUnder=${v?.version ?? '(none)'}`,
      { details: [{ pointer: '/redetermineUnder', message: req.shownVersion ? `is ${req.shownVersion}, not the version in force (${v?.version ?? 'none'})` : 'is required' }, ...(effect.differences.length ? effect.differences.map((d) => ({ message: d.explanation })) : [])] },
    );
  }
  return p;
}

/**
 * At sign-off, inside the sign-off's transaction: re-checks under the council's lock (as a publish
 * or roll back takes it, so the version in force cannot change under the sign-off) that the
 * assessment still has the determination and the version in force `plan` was evaluated from (409
 * otherwise: sign off again), then appends the planned determination (the earlier one kept, marked
 * superseded with why). Returns what changed, or undefined when it was already decided under the
 * version in force.
 */
export async function redetermineAtSignOff(tx: Queryable, req: SignOffRedeterminationRequest, plan: PlannedRedetermination | undefined): Promise<Redetermination | undefined> {
  await lockCouncil(tx, req.councilId);
  const a = await assessmentNotUnderVersionInForce(tx, req.councilId, req.assessmentId);
  if (!unchanged(plan ? [plan.a] : [], a ? [a] : [])) throw changedMeanwhile(`The determination of the visit's assessment "${req.assessmentId}"`);
  if (!plan) return undefined;
  const { a: read, v } = plan;
  const reason = `Signed off under version ${v!.version}, in force on ${read.date}: submitted under version ${read.decidedUnder.version}, which ${
    read.decidedUnder.withdrawn ? `was withdrawn (${read.decidedUnder.withdrawn})` : 'is no longer in force on that date'
  }`;
  await appendRedetermination(tx, plan, { councilId: req.councilId, userId: req.userId, reason, action: 'visit-sign-off-redetermine' });
  return plan.effect;
}
