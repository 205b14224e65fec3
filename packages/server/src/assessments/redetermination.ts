import { randomUUID } from 'node:crypto';
import { sha256Text } from '../audit/content-hash.js';
import { recordAudit } from '../audit/record.js';
import type { Services } from '../app-env.js';
import { cachedCompiled, compile } from '../engine/index.js';
import type { CompiledPack, Pack } from '../engine/index.js';
import { HttpError } from '../http-error.js';
import { assessmentsNotUnderVersionInForce, effectsUnder, redetermined } from '../packs/in-force-effects.js';
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
      return {
        assessmentId: a.assessmentId,
        providerId: a.providerId,
        providerName: a.providerName,
        date: a.date,
        decidedUnder: { version: a.decidedUnder.version, withdrawn: a.decidedUnder.withdrawn },
        before: headlineText(a.determination.headline.value),
        differences: [],
        error: `No version is in force on ${a.date}`,
        inForce: null,
      };
    }
    return { ...effectsUnder([a], compiledOf(services, v), v.content as Pack)[0]!, inForce: { version: v.version } };
  });
}

/**
 * The council's assessments decided under a version that is not the one now in force on their
 * date (withdrawn by a roll back, or followed by a version published with an earlier in-force
 * date), each with what it would be under the version in force: every output that changes.
 */
export async function listRedeterminations(services: Services, councilId: string): Promise<Redetermination[]> {
  const list = await assessmentsNotUnderVersionInForce(services.db, councilId);
  return effects(services, list, await versionsById(services.db, list.flatMap((a) => (a.inForceId ? [a.inForceId] : []))));
}

/**
 * Determines again, in one transaction, the listed assessments (or `assessmentIds` of them) under
 * the version now in force on their date. Each new determination is appended; the earlier one stays
 * in the record, marked superseded with the reason and the determination that superseded it; each
 * is audited. An id that is not listed is a 422 naming it, and nothing is written.
 */
export async function redetermine(
  services: Services,
  req: { councilId: string; userId: string; reason: string; assessmentIds?: string[] },
): Promise<Redetermination[]> {
  return services.db.transaction(async (tx) => {
    await lockCouncil(tx, req.councilId);
    let list = await assessmentsNotUnderVersionInForce(tx, req.councilId);
    if (req.assessmentIds) {
      const listed = new Set(list.map((a) => a.assessmentId));
      const unknown = req.assessmentIds.map((id, i) => ({ id, i })).filter(({ id }) => !listed.has(id));
      if (unknown.length > 0) {
        throw new HttpError(422, 'not-to-redetermine', `${unknown.length} assessment(s) are already decided under the version in force on their date, or unknown`, {
          details: unknown.map(({ id, i }) => ({ pointer: `/assessmentIds/${i}`, message: `"${id}" is not listed to be determined again` })),
        });
      }
      const wanted = new Set(req.assessmentIds);
      list = list.filter((a) => wanted.has(a.assessmentId));
    }
    const versions = await versionsById(tx, list.flatMap((a) => (a.inForceId ? [a.inForceId] : [])));
    const done = effects(services, list, versions);
    for (const [i, a] of list.entries()) {
      const v = a.inForceId ? versions.get(a.inForceId) : undefined;
      const effect = done[i]!;
      if (!v || effect.error) {
        throw new HttpError(422, 'evaluation-failed', `Assessment "${a.assessmentId}" cannot be determined under the version in force: ${effect.error}`, {
          details: [{ pointer: `/assessments/${a.assessmentId}`, message: effect.error ?? 'no version in force' }],
        });
      }
      const { trace: _trace, ...determination } = redetermined(compiledOf(services, v), a);
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
        action: 'assessment-redetermine',
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
    }
    return done;
  });
}
