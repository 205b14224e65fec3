import { z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { recordAudit } from '../audit/record.js';
import { requireCouncil } from '../councils/council-lookup.js';
import { HttpError, notFound } from '../http-error.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import { listReply, pageOf, pageQuery, pageRequest } from '../routes/pagination.js';
import { councilParams } from '../routes/query.js';
import { isUniqueViolation } from '../store/errors.js';
import { createApiToken, listApiTokens, requireTokenAdmin, revokeApiToken, revokeUserTokens } from './api-tokens.js';
import type { TokenRequest } from './api-tokens.js';
import { SESSION_COOKIE } from './authenticate.js';
import { addressGroup, clientAddress } from './client-address.js';
import { requireScope } from './guards.js';
import { LoginThrottle } from './login-throttle.js';
import type { LoginLimits } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { principalFromSession } from './principal.js';
import type { MeReply, SessionReply } from './replies.js';
import type { CouncilRole } from './roles.js';
import {
  changePasswordBodySchema,
  createUserBodySchema,
  loginBodySchema,
  memberBodySchema,
  tokenBodySchema,
} from './schemas.js';
import { hashSecret, newSecret } from './secrets.js';
import { memberParams } from './administered-member.js';
import { memberAccountRoutes } from './member-accounts.js';
import { memberTokenRoutes } from './member-tokens.js';
import { passwordResetRoutes } from './password-resets.js';
import { userAdminRoutes } from './user-admin.js';
import { createUser, findUser, listUsers } from './users.js';

export { authenticate, SESSION_COOKIE, CSRF_HEADER } from './authenticate.js';
export { ensureFirstAdmin } from './bootstrap.js';
export { DEFAULT_LOGIN_LIMITS, LoginThrottle } from './login-throttle.js';
export type { LoginLimits } from './login-throttle.js';
export type { Principal } from './principal.js';
export type { CouncilRole } from './roles.js';

/** How long a session lasts. */
export const SESSION_HOURS = 12;

// Verifying against a real hash for unknown emails keeps login time the same either way.
const decoyHash = hashPassword(newSecret());

/** How sign-in is protected against password guessing. */
export interface AuthRoutesOptions {
  /** Failed sign-ins allowed per email and per client address (see `LoginThrottle`). */
  loginLimits?: Partial<LoginLimits>;
  /** Reverse proxies in front that append to `X-Forwarded-For` (default 0: trust none; see `clientAddress`). */
  trustedProxyHops?: number;
  /** The app's clock, for the sign-in limits' window. */
  now?: () => Date;
}

const tokenParams = z.object({ id: z.string().openapi({ description: 'API token id' }) });

const loginRoute = defineRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in: sets the HTTP-only session cookie, returns the CSRF token',
  access: 'public',
  body: typed<{ email: string; password: string }>(loginBodySchema),
  rateLimited: true,
  reply: typed<SessionReply>(),
});

const logoutRoute = defineRoute({ method: 'post', path: '/api/auth/logout', tags: ['auth'], summary: 'Sign out', access: 'public', status: 204 });

const meRoute = defineRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['auth'],
  summary: 'Who is calling: user, roles per council, the providers it is a provider user of, scopes (and token expiry when called with a token), CSRF token',
  access: 'public',
  reply: typed<MeReply>(),
});

const passwordRoute = defineRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['auth'],
  summary: 'Change your password (revokes your API tokens, ends your other sessions; a token needs the admin scope)',
  access: 'signed-in', scope: 'admin',
  body: changePasswordBodySchema,
  status: 204,
});

const tokensRoute = defineRoute({
  method: 'get',
  path: '/api/auth/tokens',
  tags: ['auth'],
  summary: 'Your API tokens with their scopes and expiry (never the secrets; a token needs the admin scope), oldest first (paginated)',
  access: 'signed-in', scope: 'admin',
  request: { query: pageQuery },
  reply: listReply('tokens'),
});

const createTokenRoute = defineRoute({
  method: 'post',
  path: '/api/auth/tokens',
  tags: ['auth'],
  summary: 'Create an API token with scopes and an expiry (the secret is shown once; a token needs the admin scope and cannot make a wider or longer-lived one)',
  access: 'signed-in', scope: 'admin',
  body: tokenBodySchema,
  status: 201,
});

const revokeTokenRoute = defineRoute({
  method: 'delete',
  path: '/api/auth/tokens/{id}',
  tags: ['auth'],
  summary: 'Revoke one of your API tokens, at once on every server (a token needs the admin scope)',
  access: 'signed-in', scope: 'admin',
  request: { params: tokenParams },
  status: 204,
});

const usersRoute = defineRoute({
  method: 'get',
  path: '/api/users',
  tags: ['users'],
  summary: 'Every user with roles, by email (paginated)',
  access: 'platform-admin',
  request: { query: pageQuery },
  reply: listReply('users'),
});

const createUserRoute = defineRoute({
  method: 'post',
  path: '/api/users',
  tags: ['users'],
  summary: 'Create a user, optionally with council roles',
  access: 'platform-admin',
  body: createUserBodySchema,
  status: 201,
});

const membersRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/members',
  tags: ['users'],
  summary: "The council's users, their roles and whether their account is disabled, by email (paginated; a token needs the admin scope)",
  access: 'council-admin', scope: 'admin',
  request: { params: councilParams, query: pageQuery },
  reply: listReply('members'),
});

const putMemberRoute = defineRoute({
  method: 'put',
  path: '/api/councils/{council}/members/{userId}',
  tags: ['users'],
  summary: 'Grant or change a role in the council (a token needs the admin scope)',
  access: 'council-admin', scope: 'admin',
  request: { params: memberParams },
  body: memberBodySchema,
});

const deleteMemberRoute = defineRoute({
  method: 'delete',
  path: '/api/councils/{council}/members/{userId}',
  tags: ['users'],
  summary: "Remove a user's role in the council (a token needs the admin scope)",
  access: 'council-admin', scope: 'admin',
  request: { params: memberParams },
  status: 204,
});

/**
 * Sign-in and account routes (login, logout, me, password, API tokens), user management
 * for platform admins, and council membership for council admins.
 */
export function authRoutes(options: AuthRoutesOptions = {}) {
  const throttle = new LoginThrottle(options.loginLimits ?? {}, options.now ?? (() => new Date()));
  const { windowSeconds } = throttle.limits;
  const windowText = windowSeconds % 60 === 0 ? `${windowSeconds / 60} min` : `${windowSeconds} s`;

  return apiRouter()
    .openapi(loginRoute, async (c) => {
      const { db, secureCookies, now, log } = c.var.services;
      const body = validBody<{ email: string; password: string }>(c);
      const email = body.email.toLowerCase();
      const address = clientAddress(c, options.trustedProxyHops);
      // Refused before the password is looked at, so a locked-out guesser learns nothing.
      const attempt = throttle.attempt(email, address === undefined ? undefined : addressGroup(address));
      if (!attempt.admitted) {
        throw new HttpError(
          429,
          'too-many-attempts',
          `Too many failed sign-ins ${attempt.limitedBy === 'email' ? 'for this email' : 'from this address'}: try again in ${attempt.retryAfterSeconds} seconds`,
          { headers: { 'Retry-After': String(attempt.retryAfterSeconds) } },
        );
      }
      const [user] = await db.query<{ id: string; password_hash: string; disabled: boolean }>(
        'SELECT id, password_hash, disabled FROM users WHERE email = $1',
        [email],
      );
      const ok = await verifyPassword(body.password, user?.password_hash ?? (await decoyHash));
      if (!user || !ok || user.disabled) {
        const from = address ?? 'an unknown address';
        log(`[auth] failed sign-in for ${JSON.stringify(email)} from ${from}`);
        if (attempt.lockedEmail) log(`[auth] sign-in for ${JSON.stringify(email)} refused for up to ${windowText} after repeated failures`);
        if (attempt.lockedAddress) log(`[auth] sign-in from ${from} refused for up to ${windowText} after repeated failures`);
        throw new HttpError(401, 'bad-credentials', 'The email or password is wrong');
      }
      attempt.succeeded();
      const token = newSecret();
      const csrf = newSecret();
      const expires = new Date(now().getTime() + SESSION_HOURS * 3_600_000);
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM sessions WHERE expires_at < now()');
        await tx.query('INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [
          hashSecret(token),
          user.id,
          csrf,
          expires,
        ]);
        await recordAudit(tx, { actor: user.id, action: 'login', entity: 'session', entityId: user.id });
      });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: secureCookies,
        path: '/',
        expires,
      });
      const principal = await principalFromSession(db, hashSecret(token));
      // A session's principal always has its user (the one just signed in).
      return c.json({ user: principal!.user!, roles: principal!.roles, csrfToken: csrf, mustChangePassword: principal!.mustChangePassword ?? false });
    })
    .openapi(logoutRoute, async (c) => {
      const session = getCookie(c, SESSION_COOKIE);
      const user = c.var.principal.user;
      if (session && user) {
        await c.var.services.db.transaction(async (tx) => {
          await tx.query('DELETE FROM sessions WHERE token_hash = $1', [hashSecret(session)]);
          await recordAudit(tx, { actor: user.id, action: 'logout', entity: 'session', entityId: user.id });
        });
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(meRoute, async (c) => {
      const p = c.var.principal;
      const providerOf: Record<string, string[]> = {};
      if (p.user) {
        const grants = await c.var.services.db.query<{ council_id: string; provider_id: string }>(
          'SELECT council_id, provider_id FROM report_provider_users WHERE user_id = $1 ORDER BY council_id, provider_id', [p.user.id]);
        for (const g of grants) (providerOf[g.council_id] ??= []).push(g.provider_id);
      }
      return c.json({
        user: p.user ?? null,
        roles: p.roles,
        via: p.via,
        scopes: p.scopes,
        tokenExpiresAt: p.token?.expiresAt ?? null,
        csrfToken: p.csrfToken ?? null,
        mustChangePassword: p.mustChangePassword ?? false,
        providerOf,
      });
    })
    .openapi(passwordRoute, async (c) => {
      // Through an API token only with the `admin` scope: it revokes every token, this one too.
      const user = requireScope(c, 'admin');
      const body = validBody<{ currentPassword: string; newPassword: string }>(c);
      const { db, tokenCache } = c.var.services;
      const [row] = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
      if (!row || !(await verifyPassword(body.currentPassword, row.password_hash))) {
        throw new HttpError(403, 'bad-credentials', 'The current password is wrong');
      }
      if (c.var.principal.mustChangePassword && body.newPassword === body.currentPassword) {
        throw new HttpError(422, 'invalid-body', 'Choose a new password: the temporary one an admin set cannot be kept', {
          details: [{ pointer: '/newPassword', message: 'must differ from the temporary password' }],
        });
      }
      const hash = await hashPassword(body.newPassword);
      const session = c.var.principal.via === 'session' ? getCookie(c, SESSION_COOKIE) : undefined;
      await db.transaction(async (tx) => {
        await tx.query('UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1', [user.id, hash]);
        // Whoever knew the old password may have made tokens or sessions with it: they all end, bar this session.
        const tokensRevoked = await revokeUserTokens(tx, user.id);
        const ended = await tx.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2 RETURNING user_id', [
          user.id,
          session ? hashSecret(session) : '',
        ]);
        await recordAudit(tx, {
          actor: user.id,
          action: 'password-change',
          entity: 'user',
          entityId: user.id,
          detail: { tokensRevoked, sessionsEnded: ended.length },
        });
      });
      tokenCache.clear();
      return c.body(null, 204);
    })
    .openapi(tokensRoute, async (c) => {
      const user = requireTokenAdmin(c);
      const page = pageRequest(c.req.valid('query'), 2);
      const { items, nextCursor } = pageOf(await listApiTokens(c.var.services.db, user.id, page), page, (t) => [t.createdKey, t.id]);
      return c.json({ tokens: items.map(({ createdKey: _key, ...token }) => token), nextCursor });
    })
    .openapi(createTokenRoute, async (c) => {
      const user = requireTokenAdmin(c);
      const body = validBody<TokenRequest>(c);
      return c.json(await createApiToken(c, user, body), 201);
    })
    .openapi(revokeTokenRoute, async (c) => {
      const user = requireTokenAdmin(c);
      await revokeApiToken(c, user, c.req.param('id'));
      return c.body(null, 204);
    })
    .openapi(usersRoute, async (c) => {
      const page = pageRequest(c.req.valid('query'), 2);
      const { items, nextCursor } = pageOf(await listUsers(c.var.services.db, page), page, (u) => [u.email, u.id]);
      return c.json({ users: items, nextCursor });
    })
    .openapi(createUserRoute, async (c) => {
      const admin = c.var.user;
      const body = validBody<{ email: string; name?: string; password: string; platformAdmin?: boolean; roles?: Record<string, CouncilRole> }>(c);
      const { db } = c.var.services;
      for (const councilId of Object.keys(body.roles ?? {})) await requireCouncil(c, councilId);
      let id: string;
      try {
        id = await db.transaction(async (tx) => {
          const userId = await createUser(tx, { ...body, actor: admin.id });
          for (const [councilId, role] of Object.entries(body.roles ?? {})) {
            await tx.query('INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, $3)', [userId, councilId, role]);
            await recordAudit(tx, { actor: admin.id, councilId, action: 'role-grant', entity: 'council-role', entityId: userId, detail: { role } });
          }
          return userId;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new HttpError(409, 'conflict', `A user with email ${body.email} already exists`);
        throw error;
      }
      c.var.services.tokenCache.clear();
      return c.json(await findUser(db, id), 201);
    })
    .route('/', userAdminRoutes(throttle))
    .route('/', memberTokenRoutes())
    .route('/', memberAccountRoutes())
    .route('/', passwordResetRoutes(throttle))
    .openapi(membersRoute, async (c) => {
      const council = c.var.council;
      requireScope(c, 'admin');
      const page = pageRequest(c.req.valid('query'), 2);
      const after = page.after ? 'AND (u.email, u.id) > ($2, $3)' : '';
      const rows = await c.var.services.db.query<{ id: string; email: string; name: string; role: string; disabled: boolean }>(
        `SELECT u.id, u.email, u.name, r.role, u.disabled FROM council_roles r JOIN users u ON u.id = r.user_id
          WHERE r.council_id = $1 ${after} ORDER BY u.email, u.id LIMIT ${page.limit + 1}`,
        [council.id, ...(page.after ?? [])],
      );
      const { items, nextCursor } = pageOf(rows, page, (m) => [m.email, m.id]);
      return c.json({ members: items, nextCursor });
    })
    .openapi(putMemberRoute, async (c) => {
      const council = c.var.council;
      const admin = c.var.user;
      requireScope(c, 'admin');
      const { role } = validBody<{ role: CouncilRole }>(c);
      const userId = c.req.param('userId');
      await c.var.services.db.transaction(async (tx) => {
        const users = await tx.query('SELECT id FROM users WHERE id = $1', [userId]);
        if (users.length === 0) throw notFound(`User "${userId}"`);
        const [before] = await tx.query<{ role: string }>('SELECT role FROM council_roles WHERE user_id = $1 AND council_id = $2', [userId, council.id]);
        await tx.query(
          `INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (user_id, council_id) DO UPDATE SET role = EXCLUDED.role`,
          [userId, council.id, role],
        );
        await recordAudit(tx, { actor: admin.id, councilId: council.id, action: 'role-grant', entity: 'council-role', entityId: userId, detail: { role, before: before?.role ?? null } });
      });
      c.var.services.tokenCache.clear();
      return c.json({ userId, councilId: council.id, role });
    })
    .openapi(deleteMemberRoute, async (c) => {
      const council = c.var.council;
      const admin = c.var.user;
      requireScope(c, 'admin');
      const userId = c.req.param('userId');
      const removed = await c.var.services.db.transaction(async (tx) => {
        const rows = await tx.query<{ role: string }>('DELETE FROM council_roles WHERE user_id = $1 AND council_id = $2 RETURNING role', [userId, council.id]);
        if (rows.length > 0) {
          await recordAudit(tx, { actor: admin.id, councilId: council.id, action: 'role-revoke', entity: 'council-role', entityId: userId, detail: { role: rows[0]!.role } });
        }
        return rows.length > 0;
      });
      c.var.services.tokenCache.clear();
      if (!removed) throw notFound(`A role of user "${userId}" in council "${council.id}"`);
      return c.body(null, 204);
    });
}
