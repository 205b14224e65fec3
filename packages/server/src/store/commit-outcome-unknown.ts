import { isStoreUnreachable } from './store-unreachable.js';

/**
 * A write whose commit was sent to PostgreSQL but whose reply never came back: the connection
 * was lost while the COMMIT of a transaction (or a single statement that commits by itself) was
 * in flight. The database may have committed it just before the connection went, or not: the
 * store cannot tell, so it says so instead of "nothing was written". The API answers it with
 * 503 `outcome-unknown` (see docs/api.md, "When the outcome of a write is unknown"). PGlite runs
 * in the server's own process and cannot lose a reply, so only the PostgreSQL store throws it.
 */
export class CommitOutcomeUnknown extends Error {
  override readonly name = 'CommitOutcomeUnknown';
  constructor(
    /** The driver's error for the lost connection. */
    readonly lost: Error,
    /** Which statement was in flight: the transaction's `COMMIT`, or a statement outside a transaction. */
    readonly during: 'commit' | 'statement',
  ) {
    super(`The connection to the database was lost while ${during === 'commit' ? 'COMMIT' : 'a statement that commits by itself'} was in flight (${lost.message}): it may or may not have been committed`, { cause: lost });
  }
}

/** True when `error` is a {@link CommitOutcomeUnknown}. */
export function isCommitOutcomeUnknown(error: unknown): error is CommitOutcomeUnknown {
  return error instanceof CommitOutcomeUnknown;
}

/**
 * Statements that cannot change anything (`SELECT`, `WITH`, `SHOW`, `VALUES` without a
 * data-modifying part or a function known to write): losing their reply loses no write.
 * Everything else sent outside a transaction commits by itself, so losing its reply leaves its
 * outcome unknown. When in doubt (`SELECT ... FOR UPDATE`), a statement counts as a write.
 */
const READ_ONLY = /^\s*(?:SELECT|WITH|SHOW|VALUES)\b/i;
const WRITES_INSIDE = /\b(?:INSERT|UPDATE|DELETE|MERGE|nextval|setval|pg_notify)\b/i;

/** True when `sql`, sent outside a transaction, might have written something. */
export function mayWrite(sql: string): boolean {
  return !READ_ONLY.test(sql) || WRITES_INSIDE.test(sql);
}

/**
 * What a failure of a statement that was sent and would have committed means: a lost connection
 * becomes {@link CommitOutcomeUnknown}; any other error (the database refused the statement, so
 * nothing of it was committed) is returned as it is.
 */
export function commitFailure(error: unknown, during: CommitOutcomeUnknown['during']): unknown {
  if (!isStoreUnreachable(error) || neverSent(error)) return error;
  return new CommitOutcomeUnknown(error as Error, during);
}

/**
 * What `pg` says when asked to send on a connection it already knows is gone: the statement
 * never left the process, so the database never saw it.
 */
const NOT_SENT = ['Client has encountered a connection error and is not queryable', 'Client was closed and is not queryable'];

function neverSent(error: unknown): boolean {
  const { message } = error as { message?: unknown };
  return typeof message === 'string' && NOT_SENT.some((m) => message.startsWith(m));
}
