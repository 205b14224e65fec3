import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import { recordAudit } from '../audit/record.js';
import { requireCouncil } from '../councils/council-lookup.js';
import { HttpError, notFound } from '../http-error.js';
import { readBody } from '../request-body.js';
import { isUniqueViolation } from '../store/errors.js';
import { createApiToken, listApiTokens, requireTokenAdmin, revokeApiToken, revokeUserTokens } from './api-tokens.js';
import type { TokenRequest } from './api-tokens.js';
import { SESSION_COOKIE } from './authenticate.js';
import { addressGroup, clientAddress } from './client-address.js';
import { requireCouncilRole, requirePlatformAdmin, requireScope } from './guards.js';
import { LoginThrottle } from './login-throttle.js';
import type { LoginLimits } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { principalFromSession } from './principal.js';
import type { CouncilRole } from './roles.js';
import {
  changePasswordBodySchema,
  createUserBodySchema,
  loginBodySchema,
  memberBodySchema,
  tokenBodySchema,
} from './schemas.js';
import { hashSecret, newSecret } from './secrets.js';
import { userAdminRoutes } from './user-admin.js';
import { createUser, listUsers } from './users.js';

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

/**
 * Sign-in and account routes (login, logout, me, password, API tokens), user management
 * for platform admins, and council membership for council admins.
 */
export function authRoutes(options: AuthRoutesOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const throttle = new LoginThrottle(options.loginLimits ?? {}, options.now ?? (() => new Date()));
  const { windowSeconds } = throttle.limits;
  const windowText = windowSeconds % 60 === 0 ? `${windowSeconds / 60} min` : `${windowSeconds} s`;

  app.post('/api/auth/login', async (c) => {
    const { db, secureCookies, now, log } = c.var.services;
    const body = await readBody<{ email: string; password: string }>(c, loginBodySchema);
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
    return c.json({ user: principal!.user, roles: principal!.roles, csrfToken: csrf });
  });

  app.post('/api/auth/logout', async (c) => {
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
  });

  app.get('/api/auth/me', (c) => {
    const p = c.var.principal;
    return c.json({
      user: p.user ?? null,
      roles: p.roles,
      via: p.via,
      scopes: p.scopes,
      tokenExpiresAt: p.token?.expiresAt ?? null,
      csrfToken: p.csrfToken ?? null,
    });
  });

  app.post('/api/auth/password', async (c) => {
    // Through an API token only with the `admin` scope: it revokes every token, this one too.
    const user = requireScope(c, 'admin');
    const body = await readBody<{ currentPassword: string; newPassword: string }>(c, changePasswordBodySchema);
    const { db, tokenCache } = c.var.services;
    const [row] = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    if (!row || !(await verifyPassword(body.currentPassword, row.password_hash))) {
      throw new HttpError(403, 'bad-credentials', 'The current password is wrong');
    }
    const hash = await hashPassword(body.newPassword);
    const session = c.var.principal.via === 'session' ? getCookie(c, SESSION_COOKIE) : undefined;
    await db.transaction(async (tx) => {
      await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [user.id, hash]);
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
  });

  app.get('/api/auth/tokens', async (c) => {
    const user = requireTokenAdmin(c);
    return c.json({ tokens: await listApiTokens(c.var.services.db, user.id) });
  });

  app.post('/api/auth/tokens', async (c) => {
    const user = requireTokenAdmin(c);
    const body = await readBody<TokenRequest>(c, tokenBodySchema);
    return c.json(await createApiToken(c, user, body), 201);
  });

  app.delete('/api/auth/tokens/:id', async (c) => {
    const user = requireTokenAdmin(c);
    await revokeApiToken(c, user, c.req.param('id'));
    return c.body(null, 204);
  });

  app.get('/api/users', async (c) => {
    requirePlatformAdmin(c);
    return c.json({ users: await listUsers(c.var.services.db) });
  });

  app.post('/api/users', async (c) => {
    const admin = requirePlatformAdmin(c);
    const body = await readBody<{ email: string; name?: string; password: string; platformAdmin?: boolean; roles?: Record<string, CouncilRole> }>(
      c,
      createUserBodySchema,
    );
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
    const users = await listUsers(db);
    return c.json(users.find((u) => u.id === id), 201);
  });

  app.route('/', userAdminRoutes(throttle));

  app.get('/api/councils/:council/members', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    requireCouncilRole(c, council.id, 'council-admin');
    requireScope(c, 'admin');
    const rows = await c.var.services.db.query<{ id: string; email: string; name: string; role: string }>(
      `SELECT u.id, u.email, u.name, r.role FROM council_roles r JOIN users u ON u.id = r.user_id
        WHERE r.council_id = $1 ORDER BY u.email`,
      [council.id],
    );
    return c.json({ members: rows });
  });

  app.put('/api/councils/:council/members/:userId', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const admin = requireCouncilRole(c, council.id, 'council-admin');
    requireScope(c, 'admin');
    const { role } = await readBody<{ role: CouncilRole }>(c, memberBodySchema);
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
  });

  app.delete('/api/councils/:council/members/:userId', async (c) => {
    const council = await requireCouncil(c, c.req.param('council'));
    const admin = requireCouncilRole(c, council.id, 'council-admin');
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

  return app;
}
