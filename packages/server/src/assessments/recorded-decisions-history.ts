import type { RecordedDecision } from '../engine/index.js';
import type { Queryable } from '../store/index.js';

/**
 * A person's decision recorded on a stored determination (`POST .../assessments/{id}/decisions`):
 * which determination it answered, the new assessment and determination it made, the visit record
 * it belongs to (none when the decided-on assessment was entered directly), who recorded it and when.
 * Who decided, when and why are each decision's `by`, `at` and `reason`.
 */
export interface DecisionRecord {
  id: string;
  providerId: string;
  visitId: string | null;
  answers: { assessmentId: string; determinationId: string };
  assessmentId: string;
  determinationId: string;
  decisions: Record<string, Pick<RecordedDecision, 'value' | 'by' | 'at' | 'reason'>>;
  recordedBy: string;
  recordedAt: string;
}

interface Row {
  id: string;
  provider_id: string;
  visit_id: string | null;
  answers_assessment_id: string;
  answers_determination_id: string;
  assessment_id: string;
  determination_id: string;
  decisions: DecisionRecord['decisions'];
  recorded_by: string;
  recorded_at: Date;
}

function toRecord(r: Row): DecisionRecord {
  return {
    id: r.id,
    providerId: r.provider_id,
    visitId: r.visit_id,
    answers: { assessmentId: r.answers_assessment_id, determinationId: r.answers_determination_id },
    assessmentId: r.assessment_id,
    determinationId: r.determination_id,
    decisions: r.decisions,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at.toISOString(),
  };
}

/** The decisions recorded in a visit record (on its assessment, or on one a decision made from it), oldest first. */
export async function decisionsOfVisit(db: Queryable, visitId: string): Promise<DecisionRecord[]> {
  const rows = await db.query<Row>('SELECT * FROM recorded_decisions WHERE visit_id = $1 ORDER BY recorded_at, id', [visitId]);
  return rows.map(toRecord);
}

/** How a recorded decision links these assessments: the one each made (`made`), the one answering each (`answeredBy`). */
export interface DecisionLinks {
  /** Assessment id -> the recorded decision that made it. */
  made: Map<string, DecisionRecord>;
  /** Assessment id -> the recorded decision that answered its determination. */
  answeredBy: Map<string, DecisionRecord>;
}

/** The recorded decisions that made, or answered, these assessments. */
export async function decisionLinks(db: Queryable, assessmentIds: string[]): Promise<DecisionLinks> {
  const links: DecisionLinks = { made: new Map(), answeredBy: new Map() };
  if (assessmentIds.length === 0) return links;
  const rows = await db.query<Row>(
    'SELECT * FROM recorded_decisions WHERE assessment_id = ANY($1::text[]) OR answers_assessment_id = ANY($1::text[])',
    [assessmentIds],
  );
  const wanted = new Set(assessmentIds);
  for (const r of rows.map(toRecord)) {
    if (wanted.has(r.assessmentId)) links.made.set(r.assessmentId, r);
    if (wanted.has(r.answers.assessmentId)) links.answeredBy.set(r.answers.assessmentId, r);
  }
  return links;
}
