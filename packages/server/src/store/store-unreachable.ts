/** Seconds a client is told to wait (`Retry-After`) when the database cannot be reached. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** Socket errors of a database that cannot be reached, or whose connection broke. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a lost connection: class 08 (connection exception), and the server shutting
 * down or refusing (57P01 `admin_shutdown`, which `pg_terminate_backend` sends, 57P02
 * `crash_shutdown`, 57P03 `cannot_connect_now`), and 53300 `too_many_connections`.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What `pg` says when a connection it was using is gone (it gives these errors no code). */
const PG_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
];

/**
 * True when `error` says the database could not be reached or the connection to it was lost
 * (not that a statement was wrong): the request may succeed if sent again later, so the API
 * answers 503 with `Retry-After` rather than 500. A transaction that lost its connection was
 * rolled back by the database, so nothing of it was written; one whose COMMIT was lost may or may
 * not have been, which is what `Idempotency-Key` is for. Covers `AggregateError`s (a host name
 * resolving to several addresses, each refused).
 */
export function isStoreUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.every(isStoreUnreachable);
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  return typeof message === 'string' && code === undefined && PG_MESSAGES.some((m) => message.startsWith(m));
}
