import { assessmentBodySchema } from '../assessments/schemas.js';
import {
  changePasswordBodySchema,
  createUserBodySchema,
  loginBodySchema,
  memberBodySchema,
  resetPasswordBodySchema,
  tokenBodySchema,
  updateUserBodySchema,
} from '../auth/schemas.js';
import { createCouncilSchema } from '../councils/index.js';
import { publishBodySchema, rollbackBodySchema } from '../packs/schemas.js';
import { providerBodySchema } from '../providers/schemas.js';
import type { JsonSchema } from '../request-body.js';

/** Who may call a route: `public`, `signed-in`, a council role (or higher), or `platform-admin`. */
export type Access = 'public' | 'signed-in' | 'viewer' | 'officer' | 'council-admin' | 'platform-admin';

/** One documented route: the OpenAPI document and docs/api.md are built from this table. */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. `/api/councils/{council}`. */
  path: string;
  summary: string;
  access: Access;
  tag: string;
  body?: JsonSchema | 'pack' | 'csv-or-json';
  query?: Record<string, string>;
  /** Component schema name of the success response, when one is declared. */
  response?: string;
  status?: number;
  ifMatch?: 'required' | 'optional';
  /** Refused with 429 and `Retry-After` after too many failures (sign-in). */
  rateLimited?: true;
}

/** Every API route. */
export const ROUTES: RouteSpec[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness and store check', access: 'public', tag: 'system' },
  { method: 'get', path: '/openapi.json', summary: 'This OpenAPI 3.1 document', access: 'public', tag: 'system' },

  { method: 'post', path: '/api/auth/login', summary: 'Sign in: sets the HTTP-only session cookie, returns the CSRF token', access: 'public', tag: 'auth', body: loginBodySchema, rateLimited: true },
  { method: 'post', path: '/api/auth/logout', summary: 'Sign out', access: 'public', tag: 'auth', status: 204 },
  { method: 'get', path: '/api/auth/me', summary: 'Who is calling: user, roles per council, CSRF token', access: 'public', tag: 'auth' },
  { method: 'post', path: '/api/auth/password', summary: 'Change your password (revokes your API tokens, ends your other sessions; a token needs the admin scope)', access: 'signed-in', tag: 'auth', body: changePasswordBodySchema, status: 204 },
  { method: 'get', path: '/api/auth/tokens', summary: 'Your API tokens with their scopes and expiry (never the secrets; a token needs the admin scope)', access: 'signed-in', tag: 'auth' },
  { method: 'post', path: '/api/auth/tokens', summary: 'Create an API token with scopes and an expiry (the secret is shown once; a token needs the admin scope and cannot make a wider or longer-lived one)', access: 'signed-in', tag: 'auth', body: tokenBodySchema, status: 201 },
  { method: 'delete', path: '/api/auth/tokens/{id}', summary: 'Revoke one of your API tokens, at once on every server (a token needs the admin scope)', access: 'signed-in', tag: 'auth', status: 204 },
  { method: 'get', path: '/api/users', summary: 'Every user with roles', access: 'platform-admin', tag: 'users' },
  { method: 'post', path: '/api/users', summary: 'Create a user, optionally with council roles', access: 'platform-admin', tag: 'users', body: createUserBodySchema, status: 201 },
  { method: 'patch', path: '/api/users/{id}', summary: 'Disable or re-enable a user (disabling signs them out and revokes their API tokens at once), rename them, or grant or remove platform admin; never your own account', access: 'platform-admin', tag: 'users', body: updateUserBodySchema },
  { method: 'post', path: '/api/users/{id}/password', summary: "Set a user's password (ends their sessions and revokes their API tokens); your own needs POST /api/auth/password", access: 'platform-admin', tag: 'users', body: resetPasswordBodySchema, status: 204 },
  { method: 'get', path: '/api/councils/{council}/members', summary: "The council's users and their roles (a token needs the admin scope)", access: 'council-admin', tag: 'users' },
  { method: 'put', path: '/api/councils/{council}/members/{userId}', summary: 'Grant or change a role in the council (a token needs the admin scope)', access: 'council-admin', tag: 'users', body: memberBodySchema },
  { method: 'delete', path: '/api/councils/{council}/members/{userId}', summary: "Remove a user's role in the council (a token needs the admin scope)", access: 'council-admin', tag: 'users', status: 204 },

  { method: 'get', path: '/api/councils', summary: 'Every council with its current published version', access: 'public', tag: 'councils' },
  { method: 'post', path: '/api/councils', summary: 'Add a council (no pack yet: put a draft and publish it)', access: 'platform-admin', tag: 'councils', body: createCouncilSchema, status: 201 },
  { method: 'get', path: '/api/councils/{council}', summary: 'One council with its current published version', access: 'public', tag: 'councils' },

  { method: 'get', path: '/api/councils/{council}/pack', summary: 'The current published pack', access: 'public', tag: 'packs', response: 'PackVersionWithPack' },
  { method: 'get', path: '/api/councils/{council}/pack/in-force', summary: 'The version in force on a date', access: 'public', tag: 'packs', query: { date: 'ISO date (default today)', pack: '"false" to omit the pack content' }, response: 'PackVersionWithPack' },
  { method: 'get', path: '/api/councils/{council}/pack/assessment-schema', summary: 'The JSON Schema of an assessment under the current version (or the one in force on a date)', access: 'public', tag: 'packs', query: { date: 'ISO date' } },
  { method: 'get', path: '/api/councils/{council}/versions', summary: 'Every published version, newest first', access: 'public', tag: 'packs' },
  { method: 'get', path: '/api/councils/{council}/versions/{version}', summary: 'One published version with its pack', access: 'public', tag: 'packs', response: 'PackVersionWithPack' },
  { method: 'get', path: '/api/councils/{council}/diff', summary: "The engine's readable diff of two versions (\"draft\" needs the viewer role)", access: 'public', tag: 'packs', query: { from: 'version or "draft"', to: 'version or "draft"' } },
  { method: 'post', path: '/api/councils/{council}/versions/{version}/rollback', summary: "Publish an earlier version's content as a new version", access: 'council-admin', tag: 'packs', body: rollbackBodySchema, status: 201 },
  { method: 'get', path: '/api/councils/{council}/draft', summary: 'The working draft (ETag = revision)', access: 'viewer', tag: 'drafts' },
  { method: 'put', path: '/api/councils/{council}/draft', summary: 'Save the draft (If-Match required once a draft exists); returns its validation', access: 'council-admin', tag: 'drafts', body: 'pack', ifMatch: 'required' },
  { method: 'post', path: '/api/councils/{council}/draft/validate', summary: 'Validate the draft, or the pack in the body without saving it (validation as you type)', access: 'viewer', tag: 'drafts' },
  { method: 'post', path: '/api/councils/{council}/draft/analyse', summary: 'Analyse the draft (gaps, overlaps, masked rules, cycles)', access: 'viewer', tag: 'drafts' },
  { method: 'post', path: '/api/councils/{council}/draft/cases', summary: "Run the draft's own cases", access: 'viewer', tag: 'drafts' },
  { method: 'post', path: '/api/councils/{council}/draft/publish', summary: 'Publish the draft: refused unless valid, all cases pass and findings are acknowledged', access: 'council-admin', tag: 'drafts', body: publishBodySchema, status: 201, ifMatch: 'optional' },
  { method: 'post', path: '/api/councils/{council}/what-if', summary: "Every provider's latest assessment under the draft and the published pack: who changes", access: 'viewer', tag: 'drafts' },

  { method: 'get', path: '/api/councils/{council}/providers', summary: 'Providers with current rating, next visit due, overdue actions', access: 'viewer', tag: 'providers', query: { q: 'search name or CQC location id', rating: 'only this current rating' } },
  { method: 'post', path: '/api/councils/{council}/providers', summary: 'Add a provider location', access: 'officer', tag: 'providers', body: providerBodySchema, status: 201 },
  { method: 'get', path: '/api/councils/{council}/providers/export', summary: "Providers as CSV; text cells a spreadsheet would run as formulas are written behind a leading `'` (OWASP)", access: 'viewer', tag: 'providers' },
  { method: 'post', path: '/api/councils/{council}/providers/import', summary: 'Import or re-import providers from CSV with a column mapping: a CQC location id the council has updates that provider, others insert; per-row report (inserted / updated / unchanged / rejected); strict = all or nothing; formula-like cells are kept and listed in `warnings`', access: 'council-admin', tag: 'providers', body: 'csv-or-json', query: { strict: '"true": any bad row means nothing is written (text/csv bodies; JSON bodies say it in the body)', onExisting: '"update" (default) or "reject" (text/csv bodies; JSON bodies say it in the body)' } },
  { method: 'get', path: '/api/councils/{council}/providers/{id}', summary: 'One provider (ETag = revision)', access: 'viewer', tag: 'providers' },
  { method: 'put', path: '/api/councils/{council}/providers/{id}', summary: 'Edit a provider (If-Match optional)', access: 'officer', tag: 'providers', body: providerBodySchema, ifMatch: 'optional' },
  { method: 'delete', path: '/api/councils/{council}/providers/{id}', summary: 'Delete a provider that was never assessed', access: 'council-admin', tag: 'providers', status: 204 },
  { method: 'get', path: '/api/councils/{council}/providers/{id}/timeline', summary: 'Every determination of the provider with its pack version', access: 'viewer', tag: 'assessments' },

  { method: 'post', path: '/api/councils/{council}/assessments', summary: 'Submit an assessment: evaluated under the version in force on its date, stored with its determination (returned with its trace unless explain=false)', access: 'officer', tag: 'assessments', body: assessmentBodySchema, status: 201, response: 'StoredAssessment', query: { explain: '"false" to leave the trace out of the reply' } },
  { method: 'post', path: '/api/councils/{council}/assessments/preview', summary: 'Evaluate without storing (live preview)', access: 'officer', tag: 'assessments', body: assessmentBodySchema },
  { method: 'get', path: '/api/councils/{council}/assessments', summary: 'Assessments, newest first', access: 'viewer', tag: 'assessments', query: { providerId: 'only this provider', limit: '1..1000 (100)' } },
  { method: 'get', path: '/api/councils/{council}/assessments/{id}', summary: 'One assessment with its determination (explain=true adds the trace, reproduced under the stored pack hash)', access: 'viewer', tag: 'assessments', query: { explain: '"true" to include the trace' } },
  { method: 'post', path: '/api/councils/{council}/assessments/{id}/reevaluate', summary: 'Re-evaluate under the stored pack hash and compare with the stored determination', access: 'viewer', tag: 'assessments' },

  { method: 'get', path: '/api/councils/{council}/dashboard', summary: 'Providers by rating, actions due or overdue, visits due in the next N days', access: 'viewer', tag: 'dashboard', query: { days: 'window in days (30)', today: 'ISO date (default today)' } },
  { method: 'get', path: '/api/councils/{council}/audit', summary: "The council's audit log, newest first", access: 'council-admin', tag: 'audit', query: { limit: '1..500 (100)', before: 'entries with id below this' } },
  { method: 'get', path: '/api/audit', summary: 'The whole audit log, newest first', access: 'platform-admin', tag: 'audit', query: { limit: '1..500 (100)', before: 'entries with id below this' } },
];
