import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/index.js';

/** How long a key is remembered: a retry within this time is answered from the record. */
export const IDEMPOTENCY_KEY_TTL_SECONDS = 24 * 60 * 60;

/**
 * How long a first request holds its key. A retry meanwhile gets 409; after it (the server that
 * took the key crashed or lost the store), a retry takes the key over and runs the write again,
 * which is safe for the writes that record their key in their own transaction: had that write
 * committed, the key would hold its reply.
 */
export const DEFAULT_IDEMPOTENCY_LEASE_SECONDS = 60;

/** A request that holds its idempotency key: who, which key, and which attempt at it. */
export interface IdempotentRequest {
  caller: string;
  key: string;
  /** This attempt's id: only it may complete the key (a takeover gets a new one). */
  attempt: string;
  /** Set once the reply is recorded in the write's own transaction. */
  recorded: boolean;
}

/** A reply recorded for a key. */
export interface RecordedReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The status a key holds once a write of its request has committed and before its reply is
 * recorded (see {@link markWritten}): never an HTTP status, so never replayed.
 */
export const WRITTEN_STATUS = 0;

/** What claiming a key found. */
export type Claim =
  | { kind: 'claimed'; request: IdempotentRequest }
  | { kind: 'replay'; reply: RecordedReply }
  | { kind: 'in-progress' }
  | { kind: 'written-reply-lost' }
  | { kind: 'different-request' };

interface KeyRow {
  request_hash: string;
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  locked: boolean;
}

/**
 * Takes the key for this request, or says why not. A key is free when it is new, expired, or
 * held by an earlier attempt at the same request whose lease ran out.
 */
export async function claimKey(
  db: Queryable,
  args: { caller: string; key: string; requestHash: string; leaseSeconds: number },
): Promise<Claim> {
  const attempt = randomUUID();
  const claimed = await db.query(
    `INSERT INTO idempotency_keys (caller, key, request_hash, attempt, locked_until)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
     ON CONFLICT (caller, key) DO UPDATE
       SET request_hash = EXCLUDED.request_hash, attempt = EXCLUDED.attempt, status = NULL, headers = NULL,
           body = NULL, created_at = now(), locked_until = EXCLUDED.locked_until
       WHERE idempotency_keys.created_at < now() - make_interval(secs => $6)
          OR (idempotency_keys.status IS NULL AND idempotency_keys.locked_until < now()
              AND idempotency_keys.request_hash = EXCLUDED.request_hash)
     RETURNING 1`,
    [args.caller, args.key, args.requestHash, attempt, args.leaseSeconds, IDEMPOTENCY_KEY_TTL_SECONDS],
  );
  if (claimed.length > 0) return { kind: 'claimed', request: { caller: args.caller, key: args.key, attempt, recorded: false } };
  // Held by someone else. A fresh statement (snapshot) sees it even if it committed just now.
  const [row] = await db.query<KeyRow>('SELECT request_hash, status, headers, body, locked_until > now() AS locked FROM idempotency_keys WHERE caller = $1 AND key = $2', [
    args.caller,
    args.key,
  ]);
  if (!row) return claimKey(db, args);
  if (row.request_hash !== args.requestHash) return { kind: 'different-request' };
  if (row.status === null) return { kind: 'in-progress' };
  // A write of the first attempt committed and its reply was never recorded: under way while its
  // lease lasts; after it, the attempt ended without a reply (the server crashed or lost the store).
  if (row.status === WRITTEN_STATUS) return row.locked ? { kind: 'in-progress' } : { kind: 'written-reply-lost' };
  return { kind: 'replay', reply: { status: row.status, headers: row.headers ?? {}, body: row.body ?? '' } };
}

/**
 * Records the reply for a held key. Inside a write's transaction this makes the key and the
 * write one: both commit or neither. False when this attempt no longer holds the key.
 */
export async function recordReply(db: Queryable, request: IdempotentRequest, reply: RecordedReply): Promise<boolean> {
  const rows = await db.query(
    `UPDATE idempotency_keys SET status = $4, headers = $5, body = $6
      WHERE caller = $1 AND key = $2 AND attempt = $3 AND (status IS NULL OR status = ${WRITTEN_STATUS}) RETURNING 1`,
    [request.caller, request.key, request.attempt, reply.status, JSON.stringify(reply.headers), reply.body],
  );
  return rows.length > 0;
}

/**
 * Marks a held key as written, inside the transaction of a write of its request: if that write
 * commits and the reply is then lost, a retry with the key is refused rather than written again.
 * Does nothing once the reply is recorded.
 */
export async function markWritten(tx: Queryable, request: IdempotentRequest): Promise<void> {
  await tx.query(`UPDATE idempotency_keys SET status = ${WRITTEN_STATUS} WHERE caller = $1 AND key = $2 AND attempt = $3 AND status IS NULL`, [
    request.caller,
    request.key,
    request.attempt,
  ]);
}

/**
 * Lets go of a held key whose request failed, so that it can be sent again: one that wrote nothing,
 * or (`refused`) one the server refused (a 4xx), whose writes, if any, it chose to make.
 */
export async function releaseKey(db: Queryable, request: IdempotentRequest, refused = false): Promise<void> {
  const unrecorded = refused ? `(status IS NULL OR status = ${WRITTEN_STATUS})` : 'status IS NULL';
  await db.query(`DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2 AND attempt = $3 AND ${unrecorded}`, [
    request.caller,
    request.key,
    request.attempt,
  ]);
}

/** Forgets keys older than {@link IDEMPOTENCY_KEY_TTL_SECONDS}. */
export async function purgeExpiredKeys(db: Queryable): Promise<void> {
  await db.query('DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1)', [IDEMPOTENCY_KEY_TTL_SECONDS]);
}
