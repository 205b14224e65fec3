/**
 * How each write route (POST, PUT, PATCH, DELETE) of the API keeps a retry from writing twice.
 * Every one sent by a signed-in caller with an `Idempotency-Key` is replayed from its recorded
 * reply (`idempotency()`); what differs is a retry after the first reply was lost (a crash or a
 * lost connection between the write's commit and the reply being recorded):
 *
 * - `reply-in-commit`: the route records its reply in the write's own commit
 *   (`recordIdempotentReply`): the retry is answered with that reply.
 * - `request-in-commit`: the request runs, from its first write, in one transaction that records its reply in the
 *   same commit (`request-in-commit.ts`): the retry is answered with that reply.
 * - `secret-withheld`: the reply holds a secret, shown once and never stored; the route records
 *   in its commit, in its place, a 409 `idempotency-secret-not-kept` naming what it made
 *   (`secret-withheld.ts`): every retry gets that, never the secret, and nothing is made twice.
 * - `marked`: each of its writes marks the key in its own commit (`marking-db.ts`): the retry is a
 *   409 `idempotency-reply-lost` saying so, never a second write; why it is not replayed is given.
 * - `no-write`: the route computes and stores nothing: a retry computes the same again.
 * - `not-signed-in`: the route is called before signing in, so there is no caller to keep a key
 *   for (nor is one kept if a signed-in caller sends one); why a retry is harmless is given.
 *
 * `write-routes.test.ts` checks this table against the routes the API declares.
 */
export type WriteRouteGuard =
  | { kind: 'reply-in-commit' }
  | { kind: 'request-in-commit' }
  | { kind: 'secret-withheld'; why: string }
  | { kind: 'marked'; why: string }
  | { kind: 'no-write'; why: string }
  | { kind: 'not-signed-in'; why: string };

const marked = (why: string) => ({ kind: 'marked', why }) as const;
const replyInCommit = { kind: 'reply-in-commit' } as const;
const requestInCommit = { kind: 'request-in-commit' } as const;
const secret = (why: string) => ({ kind: 'secret-withheld', why }) as const;
const computes = (why: string) => ({ kind: 'no-write', why }) as const;

/** Every write route, by `METHOD path` as declared (OpenAPI path syntax). */
export const WRITE_ROUTES: Readonly<Record<string, WriteRouteGuard>> = {
  'POST /api/auth/login': { kind: 'not-signed-in', why: 'a retry signs in again: one more session, and the failed sign-ins it counts are limits, not data' },
  'POST /api/auth/logout': { kind: 'not-signed-in', why: 'signing out twice ends the same session once' },
  'POST /api/auth/password-reset': { kind: 'not-signed-in', why: 'the reset token is used up by the first request: a retry is refused and changes nothing' },
  'POST /api/auth/password': requestInCommit,
  'POST /api/auth/tokens': secret('the reply holds the new API token\'s secret'),
  'DELETE /api/auth/tokens/{id}': requestInCommit,
  'POST /api/users': requestInCommit,
  'PATCH /api/users/{id}': requestInCommit,
  'POST /api/users/{id}/password': requestInCommit,
  'POST /api/users/{id}/password-reset': secret('the reply holds the one-time reset code and its link'),
  'POST /api/councils/{council}/members/{userId}/tokens': secret('the reply holds the new API token\'s secret'),
  'DELETE /api/councils/{council}/members/{userId}/tokens/{tokenId}': requestInCommit,
  'PATCH /api/councils/{council}/members/{userId}': requestInCommit,
  'PUT /api/councils/{council}/members/{userId}': requestInCommit,
  'DELETE /api/councils/{council}/members/{userId}': requestInCommit,
  'POST /api/councils/{council}/members/{userId}/password-reset': secret('the reply holds the one-time reset code and its link'),
  'POST /api/councils': requestInCommit,
  'PUT /api/councils/{council}/draft': replyInCommit,
  'PUT /api/councils/{council}/draft/criteria': replyInCommit,
  'POST /api/councils/{council}/draft/validate': computes('validates the draft or the content sent, storing nothing'),
  'POST /api/councils/{council}/draft/analyse': computes('analyses the draft, storing nothing'),
  'POST /api/councils/{council}/draft/cases': computes('runs the draft\'s cases, storing nothing'),
  'POST /api/councils/{council}/draft/boundary-coverage': computes('measures the draft\'s boundary coverage, storing nothing'),
  'POST /api/councils/{council}/draft/cases/accept': replyInCommit,
  'POST /api/councils/{council}/draft/publish': replyInCommit,
  'POST /api/councils/{council}/versions/{version}/rollback': replyInCommit,
  'POST /api/councils/{council}/providers/import': marked('its reply lists every row of the file (up to the body limit, megabytes): too large to keep a day for each key; read the providers back'),
  'POST /api/councils/{council}/providers': replyInCommit,
  'PUT /api/councils/{council}/providers/{id}': requestInCommit,
  'DELETE /api/councils/{council}/providers/{id}': requestInCommit,
  'PUT /api/councils/{council}/providers/{id}/officer/{user}': requestInCommit,
  'DELETE /api/councils/{council}/providers/{id}/officer': requestInCommit,
  'PUT /api/councils/{council}/providers/{id}/report-users/{user}': requestInCommit,
  'DELETE /api/councils/{council}/providers/{id}/report-users/{user}': requestInCommit,
  'POST /api/councils/{council}/assessments': replyInCommit,
  'POST /api/councils/{council}/assessments/preview': computes('determines without storing (a preview)'),
  'POST /api/councils/{council}/assessments/{id}/reevaluate': computes('determines a stored assessment again under its stored pack and compares, storing nothing'),
  'POST /api/councils/{council}/assessments/{id}/decisions': requestInCommit,
  'POST /api/councils/{council}/redeterminations': requestInCommit,
  'POST /api/councils/{council}/visits': requestInCommit,
  'PUT /api/councils/{council}/visits/{id}/draft': requestInCommit,
  'POST /api/councils/{council}/visits/{id}/submit': requestInCommit,
  'POST /api/councils/{council}/visits/{id}/sign-off': requestInCommit,
  'POST /api/councils/{council}/visits/{id}/return': requestInCommit,
  'POST /api/councils/{council}/visits/{id}/evidence': requestInCommit,
  'POST /api/councils/{council}/what-if': computes('compares determinations under the draft with those stored, storing nothing'),
  'POST /api/councils/{council}/actions/complete': requestInCommit,
  'POST /api/councils/{council}/assessments/{id}/report/share': requestInCommit,
  'POST /api/councils/{council}/assessments/{id}/report/comments': requestInCommit,
  'POST /api/councils/{council}/assessments/{id}/report/comments/{comment}/answer': requestInCommit,
  'POST /api/councils/{council}/assessments/{id}/report/finalise': requestInCommit,
  'PUT /api/councils/{council}/assessments/{id}/report/action-plan': requestInCommit,
  'POST /api/councils/{council}/assessments/{id}/report/action-plan/{action}/progress': requestInCommit,
  'PUT /api/councils/{council}/report-settings': requestInCommit,
};

/** `METHOD path` of the declared write route a request is for (literal segments before parameters), if any. */
const MATCHERS = Object.keys(WRITE_ROUTES)
  .map((route) => ({ route, params: (route.match(/\{/g) ?? []).length, pattern: new RegExp(`^${route.replace(/\{[^}]+\}/g, '[^/]+')}$`) }))
  .sort((a, b) => a.params - b.params);

/** The declared write route (`METHOD path`) a request is for, if any. */
export function writeRouteOf(method: string, pathname: string): string | undefined {
  const request = `${method} ${pathname}`;
  return MATCHERS.find((m) => m.pattern.test(request))?.route;
}

/**
 * Write routes whose body holds a password (a new one, or the current one): the request is
 * compared with a retry by a hash as slow as a password's (`hashLikePassword`), never a plain
 * SHA-256, which a dump of `idempotency_keys` would let anyone test guesses against quickly.
 */
export const PASSWORD_IN_BODY: ReadonlySet<string> = new Set(['POST /api/auth/password', 'POST /api/users', 'POST /api/users/{id}/password']);
