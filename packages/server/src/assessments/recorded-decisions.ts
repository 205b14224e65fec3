import type { RecordedDecision } from '../engine/index.js';
import type { AssessmentInput } from './store-assessment.js';

/** A recorded decision as a request may send it: who and when default to the signed-in user and today. */
export type RecordedDecisionBody = Omit<RecordedDecision, 'by' | 'at'> & { by?: string; at?: string };

/**
 * The assessment with each recorded decision's `by` (the signed-in user's email) and `at` (the
 * date of the request, UTC) filled in where the request left them out, so the stored input says
 * who decided and when; the engine then checks each decision against the pack.
 */
export function withRecorder(input: AssessmentInput, user: { email: string }, day?: string): AssessmentInput {
  if (!input.decisions || typeof input.decisions !== 'object') return input;
  // Today's date is only read when there are decisions (most assessments have none: no Date on the hot path).
  const today = day ?? new Date().toISOString().slice(0, 10);
  const decisions: Record<string, RecordedDecision> = {};
  for (const [id, d] of Object.entries(input.decisions as Record<string, RecordedDecisionBody>)) {
    decisions[id] = { ...d, by: d.by ?? user.email, at: d.at ?? today } as RecordedDecision;
  }
  return { ...input, decisions };
}

/** The audit entry's summary of the recorded decisions: decision id -> value, by, at (the reason stays in the stored input). */
export function recordedDecisionsAudit(input: AssessmentInput): Record<string, { value: unknown; by: string; at: string }> | undefined {
  if (!input.decisions) return undefined;
  return Object.fromEntries(Object.entries(input.decisions).map(([id, d]) => [id, { value: d.value, by: d.by, at: d.at }]));
}
