import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import type { Queryable } from '../store/index.js';
import { recordIdempotentReply } from './index.js';

/** The code of the reply a retry gets when its first reply carried a secret. */
export const SECRET_NOT_KEPT = 'idempotency-secret-not-kept';

/**
 * For a write whose reply carries a secret (a new API token, a password reset code): records, in
 * the write's own transaction, the reply a retry with the same `Idempotency-Key` gets instead of
 * that reply: 409 `idempotency-secret-not-kept` naming what was made (`made`, e.g. `API token
 * "…"`) and what to do (`instead`). The secret is shown once, in the first reply, and stored
 * nowhere; nothing is made twice. Does nothing when the request has no key.
 * @example await recordSecretWithheld(c, tx, { made: `API token "${id}"`, id, instead: 'revoke it and make another' });
 */
export async function recordSecretWithheld(
  c: Context<AppEnv>,
  tx: Queryable,
  args: { made: string; id: string; instead: string },
): Promise<void> {
  const refusal = new HttpError(
    409,
    SECRET_NOT_KEPT,
    `The first request with this Idempotency-Key made ${args.made}; its reply held a secret, shown once and not kept, so it cannot be sent again: ${args.instead}`,
    { details: [{ header: 'Idempotency-Key', message: `its request made ${args.made}; the secret in its reply is not kept`, id: args.id }] },
  );
  await recordIdempotentReply(c, tx, 409, refusal.toJSON());
}
