/**
 * Shapes of the OpenQAF API's replies, as the admin UI reads them.
 * The engine's own types (Pack, Determination, ...) come from `@openqaf/engine`.
 * @see ../../../../docs/api.md
 */
import type { AnalysisReport, CaseResult, Determination, Pack, PackChange, PackError, TraceEntry } from '@openqaf/engine';

/** CaseResult: one case's outcome; PackChange: one change of the readable diff. */
export type { AnalysisReport, CaseResult, Determination, Pack, PackChange, PackError, TraceEntry };
/** The server's reply shapes: the council's working draft, a provider location with its latest determination's summary, what-if. */
export type { Draft, Provider, WhatIfChange, WhatIfReport } from '@openqaf/server';

/** A role a user holds in one council, weakest first: viewer < officer < council-admin. */
export type CouncilRole = 'viewer' | 'officer' | 'council-admin';

/** `GET /api/auth/me`: who is signed in. */
export interface Me {
  user: { id: string; email: string; name: string; platformAdmin: boolean } | null;
  roles: Record<string, CouncilRole>;
  csrfToken: string | null;
}

/** A council with its current published version. */
export interface CouncilSummary {
  id: string;
  name: string;
  currentVersion: { version: string; hash: string; publishedAt: string; effectiveFrom: string } | null;
}

/** A published pack version's record. */
export interface PackVersionRecord {
  id: string;
  councilId: string;
  version: string;
  hash: string;
  effectiveFrom: string;
  publishedAt: string;
  author: string | null;
  note: string | null;
  acknowledged?: unknown;
  pack?: Pack;
}


/** `PUT /draft` and `POST /draft/validate`. */
export interface DraftValidation {
  revision: number;
  valid: boolean;
  errors: PackError[];
}


/** `POST /draft/cases`. */
export interface CaseRun {
  revision: number;
  passed: number;
  failed: number;
  results: CaseResult[];
}

/** `POST /draft/analyse`. */
export interface AnalysisRun {
  revision: number;
  findings: number;
  report: AnalysisReport;
}


/** `GET /diff`. */
export interface PackDiffReply {
  from: string;
  to: string;
  changes: PackChange[];
}



/** One entry of a provider's timeline. */
export interface TimelineEntry {
  assessmentId: string;
  date: string;
  packVersion: string;
  packHash: string;
  headline: Determination['headline'];
  decisions: Record<string, unknown>;
  actions: Determination['actions'];
  schedule: Determination['schedule'];
}

/** What an officer records. */
export interface AssessmentBody {
  providerId: string;
  date: string;
  judgements?: Record<string, string>;
  facts?: Record<string, unknown>;
  note?: string;
}

/** A stored assessment with its determination. */
export interface StoredAssessment {
  id: string;
  providerId: string;
  date: string;
  input?: AssessmentBody;
  packVersion: string;
  packHash: string;
  determination: Determination;
}

/** `POST /assessments/preview`. */
export interface AssessmentPreview {
  stored: false;
  packVersion: string;
  packHash: string;
  determination: Determination;
}
