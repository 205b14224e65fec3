import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { recordAudit } from '../audit/record.js';
import { HttpError, notFound } from '../http-error.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import type { Queryable } from '../store/index.js';
import { recordSecretWithheld } from '../idempotency/secret-withheld.js';
import { revokeUserTokens } from './api-tokens.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword } from './passwords.js';
import type { PasswordResetReply } from './replies.js';
import { useResetBodySchema } from './schemas.js';
import { hashSecret, newSecret } from './secrets.js';
import { endSessions } from './user-admin.js';

/** How long a reset code works after it is issued. */
export const RESET_HOURS = 24;

/** The admin UI's page that takes a reset code (in the hash, so the code never reaches a server log). */
export function resetPath(code: string): string {
  return `#/reset-password/${code}`;
}

/**
 * Issues a one-time password reset code for a user, in the caller's transaction: only its hash is
 * stored, it works once, for {@link RESET_HOURS} hours, and replaces any unused code of the user.
 * The user's password, sessions and tokens are untouched until the code is used. Audited
 * (`password-reset-issue`) under the council when a council admin issued it.
 */
export async function issuePasswordReset(
  tx: Queryable,
  args: { userId: string; actor: string; councilId?: string; now: Date },
): Promise<PasswordResetReply> {
  const [user] = await tx.query<{ email: string }>('SELECT email FROM users WHERE id = $1 FOR UPDATE', [args.userId]);
  if (!user) throw notFound(`User "${args.userId}"`);
  const code = newSecret();
  const expiresAt = new Date(args.now.getTime() + RESET_HOURS * 3_600_000);
  const replaced = await tx.query('DELETE FROM password_resets WHERE user_id = $1 RETURNING user_id', [args.userId]);
  await tx.query('INSERT INTO password_resets (token_hash, user_id, issued_by, expires_at) VALUES ($1, $2, $3, $4)', [
    hashSecret(code),
    args.userId,
    args.actor,
    expiresAt,
  ]);
  await recordAudit(tx, {
    actor: args.actor,
    councilId: args.councilId ?? null,
    action: 'password-reset-issue',
    entity: 'user',
    entityId: args.userId,
    detail: { expiresAt: expiresAt.toISOString(), replacedUnused: replaced.length },
  });
  return { userId: args.userId, email: user.email, code, resetPath: resetPath(code), expiresAt: expiresAt.toISOString() };
}

/** `POST` reply of an issued reset, shared by the platform admin's and the council admin's routes. */
export async function issuedReset(c: Context<AppEnv>, userId: string, councilId?: string) {
  const { db, now } = c.var.services;
  const reply = await db.transaction(async (tx) => {
    const issued = await issuePasswordReset(tx, { userId, actor: c.var.user.id, councilId, now: now() });
    // The code is in this reply only: a retry with its Idempotency-Key is told one was issued.
    await recordSecretWithheld(c, tx, {
      made: `a password reset code for user "${userId}" (it works until ${issued.expiresAt})`,
      id: userId,
      instead: 'issue another, which replaces it, and hand that one over',
    });
    return issued;
  });
  c.header('Cache-Control', 'no-store');
  return c.json(reply, 201);
}

const userParams = z.object({ id: z.string().openapi({ description: 'User id' }) });

const issueRoute = defineRoute({
  method: 'post',
  path: '/api/users/{id}/password-reset',
  tags: ['users'],
  summary: `Issue a one-time password reset code and link for a user, shown once (there is no email: hand it over); it works for ${RESET_HOURS} hours and replaces any unused one; never your own account`,
  access: 'platform-admin',
  request: { params: userParams },
  status: 201,
  reply: typed<PasswordResetReply>(),
});

const useRoute = defineRoute({
  method: 'post',
  path: '/api/auth/password-reset',
  tags: ['auth'],
  summary: 'Choose a new password with a one-time reset code from an admin: ends every session and revokes every API token of the user; the code then stops working',
  access: 'public',
  body: typed<{ code: string; newPassword: string }>(useResetBodySchema),
  status: 204,
});

/**
 * One-time password resets: a platform admin issues a code for any user (a council admin for a
 * member, `member-accounts.ts`), and the user chooses a new password with it, signed out of
 * every session and with every API token revoked.
 */
export function passwordResetRoutes(throttle: LoginThrottle) {
  return apiRouter()
    .openapi(issueRoute, async (c) => {
      const id = c.req.param('id');
      if (id === c.var.user.id) {
        throw new HttpError(409, 'own-account', 'Change your own password with POST /api/auth/password, which asks for the current one');
      }
      return issuedReset(c, id);
    })
    .openapi(useRoute, async (c) => {
      const { code, newPassword } = validBody<{ code: string; newPassword: string }>(c);
      const { db, tokenCache } = c.var.services;
      const hash = await hashPassword(newPassword);
      const email = await db.transaction(async (tx) => {
        // Deleted as it is read: a code works once, even when two requests bring it at the same moment.
        const [reset] = await tx.query<{ user_id: string; expired: boolean }>(
          'DELETE FROM password_resets WHERE token_hash = $1 RETURNING user_id, expires_at <= now() AS expired',
          [hashSecret(code)],
        );
        if (!reset || reset.expired) {
          throw new HttpError(400, 'invalid-reset-code', 'The reset code is unknown, already used or expired: ask an admin for a new one', {
            details: [{ pointer: '/code', message: 'unknown, used or expired' }],
          });
        }
        const [user] = await tx.query<{ email: string }>(
          'UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1 RETURNING email',
          [reset.user_id, hash],
        );
        const sessionsEnded = await endSessions(tx, reset.user_id);
        const tokensRevoked = await revokeUserTokens(tx, reset.user_id);
        await recordAudit(tx, {
          actor: reset.user_id,
          action: 'password-reset-use',
          entity: 'user',
          entityId: reset.user_id,
          detail: { sessionsEnded, tokensRevoked },
        });
        return user!.email;
      });
      tokenCache.clear();
      // The user is about to sign in with the new password: earlier failures should not stop them.
      throttle.forgetEmail(email);
      return c.body(null, 204);
    });
}
