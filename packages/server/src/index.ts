/**
 * @openqaf/server: the OpenQAF HTTP API (Hono) over PGlite or PostgreSQL.
 * `createApp` builds the app; `startServer` runs it; `openStore` opens the store.
 */
export { createApp, DEFAULT_BODY_LIMIT } from './app.js';
export type { App, AppOptions } from './app.js';
export { startServer } from './server.js';
export type { RunningServer } from './server.js';
export { loadConfig } from './config.js';
export type { ServerConfig } from './config.js';
export { openStore, migrate } from './store/index.js';
export type { Db, Queryable, StoreOptions } from './store/index.js';
export { seedCouncils } from './seed/index.js';
export { loadCouncilPlugins } from './seed/council-plugins.js';
export { apiRouteList, buildOpenApi } from './api-routes.js';
export type { AppType } from './api-routes.js';
export type { RouteSpec, Access } from './openapi/index.js';
export { HttpError } from './http-error.js';
// Request and reply shapes of the routes (declared once, with the routes; `AppType` carries them too).
export type { Draft } from './packs/drafts.js';
export type { PublishBody } from './packs/index.js';
export type { CriteriaImportReply } from './packs/draft-criteria.js';
export type { AnalysisReply, CasesReply, DraftValidation, InForceReply, PackDiffReply, PackVersionWithPack, ValidationReply } from './packs/replies.js';
export type { PackVersion } from './packs/versions.js';
export type { BoundaryCoverageReply, BoundaryCoverageResult, ReasonSetAside } from './packs/boundary-coverage-route.js';
export type { Provider } from './providers/provider-record.js';
export type { ProviderField } from './providers/provider-fields.js';
export type { ActionProgress, PlannedAction } from './reports/action-plan.js';
export type { ProviderBody } from './providers/index.js';
export type { CouncilSummary } from './councils/index.js';
export type { AssessmentBody, AssessmentPreview, AssessmentRecord, SubmittedAssessment, TimelineEntry, TimelinePage } from './assessments/replies.js';
export type { MeReply, PasswordResetReply, SessionReply } from './auth/replies.js';
export type { WhatIfReport, WhatIfChange } from './what-if/index.js';
export type { ListPage } from './routes/pagination.js';
// The admin screens' shapes: audit entries, users, API tokens, provider import reports.
export type { AuditRecord, AuditFilter } from './audit/index.js';
export type { UserView } from './auth/users.js';
export type { ApiTokenView, TokenRequest } from './auth/api-tokens.js';
export type { ImportReport, ImportRowResult, ImportRowError } from './providers/csv-import.js';
// The provider report and its challenge (issue 12).
export type { ProviderReport, ReportBand, ReportCriterion, ChallengeWindow } from './reports/provider-report.js';
export type { ReportComment, CommentAnswer, ReportStatus } from './reports/report-comment.js';
