/**
 * The replies of the assessment routes, as TypeScript types: the routes declare them (`typed()`),
 * so handlers must return them and the admin UI's `hc` client reads them.
 */
import type { Determination } from '../engine/index.js';
import type { DecisionRecord } from './recorded-decisions-history.js';
import type { AssessmentInput } from './store-assessment.js';

/** What an officer records: the assessment of one provider. */
export interface AssessmentBody extends AssessmentInput {
  providerId: string;
}

/** `POST .../assessments`: the stored assessment's determination (with its explanation unless `explain=false`). */
export interface SubmittedAssessment {
  id: string;
  providerId: string;
  date: string;
  packVersion: string;
  packHash: string;
  determination: Determination;
}

/** A stored assessment as read back: what was entered, by whom, and its determination. */
export interface AssessmentRecord extends SubmittedAssessment {
  input: AssessmentInput;
  createdBy: string | null;
  createdAt: string;
  /** Set when the determination was made under a version since withdrawn: why it was withdrawn. */
  packVersionWithdrawn?: string;
  /** Set while the assessment's visit record awaits sign-off: the determination is not final and counts nowhere yet. */
  provisional?: true;
  /** Set when a person's decision recorded on this determination made a new assessment (the provider's next determination). */
  answeredBy?: DecisionRecord;
  /** Set when this assessment was made by recording a person's decision on an earlier determination. */
  answers?: DecisionRecord;
}

/** An earlier determination of an assessment, superseded when it was determined again. */
export interface SupersededDetermination {
  determinationId: string;
  packVersion: string;
  headline: Determination['headline'];
  supersededAt: string;
  supersededBy: string;
  reason: string;
  actor: string | null;
}

/** `POST .../assessments/preview`: the determination of an assessment that was not stored. */
export interface AssessmentPreview {
  stored: false;
  packVersion: string;
  packHash: string;
  determination: Determination;
}

/** One entry of a provider's timeline: a determination's summary. */
export interface TimelineEntry {
  assessmentId: string;
  date: string;
  createdAt: string;
  packVersion: string;
  packHash: string;
  headline: Determination['headline'];
  decisions: Determination['decisions'];
  actions: Determination['actions'];
  schedule: Determination['schedule'];
  /**
   * The decisions people took or overrode in this determination (as the determination's `decidedBy`), set
   * when it has any: among them, those recorded earlier without a reason that now depart from the proposal
   * (`departsWithoutReason`), which the provider page asks the role to confirm with a reason.
   */
  decidedBy?: Determination['decidedBy'];
  /** Set when the determination was made under a version since withdrawn: why it was withdrawn. */
  packVersionWithdrawn?: string;
  /** Set while the assessment's visit record awaits sign-off: the determination is not final. */
  provisional?: true;
  /** Earlier determinations of the same assessment, superseded, oldest first. */
  superseded?: SupersededDetermination[];
  /** Set when a person's decision recorded on this determination made a later entry: who decided what, when and why. */
  answeredBy?: DecisionRecord;
  /** Set when this entry was made by recording a person's decision on an earlier one. */
  answers?: DecisionRecord;
}

/** `GET .../providers/{id}/timeline`: one page of a provider's determinations, oldest first. */
export interface TimelinePage {
  provider: { id: string; name: string };
  timeline: TimelineEntry[];
  nextCursor: string | null;
}
