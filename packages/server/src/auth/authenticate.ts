import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { ANONYMOUS, principalFromSession, principalFromToken } from './principal.js';
import { hashSecret } from './secrets.js';

/** Name of the HTTP-only session cookie. */
export const SESSION_COOKIE = 'qaf_session';
/** Header a session's unsafe requests must carry (the CSRF token from login or `/api/auth/me`). */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a session whose password is temporary may still do: see who it is, change the password, sign out. */
const WHILE_PASSWORD_TEMPORARY = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout']);

/**
 * Works out who is calling (bearer API token, else session cookie, else anonymous) and,
 * for cookie sessions, refuses unsafe requests without the session's CSRF token, and everything
 * but changing the password while the user's password is a temporary one an admin set.
 * A bearer token that is unknown, expired or revoked is a 401, never a silent downgrade.
 * Token lookups are remembered for a few seconds, and forgotten as soon as anything that could
 * stop the token working changes (see `TokenCache`); concurrent requests with a token not
 * remembered share one lookup. Sessions are not remembered.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, tokenCache } = c.get('services');
    const authorization = c.req.header('authorization');
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw new HttpError(401, 'unauthenticated', 'Authorization must be "Bearer <token>"');
      const tokenHash = hashSecret(match[1]!);
      let principal = tokenCache.get(tokenHash);
      if (!principal) {
        // Requests carrying the same token meanwhile share this one lookup; a live token is remembered.
        const found = await tokenCache.lookUp(tokenHash, () => principalFromToken(db, tokenHash));
        if (!found) throw new HttpError(401, 'unauthenticated', 'The API token is unknown or was revoked (or its user is disabled)');
        if ('expiredAt' in found) {
          throw new HttpError(401, 'token-expired', `The API token expired at ${found.expiredAt.toISOString()}: create a new one`);
        }
        principal = found.live.principal;
      }
      c.set('principal', principal);
      return next();
    }
    // Signing in never acts as an existing session, so a stale cookie cannot block it.
    const session = c.req.path === '/api/auth/login' ? undefined : getCookie(c, SESSION_COOKIE);
    const principal = session ? await principalFromSession(db, hashSecret(session)) : undefined;
    if (principal) {
      if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== principal.csrfToken) {
        throw new HttpError(403, 'csrf', `Missing or wrong ${CSRF_HEADER} header for this session`);
      }
      if (principal.mustChangePassword && !WHILE_PASSWORD_TEMPORARY.has(`${c.req.method} ${c.req.path}`)) {
        throw new HttpError(
          403,
          'password-change-required',
          'Your password was set by an admin and is temporary: choose your own with POST /api/auth/password first',
        );
      }
      c.set('principal', principal);
    } else {
      c.set('principal', ANONYMOUS);
    }
    return next();
  };
}
