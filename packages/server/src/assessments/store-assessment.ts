import { randomUUID } from 'node:crypto';
import { auditParams } from '../audit/record.js';
import { contentHash } from '../audit/content-hash.js';
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

/**
 * Stores an assessment, its determination and the audit entry in one SQL statement (one
 * implicit transaction, one round trip): all three are written or none is.
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
): Promise<{ assessmentId: string; determinationId: string }> {
  const assessmentId = randomUUID();
  const determinationId = randomUUID();
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
      determinationHash: contentHash(args.determination),
    },
  });
  await db.query(
    `WITH a AS (
       INSERT INTO assessments (id, council_id, provider_id, assessment_date, input, created_by)
       VALUES ($1, $2, $3, $4::date, $5, $6) RETURNING id
     ), d AS (
       INSERT INTO determinations (id, assessment_id, council_id, provider_id, pack_version_id, pack_hash, headline, result)
       SELECT $7::text, a.id, $2::text, $3::text, $8::text, $9::text, $10::text, $11::jsonb FROM a RETURNING id
     )
     INSERT INTO audit_log (actor, council_id, action, entity, entity_id, before_hash, after_hash, detail)
     SELECT $12::text, $13::text, $14::text, $15::text, $16::text, $17::text, $18::text, $19::jsonb FROM d`,
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
      JSON.stringify(args.determination),
      ...audit,
    ],
    { name: 'qaf_store_assessment' },
  );
  return { assessmentId, determinationId };
}
