import { z } from '@hono/zod-openapi';
import { contentHash, sha256Text } from '../audit/content-hash.js';
import { recordAudit } from '../audit/record.js';
import { HttpError, notFound } from '../http-error.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import type { Queryable } from '../store/index.js';
import { revokeUserTokens } from './api-tokens.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword } from './passwords.js';
import { resetPasswordBodySchema, updateUserBodySchema } from './schemas.js';
import { findUser } from './users.js';

/** What a platform admin may change about a user with `PATCH /api/users/{id}`. */
interface UserChanges {
  name?: string;
  disabled?: boolean;
  platformAdmin?: boolean;
}

/**
 * Inside a transaction: waits for any other change to a platform admin's account, then confirms
 * the caller is still an enabled platform admin. Two admins disabling each other at the same
 * moment therefore take turns, and the second is refused, so there is always one left.
 */
async function confirmStillPlatformAdmin(tx: Queryable, adminId: string): Promise<void> {
  const admins = await tx.query<{ id: string }>('SELECT id FROM users WHERE platform_admin AND NOT disabled ORDER BY id FOR UPDATE');
  if (!admins.some((a) => a.id === adminId)) throw new HttpError(403, 'forbidden', 'Only a platform admin may do this');
}

/** Ends every browser session of a user; returns how many there were. */
export async function endSessions(tx: Queryable, userId: string): Promise<number> {
  const rows = await tx.query('DELETE FROM sessions WHERE user_id = $1 RETURNING user_id', [userId]);
  return rows.length;
}

/**
 * Inside a transaction: disables or re-enables a user. Disabling signs them out at once and
 * revokes every API token (re-enabling brings none back). The caller clears the token cache
 * after commit and writes the audit entry with the counts returned.
 */
export async function setUserDisabled(tx: Queryable, userId: string, disabled: boolean): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  await tx.query('UPDATE users SET disabled = $2 WHERE id = $1', [userId, disabled]);
  if (!disabled) return { sessionsEnded: 0, tokensRevoked: 0 };
  return { sessionsEnded: await endSessions(tx, userId), tokensRevoked: await revokeUserTokens(tx, userId) };
}

const userParams = z.object({ id: z.string().openapi({ description: 'User id' }) });

const updateUserRoute = defineRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['users'],
  summary:
    'Disable or re-enable a user (disabling signs them out and revokes their API tokens at once), rename them, or grant or remove platform admin; never your own account',
  access: 'platform-admin',
  request: { params: userParams },
  body: updateUserBodySchema,
});

const resetPasswordRoute = defineRoute({
  method: 'post',
  path: '/api/users/{id}/password',
  tags: ['users'],
  summary:
    "Set a temporary password for a user, which they must change at next sign-in (ends their sessions and revokes their API tokens); your own needs POST /api/auth/password. A one-time reset link (POST /api/users/{id}/password-reset) lets them choose it themselves",
  access: 'platform-admin',
  request: { params: userParams },
  body: resetPasswordBodySchema,
  status: 204,
});

/**
 * Platform admins' user management beyond creating users: disabling and re-enabling an account
 * (`PATCH /api/users/{id}`, also renaming it and granting or removing platform admin), and
 * setting a new password for someone who has lost theirs (`POST /api/users/{id}/password`).
 *
 * Nobody can disable their own account, remove their own platform admin rights, or reset their
 * own password here (that needs the current one, `POST /api/auth/password`), so the platform is
 * never left without an admin who can sign in.
 */
export function userAdminRoutes(throttle: LoginThrottle) {

  return apiRouter()
    .openapi(updateUserRoute, async (c) => {
      const admin = c.var.user;
      const changes = validBody<UserChanges>(c);
      const id = c.req.param('id');
      if (id === admin.id && (changes.disabled === true || changes.platformAdmin === false)) {
        throw new HttpError(
          409,
          'own-account',
          'You cannot disable your own account or remove your own platform admin rights: another platform admin must, so that one always remains',
        );
      }
      const { db, tokenCache } = c.var.services;
      const updated = await db.transaction(async (tx) => {
        await confirmStillPlatformAdmin(tx, admin.id);
        const before = await findUser(tx, id);
        if (!before) throw notFound(`User "${id}"`);
        await tx.query(
          'UPDATE users SET name = COALESCE($2, name), platform_admin = COALESCE($3, platform_admin) WHERE id = $1',
          [id, changes.name ?? null, changes.platformAdmin ?? null],
        );
        const disabling = changes.disabled === true;
        const { sessionsEnded, tokensRevoked } = changes.disabled === undefined
          ? { sessionsEnded: 0, tokensRevoked: 0 }
          : await setUserDisabled(tx, id, changes.disabled);
        const after = (await findUser(tx, id))!;
        await recordAudit(tx, {
          actor: admin.id,
          action: 'user-update',
          entity: 'user',
          entityId: id,
          beforeHash: contentHash(before),
          afterHash: contentHash(after),
          detail: { changes, ...(disabling ? { sessionsEnded, tokensRevoked } : {}) },
        });
        return after;
      });
      // Tokens remember their user and roles: forget them here now (other servers: on the database's notification).
      tokenCache.clear();
      return c.json(updated);
    })
    .openapi(resetPasswordRoute, async (c) => {
      const admin = c.var.user;
      const { password } = validBody<{ password: string }>(c);
      const id = c.req.param('id');
      if (id === admin.id) {
        throw new HttpError(409, 'own-account', 'Change your own password with POST /api/auth/password, which asks for the current one');
      }
      const { db, tokenCache } = c.var.services;
      const hash = await hashPassword(password);
      const email = await db.transaction(async (tx) => {
        await confirmStillPlatformAdmin(tx, admin.id);
        const [user] = await tx.query<{ email: string; password_hash: string }>(
          'SELECT email, password_hash FROM users WHERE id = $1 FOR UPDATE',
          [id],
        );
        if (!user) throw notFound(`User "${id}"`);
        // A password someone else typed is temporary: the user chooses their own at next sign-in.
        await tx.query('UPDATE users SET password_hash = $2, must_change_password = true WHERE id = $1', [id, hash]);
        const sessionsEnded = await endSessions(tx, id);
        const tokensRevoked = await revokeUserTokens(tx, id);
        // Hashes of the stored scrypt strings: they show that the password changed and reveal nothing of it.
        await recordAudit(tx, {
          actor: admin.id,
          action: 'password-reset',
          entity: 'user',
          entityId: id,
          beforeHash: sha256Text(user.password_hash),
          afterHash: sha256Text(hash),
          detail: { sessionsEnded, tokensRevoked, mustChangePassword: true },
        });
        return user.email;
      });
      tokenCache.clear();
      // The user is about to sign in with the new password: earlier failures should not stop them.
      throttle.forgetEmail(email);
      return c.body(null, 204);
    });
}
