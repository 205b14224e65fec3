import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { sha256Text } from '../audit/content-hash.js';
import { hashLikePassword } from '../auth/passwords.js';
import { HttpError } from '../http-error.js';
import type { Queryable } from '../store/index.js';
import { claimKey, DEFAULT_IDEMPOTENCY_LEASE_SECONDS, purgeExpiredKeys, recordReply, releaseKey } from './keys.js';
import type { RecordedReply } from './keys.js';
import { markingDb } from './marking-db.js';
import { inOneCommit } from './request-in-commit.js';
import { PASSWORD_IN_BODY, WRITE_ROUTES, writeRouteOf } from './write-routes.js';

export { DEFAULT_IDEMPOTENCY_LEASE_SECONDS, IDEMPOTENCY_KEY_TTL_SECONDS } from './keys.js';
export type { IdempotentRequest } from './keys.js';

/** Options of {@link idempotency}. */
export interface IdempotencyOptions {
  /** Seconds a first request holds its key before a retry may take it over (default 60). */
  leaseSeconds?: number;
}

/** Methods that write, and so honour `Idempotency-Key`. */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A key is 1 to 255 visible ASCII characters (a UUID is the usual choice). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Reply headers kept with the reply and sent again on a replay. */
const REPLAYED_HEADERS = ['content-type', 'etag', 'location', 'content-disposition'];
/** Expired keys are purged at most this often per server. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Honours an `Idempotency-Key` request header on every write (POST, PUT, PATCH, DELETE) of a
 * signed-in caller: the same key, caller, method, path and body is answered with the original
 * status and body (and `Idempotent-Replayed: true`), never written twice; the same key with a
 * different request is 422; a key whose first request is still under way is 409.
 *
 * The writes that matter most (assessment submission, provider creation, draft save, publish)
 * record the reply in their own transaction with {@link recordIdempotentReply}; the officers' work
 * (visits, decisions, re-determinations, reports, provider changes) runs in one transaction from its first write
 * that records its reply (`request-in-commit.ts`): a retry after a crash between their commit and
 * the reply is answered with that reply. A reply holding a secret is never kept (`secret-withheld.ts`).
 * Every other write marks the key written in its own commit (`marking-db.ts`) and records the
 * reply just after: a retry after such a crash is 409 `idempotency-reply-lost`, never a second
 * write. A refused request (4xx) lets go of its key; so does a failure (5xx) that wrote nothing.
 * See docs/api.md, "Idempotent writes", and `write-routes.ts` for every write route.
 * @example app.use('/api/*', idempotency());
 */
export function idempotency(options: IdempotencyOptions = {}): MiddlewareHandler<AppEnv> {
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_IDEMPOTENCY_LEASE_SECONDS;
  let lastPurge = 0;
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    const caller = c.get('principal')?.user?.id;
    if (key === undefined || !caller || !WRITE_METHODS.has(c.req.method)) return next();
    const url = new URL(c.req.url);
    const route = writeRouteOf(c.req.method, url.pathname);
    const guard = route === undefined ? undefined : WRITE_ROUTES[route];
    // Signing in (or out) keeps nothing for a key, even from a caller already signed in.
    if (guard?.kind === 'not-signed-in') return next();
    if (!KEY_PATTERN.test(key)) {
      throw new HttpError(400, 'invalid-header', 'Idempotency-Key must be 1 to 255 visible ASCII characters', {
        details: [{ header: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters, e.g. a UUID' }],
      });
    }
    const { db, log } = c.get('services');
    if (Date.now() - lastPurge > PURGE_INTERVAL_MS) {
      lastPurge = Date.now();
      purgeExpiredKeys(db).catch((error: Error) => log(`[idempotency] purging expired keys failed: ${error.message}`));
    }
    const sent = `${c.req.method} ${url.pathname}${url.search}\n${await c.req.text()}`;
    // A body holding a password is hashed as a password is (see PASSWORD_IN_BODY).
    const requestHash = route !== undefined && PASSWORD_IN_BODY.has(route) ? await hashLikePassword(sent, `${caller}\n${key}`) : sha256Text(sent);
    const claim = await claimKey(db, { caller, key, requestHash, leaseSeconds });
    if (claim.kind === 'different-request') {
      throw new HttpError(422, 'idempotency-key-reused', 'This Idempotency-Key was used for a different request: use a new key', {
        details: [{ header: 'Idempotency-Key', message: 'already used with another method, path or body' }],
      });
    }
    if (claim.kind === 'in-progress') {
      throw new HttpError(409, 'idempotency-key-in-use', 'The first request with this Idempotency-Key is still under way: retry later', {
        details: [{ header: 'Idempotency-Key', message: 'in use by a request still under way' }],
        headers: { 'Retry-After': '1' },
      });
    }
    if (claim.kind === 'written-reply-lost') {
      throw new HttpError(409, 'idempotency-reply-lost', 'The first request with this Idempotency-Key was written, but its reply was lost: read the result back (nothing was written again)', {
        details: [{ header: 'Idempotency-Key', message: 'its request was written; its reply was not recorded' }],
      });
    }
    if (claim.kind === 'replay') {
      return new Response(claim.reply.body === '' ? null : claim.reply.body, {
        status: claim.reply.status,
        headers: { ...claim.reply.headers, 'idempotent-replayed': 'true' },
      });
    }
    const request = claim.request;
    c.set('idempotency', request);
    const services = c.get('services');
    try {
      if (guard?.kind === 'request-in-commit') {
        // The whole request in one commit with its reply (see request-in-commit.ts).
        await inOneCommit(c, next, request, replyOf, keyTakenOver);
      } else {
        // Every write of this request marks the key in its own commit (see marking-db.ts).
        c.set('services', { ...services, db: markingDb(services.db, request) });
        await next();
      }
    } catch (error) {
      // Refused (4xx): the request may be sent again. Otherwise a write that committed keeps the key.
      const refused = error instanceof HttpError && error.status < 500;
      await releaseKey(db, request, refused).catch(() => undefined);
      throw error;
    }
    const res = c.res;
    if (res.status >= 200 && res.status < 300) {
      if (!request.recorded) {
        await recordReply(db, request, await replyOf(res));
      }
    } else {
      // Refused, or failed as a reply the handler chose: the request may be sent again. (A key
      // whose reply a write recorded in its own commit is not released.)
      await releaseKey(db, request, res.status < 500);
    }
  };
}

/** The reply kept for a key: status, the headers a replay sends again, and the body. */
async function replyOf(res: Response): Promise<RecordedReply> {
  const kept: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return { status: res.status, headers: kept, body: await res.clone().text() };
}

/**
 * Records the reply of an idempotent request inside the write's own transaction, so the write
 * and its key commit together. Does nothing when the request has no key. Throws 409 (rolling the
 * write back) when a retry took the key over meanwhile.
 * @example await db.transaction(async (tx) => { ...write...; await recordIdempotentReply(c, tx, 201, body); });
 */
export async function recordIdempotentReply(
  c: Context<AppEnv>,
  tx: Queryable,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<void> {
  const request = c.get('idempotency');
  if (!request) return;
  const recorded = await recordReply(tx, request, {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!recorded) throw keyTakenOver();
  request.recorded = true;
}

/** 409 for an attempt whose key a retry took over after its lease ran out. */
export function keyTakenOver(): HttpError {
  return new HttpError(409, 'idempotency-key-in-use', 'A retry with this Idempotency-Key took it over: this attempt wrote nothing');
}
