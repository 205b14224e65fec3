import { randomUUID } from 'node:crypto';
import { auditParams } from '../audit/record.js';
import { contentHash, sha256Text } from '../audit/content-hash.js';
import type { Determination } from '../engine/index.js';
import type { Queryable } from '../store/index.js';

/** An assessment as entered by the officer. */
export interface AssessmentInput {
  date: string;
  judgements?: Record<string, string>;
  facts?: Record<string, unknown>;
  note?: string;
}

/** The stored headline text: a scalar as itself, anything else as JSON. */
export function headlineText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What storing an assessment wrote. */
export interface StoredAssessment {
  assessmentId: string;
  determinationId: string;
  /** The determination's JSON text exactly as stored (and hashed into the audit entry). */
  determinationJson: string;
}

/**
 * Stores an assessment, its determination and the audit entry in one SQL statement (one
 * implicit transaction, one round trip): all three are written or none is.
 *
 * The same statement confirms what the caller decided from memory or from an earlier read:
 * that the provider belongs to the council and that `packVersionId` is still the version in
 * force on the assessment date. When either is no longer true (another server published a
 * version, the provider is gone), nothing is written and the result is `undefined`: the caller
 * looks again. So the version a determination is stored with is never stale, however it was found.
 */
export async function storeAssessment(
  db: Queryable,
  args: {
    councilId: string;
    providerId: string;
    userId: string;
    input: AssessmentInput;
    packVersionId: string;
    /** The determination as stored: without its trace. */
    determination: Omit<Determination, 'trace'>;
  },
): Promise<StoredAssessment | undefined> {
  const assessmentId = randomUUID();
  const determinationId = randomUUID();
  // The determination's hash is of its JSON text as the engine built it, not of a re-sorted
  // copy: the engine's output is plain JSON data (strings, numbers, booleans, arrays, objects;
  // no Dates, Maps or undefined members) whose keys it always creates in the same order for the
  // same pack and assessment, so JSON.stringify is already a deterministic serialisation of it.
  // Re-evaluating the stored input under the stored pack hash (POST .../reevaluate) gives the
  // same text, hence the same hash; and the one stringify serves the insert, the hash and the
  // reply. (The input, by contrast, arrives in whatever key order the client chose, so its
  // after-hash stays canonical.)
  const determinationJson = JSON.stringify(args.determination);
  const audit = auditParams({
    actor: args.userId,
    councilId: args.councilId,
    action: 'assessment-create',
    entity: 'assessment',
    entityId: assessmentId,
    afterHash: contentHash(args.input),
    detail: {
      providerId: args.providerId,
      packHash: args.determination.pack.hash,
      headline: args.determination.headline.value,
      determinationHash: sha256Text(determinationJson),
    },
  });
  const written = await db.query(
    `WITH confirmed AS (
       SELECT 1 WHERE EXISTS (SELECT 1 FROM providers p WHERE p.id = $3 AND p.council_id = $2)
         AND $8::text = (SELECT pv.id FROM pack_versions pv WHERE pv.council_id = $2 AND pv.effective_from <= $4::date
                          ORDER BY pv.seq DESC LIMIT 1)
     ), a AS (
       INSERT INTO assessments (id, council_id, provider_id, assessment_date, input, created_by)
       SELECT $1::text, $2::text, $3::text, $4::date, $5::jsonb, $6::text FROM confirmed RETURNING id
     ), d AS (
       INSERT INTO determinations (id, assessment_id, council_id, provider_id, pack_version_id, pack_hash, headline, result)
       SELECT $7::text, a.id, $2::text, $3::text, $8::text, $9::text, $10::text, $11::jsonb FROM a RETURNING id
     )
     INSERT INTO audit_log (actor, council_id, action, entity, entity_id, before_hash, after_hash, detail)
     SELECT $12::text, $13::text, $14::text, $15::text, $16::text, $17::text, $18::text, $19::jsonb FROM d RETURNING id`,
    [
      assessmentId,
      args.councilId,
      args.providerId,
      args.input.date,
      JSON.stringify(args.input),
      args.userId,
      determinationId,
      args.packVersionId,
      args.determination.pack.hash,
      headlineText(args.determination.headline.value),
      determinationJson,
      ...audit,
    ],
    { name: 'qaf_store_assessment_confirmed' },
  );
  return written.length === 1 ? { assessmentId, determinationId, determinationJson } : undefined;
}
