/** The officer's answer to a provider's comment: accepted or rejected, with the reason. */
export interface CommentAnswer {
  decision: 'accepted' | 'rejected';
  reason: string;
  by: string;
  at: string;
}

/** A provider's factual-accuracy comment on one finding of the shared draft report. */
export interface ReportComment {
  id: string;
  /** The finding commented on: a band's decision instance (`overallRating`, `domainRating.care`) or a criterion id. */
  finding: string;
  comment: string;
  by: string;
  at: string;
  answer?: CommentAnswer;
}

/** Where a report stands: shared as a draft (comments may come in), or final (comments answered and recorded). */
export type ReportStatus = 'shared' | 'final';
