/**
 * Types the admin UI reads: the engine's own (Pack, Determination, ...) from `@openqaf/engine`,
 * and the API's request and reply shapes from `@openqaf/server`, where the routes declare them
 * (the client, `hc<AppType>`, is typed from the same declarations). Nothing here restates them.
 * @see ../../../../docs/api.md
 */
import type { AnalysisReport, CaseResult, Determination, Pack, PackChange, PackError, TraceEntry } from '@openqaf/engine';
import type { MeReply } from '@openqaf/server';

/** CaseResult: one case's outcome; PackChange: one change of the readable diff. */
export type { AnalysisReport, CaseResult, Determination, Pack, PackChange, PackError, TraceEntry };
/** The server's request and reply shapes. */
export type {
  AssessmentBody,
  AssessmentPreview,
  AssessmentRecord,
  CouncilSummary,
  Draft,
  DraftValidation,
  PackDiffReply,
  PackVersion,
  PackVersionWithPack,
  Provider,
  TimelineEntry,
  WhatIfChange,
  WhatIfReport,
} from '@openqaf/server';
/** `POST .../draft/cases` and `POST .../draft/analyse`. */
export type { CasesReply as CaseRun, AnalysisReply as AnalysisRun } from '@openqaf/server';

/** A role a user holds in one council, weakest first: viewer < officer < council-admin (UI-side: role checks). */
export type CouncilRole = 'viewer' | 'officer' | 'council-admin';

/** What the UI keeps of `GET /api/auth/me` (and of sign-in): who is signed in, their roles, the CSRF token. */
export type Me = Pick<MeReply, 'user' | 'roles' | 'csrfToken'> & Partial<Pick<MeReply, 'providerOf' | 'mustChangePassword'>>;
