import { randomUUID } from 'node:crypto';
import { canonicalJson, sha256Text } from '../audit/content-hash.js';
import type { Assessment, Determination } from '../engine/index.js';
import { BatchBytes } from './batch-bytes.js';
import { recordedDecisionsAudit } from './recorded-decisions.js';
import { determinationTexts } from './stored-result.js';
import type { PackInterpretations } from './stored-result.js';
import type { IdempotentRequest } from '../idempotency/index.js';
import type { Queryable } from '../store/index.js';

/** An assessment as entered by the officer: the engine's `Assessment` (decisions as recorded, `assessments/recorded-decisions.ts`) and a note. */
export type AssessmentInput = Assessment & { note?: string };

/** The headline's words while a person's decision that nothing reads meanwhile (`meanwhile: undecided`) is awaited: it has no value yet. */
export const NOT_YET_DECIDED = 'Not yet decided';

/** The stored headline text: a scalar as itself, no value yet as {@link NOT_YET_DECIDED}, anything else as JSON. */
export function headlineText(value: unknown): string {
  if (value === null || value === undefined) return NOT_YET_DECIDED;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What storing an assessment wrote. */
export interface StoredAssessment {
  assessmentId: string;
  determinationId: string;
  /** The determination's JSON text exactly as stored (and hashed into the audit entry). */
  determinationJson: string;
  /** That text's UTF-8 bytes, encoded once: hashed into the audit entry and copied into the reply (`submitted-reply.ts`). */
  determinationBytes: Buffer;
  /** The reply recorded with the idempotency key, when the request sent one. */
  replyJson?: string;
}

/** One evaluation to store: the assessment as entered, and what the engine decided of it. */
export interface AssessmentToStore {
  councilId: string;
  providerId: string;
  userId: string;
  input: AssessmentInput;
  /** The version the determination was made under; the write confirms it is still in force. */
  packVersionId: string;
  /** The determination as stored: without its explanation. */
  determination: Omit<Determination, 'trace' | 'explanation'>;
  /**
   * The interpretations of that version as the engine read them (the compiled pack's): given, the
   * row stores the determination's notes by reference to the version (see `stored-result.ts`).
   */
  interpretationNotes?: PackInterpretations;
  /** The request's idempotency key, recorded with its 201 reply in the same statement as the row. */
  idempotent?: { request: IdempotentRequest; reply: (stored: StoredAssessment) => string };
  /**
   * Stored by submitting a visit record: not final until a second person signs the record off
   * (see `FINAL_ASSESSMENT_SQL`). Written once with the row: `assessments` is append-only.
   */
  provisional?: true;
}

/** An evaluation ready to write: its ids, and its row as JSON texts (see {@link prepareAssessment}). */
export interface PreparedAssessment {
  stored: StoredAssessment;
  /** One element of the JSON array {@link STORE_ASSESSMENTS_SQL} reads as `$1`: the row's columns but its two large ones. */
  rowJson: string;
  /** The assessment's `input` (its canonical JSON text), one element of `$2`. */
  inputJson: string;
  /** The determination's `result` (JSON text), one element of `$3`. */
  resultJson: string;
}

/** On PostgreSQL, the kept memory one store statement writes its three parameters into (see {@link BatchBytes}). */
export interface StoreBytes {
  rows: BatchBytes;
  inputs: BatchBytes;
  results: BatchBytes;
}

/** Memory for one store statement's parameters. */
export function newStoreBytes(): StoreBytes {
  return { rows: new BatchBytes(), inputs: new BatchBytes(), results: new BatchBytes() };
}

/**
 * Gives an evaluation its ids and serialises it, once, into the row the store statement reads.
 *
 * The determination's hash is of its JSON text as the engine built it, not of a re-sorted copy:
 * the engine's output is plain JSON data (strings, numbers, booleans, arrays, objects; no Dates,
 * Maps or undefined members) whose keys it always creates in the same order for the same pack and
 * assessment, so JSON.stringify is already a deterministic serialisation of it. Re-evaluating the
 * stored input under the stored pack hash (POST .../reevaluate) gives the same text, hence the
 * same hash; and the one stringify serves the insert, the hash and the reply. (The input, by
 * contrast, arrives in whatever key order the client chose, so it is stored, and its after-hash
 * taken, as its canonical text.)
 */
export function prepareAssessment(args: AssessmentToStore): PreparedAssessment {
  const assessmentId = randomUUID();
  const determinationId = randomUUID();
  const texts = determinationTexts(args.determination, args.interpretationNotes);
  const determinationJson = texts.json;
  const determinationBytes = texts.bytes;
  const stored: StoredAssessment = { assessmentId, determinationId, determinationJson, determinationBytes };
  const key = args.idempotent?.request;
  if (args.idempotent) stored.replyJson = args.idempotent.reply(stored);
  // The input's canonical text is both what is stored and what its audit hash is of.
  const inputJson = canonicalJson(args.input);
  const scalars = JSON.stringify({
    assessment_id: assessmentId,
    council_id: args.councilId,
    provider_id: args.providerId,
    assessment_date: args.input.date,
    created_by: args.userId,
    determination_id: determinationId,
    pack_version_id: args.packVersionId,
    pack_hash: args.determination.pack.hash,
    headline: headlineText(args.determination.headline.value),
    after_hash: sha256Text(inputJson),
    detail: {
      providerId: args.providerId,
      packHash: args.determination.pack.hash,
      headline: args.determination.headline.value,
      determinationHash: sha256Text(determinationBytes),
      ...(args.input.decisions ? { recordedDecisions: recordedDecisionsAudit(args.input) } : {}),
    },
    ...(key ? { idem_caller: key.caller, idem_key: key.key, idem_attempt: key.attempt, idem_body: stored.replyJson } : {}),
    ...(args.provisional ? { provisional: true } : {}),
  });
  const rowJson = texts.interpretationIdsJson === undefined ? scalars : `{"interpretation_ids":${texts.interpretationIdsJson},${scalars.slice(1)}`;
  return { stored, rowJson, inputJson, resultJson: texts.resultJson };
}

/**
 * Stores any number of evaluations in one SQL statement (one implicit transaction, one round
 * trip): for each, its assessment, its determination and its audit entry. From the rows of
 * {@link prepareAssessment}, `$1` is the JSON array of their `rowJson`, and `$2` and `$3` the
 * `jsonb[]` arrays of their inputs and results, in the same order (`ROWS FROM` reads the three
 * side by side). The two large values (about 5 of a row's 6 kB) are thus parsed once, as jsonb;
 * inside the JSON array they were parsed twice, once as part of the array and again as the
 * column's jsonb. (`jsonb_to_recordset($1::text::jsonb)` over one array was measured on
 * 7 December and cost PostgreSQL no less CPU than `json_to_recordset`.)
 *
 * Every row's checks are index lookups run per row (a scalar subquery on the provider's key, not
 * an `EXISTS` the planner turns into a join: it cannot know how many rows the array holds, takes
 * it for one, and scanned every provider once per row). The three inserts read `confirmed`
 * directly: data-modifying CTEs always run to completion, and the foreign keys are checked at
 * the end of the statement, so no join is needed to put an assessment before its determination.
 *
 * The statement also confirms, row by row, what the caller decided from memory or from an
 * earlier read: that the provider belongs to the council and that the row's pack version is
 * still the version in force on its assessment date. A row that is no longer confirmed (another
 * server published a version, the provider is gone) is not written, and the others are; a row
 * is always written whole or not at all. Audit entries are appended in the order of the array.
 * A row sent with an idempotency key completes that key with its reply in the same statement,
 * and is written only if its attempt still holds the key.
 */
export const STORE_ASSESSMENTS_SQL = `WITH batch AS (
    SELECT * FROM ROWS FROM (json_to_recordset($1::json) AS (
        assessment_id text, council_id text, provider_id text, assessment_date date, created_by text,
        determination_id text, pack_version_id text, pack_hash text, headline text,
        interpretation_ids jsonb, after_hash text, detail jsonb, idem_caller text, idem_key text, idem_attempt text, idem_body text, provisional boolean),
        unnest($2::jsonb[]), unnest($3::jsonb[])
      ) WITH ORDINALITY AS r(assessment_id, council_id, provider_id, assessment_date, created_by,
        determination_id, pack_version_id, pack_hash, headline, interpretation_ids, after_hash, detail,
        idem_caller, idem_key, idem_attempt, idem_body, provisional, input, result, ord)
  ), checked AS (
    SELECT b.* FROM batch b
     WHERE (SELECT p.council_id FROM providers p WHERE p.id = b.provider_id) = b.council_id
       AND b.pack_version_id = (SELECT pv.id FROM pack_versions pv
                                 WHERE pv.council_id = b.council_id AND pv.effective_from <= b.assessment_date
                                   AND NOT EXISTS (SELECT 1 FROM pack_version_withdrawals w WHERE w.version_id = pv.id)
                                 ORDER BY pv.seq DESC LIMIT 1)
  ), keyed AS (
    UPDATE idempotency_keys k SET status = 201, headers = '{"content-type":"application/json"}'::jsonb, body = c.idem_body
      FROM checked c
     WHERE c.idem_key IS NOT NULL AND k.caller = c.idem_caller AND k.key = c.idem_key
       AND k.attempt = c.idem_attempt AND k.status IS NULL
    RETURNING c.assessment_id
  ), confirmed AS (
    SELECT c.* FROM checked c WHERE c.idem_key IS NULL OR c.assessment_id IN (SELECT assessment_id FROM keyed)
  ), a AS (
    INSERT INTO assessments (id, council_id, provider_id, assessment_date, input, created_by, provisional)
    SELECT assessment_id, council_id, provider_id, assessment_date, input, created_by, COALESCE(provisional, false) FROM confirmed ORDER BY ord
  ), d AS (
    INSERT INTO determinations (id, assessment_id, council_id, provider_id, pack_version_id, pack_hash, headline, result, interpretation_ids)
    SELECT determination_id, assessment_id, council_id, provider_id, pack_version_id, pack_hash, headline, result, interpretation_ids
      FROM confirmed ORDER BY ord
  )
  INSERT INTO audit_log (actor, council_id, action, entity, entity_id, before_hash, after_hash, detail)
  SELECT created_by, council_id, 'assessment-create', 'assessment', assessment_id, NULL, after_hash, detail
    FROM confirmed ORDER BY ord
  RETURNING entity_id`;

/**
 * Writes prepared evaluations with {@link STORE_ASSESSMENTS_SQL} and returns the ids of the
 * assessments written (the confirmed ones). Throws, writing nothing, when the statement fails.
 * With `bytes` (PostgreSQL only) the parameters go in binary format, written into that reused
 * memory: the JSON array as its UTF-8 bytes (`json`'s binary format is its text), the inputs
 * and results as binary `jsonb[]` (see {@link BatchBytes}); without, as a string and two arrays of
 * strings, which the driver sends as text.
 */
export async function storeAssessments(db: Queryable, rows: readonly PreparedAssessment[], bytes?: StoreBytes): Promise<Set<string>> {
  const texts = rows.map((r) => r.rowJson);
  const inputs = rows.map((r) => r.inputJson);
  const results = rows.map((r) => r.resultJson);
  const params = bytes
    ? [bytes.rows.write(texts), bytes.inputs.writeJsonbArray(inputs), bytes.results.writeJsonbArray(results)]
    : [`[${texts.join(',')}]`, inputs, results];
  const written = await db.query<{ entity_id: string }>(STORE_ASSESSMENTS_SQL, params, { name: 'qaf_store_assessments' });
  return new Set(written.map((r) => r.entity_id));
}
