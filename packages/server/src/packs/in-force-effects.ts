import { CURRENT_DETERMINATION_SQL, FINAL_ASSESSMENT_SQL } from '../assessments/current-determination.js';
import { determinedAsOf } from '../assessments/determined-as-of.js';
import { headlineText } from '../assessments/store-assessment.js';
import { determinationResultSql } from '../assessments/stored-result.js';
import type { AssessmentInput } from '../assessments/store-assessment.js';
import { evaluateCompiled, recordedEarlier } from '../engine/index.js';
import type { CompiledPack, Determination, Pack } from '../engine/index.js';
import type { Queryable } from '../store/index.js';
import { determinationDifferences } from '../what-if/determination-differences.js';
import type { DeterminationDifference } from '../what-if/determination-differences.js';
import { NOT_WITHDRAWN_SQL } from './versions.js';

/** A stored assessment with its current determination and the version it was decided under. */
export interface DecidedAssessment {
  assessmentId: string;
  providerId: string;
  providerName: string;
  date: string;
  /** The date its current determination was made as of: the assessment's date, or a later day (see `determined-as-of.ts`); kept when it is evaluated again. */
  asOf: string;
  input: AssessmentInput;
  determinationId: string;
  determination: Omit<Determination, 'trace'>;
  decidedUnder: { id: string; version: string; withdrawn: string | null };
  /** The id of the version in force on the assessment's date now (withdrawn versions excluded), if any. */
  inForceId: string | null;
  /**
   * Set when the assessment is provisional: its visit record was submitted and awaits sign-off.
   * It counts nowhere yet; signing the record off decides it under the version in force then.
   */
  awaitingSignOff?: { visitId: string };
}

/** What a stored assessment would be under another version: each output that changes, explained. */
export interface InForceEffect {
  assessmentId: string;
  providerId: string;
  providerName: string;
  date: string;
  decidedUnder: { version: string; withdrawn: string | null };
  before: string;
  /** The headline under the other version (absent when it could not be evaluated). */
  after?: string;
  differences: DeterminationDifference[];
  /** Why the assessment could not be evaluated under the other version. */
  error?: string;
  /** Provisional: its visit record awaits sign-off (see {@link DecidedAssessment.awaitingSignOff}). */
  awaitingSignOff?: { visitId: string };
}

interface Row {
  id: string;
  provider_id: string;
  name: string;
  assessment_date: string;
  input: AssessmentInput;
  determination_id: string;
  result: Omit<Determination, 'trace'>;
  dv_id: string;
  dv_version: string;
  withdrawn: string | null;
  in_force_id: string | null;
  provisional: boolean;
  visit_id: string | null;
}

const SELECT_DECIDED = `SELECT a.id, a.provider_id, p.name, a.assessment_date, a.input, d.id AS determination_id, ${determinationResultSql('d')} AS result,
    dv.id AS dv_id, dv.version AS dv_version, w.reason AS withdrawn, NOT ${FINAL_ASSESSMENT_SQL} AS provisional, vr.id AS visit_id,
    (SELECT pv.id FROM pack_versions pv
      WHERE pv.council_id = a.council_id AND pv.effective_from <= a.assessment_date AND ${NOT_WITHDRAWN_SQL}
      ORDER BY pv.seq DESC LIMIT 1) AS in_force_id
  FROM assessments a
  JOIN providers p ON p.id = a.provider_id
  JOIN determinations d ON d.assessment_id = a.id AND ${CURRENT_DETERMINATION_SQL}
  JOIN pack_versions dv ON dv.id = d.pack_version_id
  LEFT JOIN pack_version_withdrawals w ON w.version_id = dv.id
  LEFT JOIN visit_records vr ON vr.assessment_id = a.id AND vr.status = 'submitted'`;

/**
 * SQL over {@link SELECT_DECIDED}: the assessment is final, or provisional with its visit record
 * submitted and awaiting sign-off. Left out: an earlier submission of a record that was returned
 * (submitting it again stores a new assessment, evaluated then), a record returned to draft, and an
 * assessment a recorded decision answered (the assessment that decision made carries its input on).
 */
const FINAL_OR_AWAITING_SIGN_OFF_SQL = `(${FINAL_ASSESSMENT_SQL} OR vr.id IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM recorded_decisions rd WHERE rd.answers_assessment_id = a.id)`;

function toDecided(r: Row): DecidedAssessment {
  return {
    assessmentId: r.id,
    providerId: r.provider_id,
    providerName: r.name,
    date: r.assessment_date,
    asOf: determinedAsOf(r.result, r.assessment_date),
    input: r.input,
    determinationId: r.determination_id,
    determination: r.result,
    decidedUnder: { id: r.dv_id, version: r.dv_version, withdrawn: r.withdrawn },
    inForceId: r.in_force_id,
    ...(r.provisional && r.visit_id ? { awaitingSignOff: { visitId: r.visit_id } } : {}),
  };
}

/**
 * The council's stored assessments dated on or after `from`, oldest first: the final ones, and the
 * provisional ones whose visit record awaits sign-off, marked `awaitingSignOff` ("a determination
 * is only final when signed off", issue 12: they count nowhere yet, and signing off decides them
 * under the version in force then).
 */
export async function assessmentsFrom(db: Queryable, councilId: string, from: string): Promise<DecidedAssessment[]> {
  const rows = await db.query<Row>(
    `${SELECT_DECIDED} WHERE a.council_id = $1 AND a.assessment_date >= $2::date AND ${FINAL_OR_AWAITING_SIGN_OFF_SQL} ORDER BY a.assessment_date, a.created_at, a.id`,
    [councilId, from],
  );
  return rows.map(toDecided);
}

/**
 * The council's stored assessments whose current determination was not made under the version
 * now in force on their date: decided under a withdrawn version, or before a version published
 * with an earlier in-force date. Oldest first. Final ones, and provisional ones whose visit record
 * awaits sign-off (marked `awaitingSignOff`); an earlier submission of a returned record is not one.
 */
export async function assessmentsNotUnderVersionInForce(db: Queryable, councilId: string): Promise<DecidedAssessment[]> {
  const rows = await db.query<Row>(
    `SELECT * FROM (${SELECT_DECIDED} WHERE a.council_id = $1 AND ${FINAL_OR_AWAITING_SIGN_OFF_SQL}) x
      WHERE x.in_force_id IS DISTINCT FROM x.dv_id ORDER BY x.assessment_date, x.id`,
    [councilId],
  );
  return rows.map(toDecided);
}

/**
 * One of the council's stored assessments with its current determination, when that was not made
 * under the version now in force on its date (else undefined), like {@link assessmentsNotUnderVersionInForce}.
 */
export async function assessmentNotUnderVersionInForce(db: Queryable, councilId: string, assessmentId: string): Promise<DecidedAssessment | undefined> {
  const [row] = await db.query<Row>(
    `SELECT * FROM (${SELECT_DECIDED} WHERE a.council_id = $1 AND a.id = $2) x WHERE x.in_force_id IS DISTINCT FROM x.dv_id`,
    [councilId, assessmentId],
  );
  return row && toDecided(row);
}

/** Evaluates a stored assessment under a compiled pack, as it was when first determined (no trace), as of the date its determination was made at. */
export function redetermined(compiled: CompiledPack, a: DecidedAssessment): Determination {
  const { note: _note, ...assessment } = a.input;
  // The stored decisions were recorded earlier: they stand, marked where they now depart without a reason.
  return evaluateCompiled(compiled, assessment, { asOf: a.asOf, explain: false, recordedEarlier: recordedEarlier(a.input) });
}

/**
 * What an effect says of the assessment as it stands, before any version is applied: the
 * assessment, its provider and date, the version it was decided under and its headline then.
 */
export function effectBefore(a: DecidedAssessment): Omit<InForceEffect, 'differences'> {
  return {
    assessmentId: a.assessmentId,
    providerId: a.providerId,
    providerName: a.providerName,
    date: a.date,
    decidedUnder: { version: a.decidedUnder.version, withdrawn: a.decidedUnder.withdrawn },
    before: headlineText(a.determination.headline.value),
    ...(a.awaitingSignOff ? { awaitingSignOff: a.awaitingSignOff } : {}),
  };
}

/** What each assessment would be under `compiled` (the pack `pack`): every output that changes. */
export function effectsUnder(assessments: readonly DecidedAssessment[], compiled: CompiledPack, pack: Pack): InForceEffect[] {
  return assessments.map((a) => {
    const base = effectBefore(a);
    try {
      const after = redetermined(compiled, a);
      return { ...base, after: headlineText(after.headline.value), differences: determinationDifferences(a.determination, after, pack) };
    } catch (error) {
      return { ...base, differences: [], error: (error as Error).message };
    }
  });
}
