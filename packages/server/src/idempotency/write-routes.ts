/**
 * How each write route (POST, PUT, PATCH, DELETE) of the API keeps a retry from writing twice.
 * Every one sent by a signed-in caller with an `Idempotency-Key` is replayed from its recorded
 * reply (`idempotency()`); what differs is a retry after the first reply was lost (a crash or a
 * lost connection between the write's commit and the reply being recorded):
 *
 * - `reply-in-commit`: the route records its reply in the write's own commit
 *   (`recordIdempotentReply`): the retry is answered with that reply.
 * - `marked`: each of its writes marks the key in its own commit (`marking-db.ts`): the retry is a
 *   409 `idempotency-reply-lost` saying so, never a second write.
 * - `no-write`: the route computes and stores nothing: a retry computes the same again.
 * - `not-signed-in`: the route is called before signing in, so there is no caller to keep a key
 *   for; why a retry is harmless is given.
 *
 * `write-routes.test.ts` checks this table against the routes the API declares.
 */
export type WriteRouteGuard =
  | { kind: 'reply-in-commit' }
  | { kind: 'marked' }
  | { kind: 'no-write'; why: string }
  | { kind: 'not-signed-in'; why: string };

const marked = { kind: 'marked' } as const;
const replyInCommit = { kind: 'reply-in-commit' } as const;
const computes = (why: string) => ({ kind: 'no-write', why }) as const;

/** Every write route, by `METHOD path` as declared (OpenAPI path syntax). */
export const WRITE_ROUTES: Readonly<Record<string, WriteRouteGuard>> = {
  'POST /api/auth/login': { kind: 'not-signed-in', why: 'a retry signs in again: one more session, and the failed sign-ins it counts are limits, not data' },
  'POST /api/auth/logout': { kind: 'not-signed-in', why: 'signing out twice ends the same session once' },
  'POST /api/auth/password-reset': { kind: 'not-signed-in', why: 'the reset token is used up by the first request: a retry is refused and changes nothing' },
  'POST /api/auth/password': marked,
  'POST /api/auth/tokens': marked,
  'DELETE /api/auth/tokens/{id}': marked,
  'POST /api/users': marked,
  'PATCH /api/users/{id}': marked,
  'POST /api/users/{id}/password': marked,
  'POST /api/users/{id}/password-reset': marked,
  'POST /api/councils/{council}/members/{userId}/tokens': marked,
  'DELETE /api/councils/{council}/members/{userId}/tokens/{tokenId}': marked,
  'PATCH /api/councils/{council}/members/{userId}': marked,
  'PUT /api/councils/{council}/members/{userId}': marked,
  'DELETE /api/councils/{council}/members/{userId}': marked,
  'POST /api/councils/{council}/members/{userId}/password-reset': marked,
  'POST /api/councils': marked,
  'PUT /api/councils/{council}/draft': replyInCommit,
  'PUT /api/councils/{council}/draft/criteria': replyInCommit,
  'POST /api/councils/{council}/draft/validate': computes('validates the draft or the content sent, storing nothing'),
  'POST /api/councils/{council}/draft/analyse': computes('analyses the draft, storing nothing'),
  'POST /api/councils/{council}/draft/cases': computes('runs the draft\'s cases, storing nothing'),
  'POST /api/councils/{council}/draft/boundary-coverage': computes('measures the draft\'s boundary coverage, storing nothing'),
  'POST /api/councils/{council}/draft/cases/accept': marked,
  'POST /api/councils/{council}/draft/publish': replyInCommit,
  'POST /api/councils/{council}/versions/{version}/rollback': marked,
  'POST /api/councils/{council}/providers/import': marked,
  'POST /api/councils/{council}/providers': replyInCommit,
  'PUT /api/councils/{council}/providers/{id}': marked,
  'DELETE /api/councils/{council}/providers/{id}': marked,
  'PUT /api/councils/{council}/providers/{id}/officer/{user}': marked,
  'DELETE /api/councils/{council}/providers/{id}/officer': marked,
  'PUT /api/councils/{council}/providers/{id}/report-users/{user}': marked,
  'DELETE /api/councils/{council}/providers/{id}/report-users/{user}': marked,
  'POST /api/councils/{council}/assessments': replyInCommit,
  'POST /api/councils/{council}/assessments/preview': computes('determines without storing (a preview)'),
  'POST /api/councils/{council}/assessments/{id}/reevaluate': computes('determines a stored assessment again under its stored pack and compares, storing nothing'),
  'POST /api/councils/{council}/assessments/{id}/decisions': marked,
  'POST /api/councils/{council}/redeterminations': marked,
  'POST /api/councils/{council}/visits': marked,
  'PUT /api/councils/{council}/visits/{id}/draft': marked,
  'POST /api/councils/{council}/visits/{id}/submit': marked,
  'POST /api/councils/{council}/visits/{id}/sign-off': marked,
  'POST /api/councils/{council}/visits/{id}/return': marked,
  'POST /api/councils/{council}/visits/{id}/evidence': marked,
  'POST /api/councils/{council}/what-if': computes('compares determinations under the draft with those stored, storing nothing'),
  'POST /api/councils/{council}/actions/complete': marked,
  'POST /api/councils/{council}/assessments/{id}/report/share': marked,
  'POST /api/councils/{council}/assessments/{id}/report/comments': marked,
  'POST /api/councils/{council}/assessments/{id}/report/comments/{comment}/answer': marked,
  'POST /api/councils/{council}/assessments/{id}/report/finalise': marked,
  'PUT /api/councils/{council}/assessments/{id}/report/action-plan': marked,
  'POST /api/councils/{council}/assessments/{id}/report/action-plan/{action}/progress': marked,
  'PUT /api/councils/{council}/report-settings': marked,
};
