import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './app-env.js';
import { HttpError } from './http-error.js';
import { isUniqueViolation } from './store/errors.js';
import { isCommitOutcomeUnknown } from './store/commit-outcome-unknown.js';
import { isStoreUnreachable, STORE_RETRY_AFTER_SECONDS } from './store/store-unreachable.js';

/** The words of a 503 `outcome-unknown`: what may have happened, and how to find out. */
export const OUTCOME_UNKNOWN_MESSAGE =
  'The connection to the database was lost while this change was being committed, so it may or may not have been stored. ' +
  'To find out, send the same request again with the same Idempotency-Key (if it was stored, you get its first reply back and nothing is stored twice), ' +
  'or read it back before sending it again without one';

/**
 * The one place errors become responses, all in the one shape
 * `{ "error": { "status", "code", "message", "details"? } }`. A database that cannot be reached
 * (or a connection lost mid-request) is a 503 `store-unavailable` with `Retry-After`, and a
 * connection lost while a write's COMMIT was in flight a 503 `outcome-unknown` (it may have been
 * stored, see {@link OUTCOME_UNKNOWN_MESSAGE}); other
 * unexpected errors are logged and answered with a 500 that reveals nothing internal.
 */
export function errorHandler(): ErrorHandler<AppEnv> {
  return (error, c) => {
    let httpError: HttpError;
    if (error instanceof HttpError) httpError = error;
    else if (error instanceof HTTPException) {
      httpError = new HttpError(error.status as HttpError['status'], 'http-error', error.message || 'Request refused');
    } else if (isUniqueViolation(error)) {
      // A racing write lost on a unique key: the other request got there first.
      httpError = new HttpError(409, 'conflict', 'Someone else changed this at the same time: reload and try again');
    } else if (isCommitOutcomeUnknown(error) && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      c.var.services?.log(`[store] ${c.req.method} ${c.req.path}: outcome unknown: ${error.message}`);
      httpError = new HttpError(503, 'outcome-unknown', OUTCOME_UNKNOWN_MESSAGE, {
        headers: { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) },
      });
    } else if (isStoreUnreachable(error) || isCommitOutcomeUnknown(error)) {
      // (A read's incidental write, such as a token's last use, is not the caller's change: to them the store is unavailable.)
      c.var.services?.log(`[store] ${c.req.method} ${c.req.path}: database unreachable: ${(error as Error).message}`);
      httpError = new HttpError(503, 'store-unavailable', 'The database cannot be reached just now: try again shortly (a write sent again with its Idempotency-Key is never made twice)', {
        headers: { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) },
      });
    } else {
      c.var.services?.log(`[error] ${c.req.method} ${c.req.path}: ${(error as Error).stack ?? String(error)}`);
      httpError = new HttpError(500, 'internal', 'Something went wrong on the server; it has been logged');
    }
    for (const [name, value] of Object.entries(httpError.headers ?? {})) c.header(name, value);
    return c.json(httpError.toJSON(), httpError.status);
  };
}
