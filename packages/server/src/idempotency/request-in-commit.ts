import type { Context, Next } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Db, Queryable } from '../store/index.js';
import type { IdempotentRequest, RecordedReply } from './keys.js';
import { recordReply } from './keys.js';
import { WRITES } from './marking-db.js';

/**
 * Runs a write request holding an `Idempotency-Key` so that its change and its reply (`replyOf`)
 * commit together, for the routes `write-routes.ts` marks `request-in-commit`. The request's
 * transaction begins at its first write (the route's first transaction, or a statement that
 * writes): what the route reads and works out before that (a pack evaluated, a determination
 * made) runs as it does without a key, holding no connection, and the route re-checks under its
 * own transaction what it read (see docs/api.md, "Idempotent writes"). From that first write on,
 * every statement runs in the request's transaction, each transaction the route opens is a
 * savepoint of it, and the reply is recorded in it before it commits. So a retry after a lost
 * reply is answered with the first reply. A request answered with an error (4xx or 5xx) writes
 * nothing: the transaction is rolled back. The token cache the route clears is cleared once the
 * transaction has ended (committed or not), never before its commit, when a request elsewhere could
 * cache again what it changes. Throws 409 through `keyTaken` (rolling back) when a retry took the
 * key over meanwhile.
 * @example await inOneCommit(c, next, request, replyOf, keyTakenOver);
 */
export async function inOneCommit(
  c: Context<AppEnv>,
  next: Next,
  request: IdempotentRequest,
  replyOf: (res: Response) => Promise<RecordedReply>,
  keyTaken: () => Error,
): Promise<void> {
  const services = c.get('services');
  let clearTokens = false;
  const tokenCache = new Proxy(services.tokenCache, {
    get: (cache, name) => {
      if (name === 'clear') return () => { clearTokens = true; };
      const value = Reflect.get(cache, name, cache) as unknown;
      return typeof value === 'function' ? value.bind(cache) : value;
    },
  });
  const commit = deferredTransaction(services.db);
  try {
    c.set('services', { ...services, db: commit.db, tokenCache });
    try {
      await next();
    } catch (error) {
      await commit.rollback();
      throw error;
    }
    if (c.res.status < 200 || c.res.status >= 300) {
      await commit.rollback();
      return;
    }
    await commit.commit(async (tx) => {
      if (!(await recordReply(tx, request, await replyOf(c.res)))) throw keyTaken();
      request.recorded = true;
    });
  } finally {
    c.set('services', services);
    if (clearTokens) services.tokenCache.clear();
  }
}

/** Ends the request's transaction without committing it: the route answered with an error. */
class Unanswered extends Error {}

/** The request's transaction, opened on its first write and ended once by `commit` or `rollback`. */
export interface DeferredTransaction {
  /** The store as the route sees it (see {@link deferredTransaction}). */
  db: Db;
  /** Runs `last` in the transaction (opening it if nothing was written) and commits; rolls back and throws when `last` throws. */
  commit(last: (tx: Queryable) => Promise<void>): Promise<void>;
  /** Rolls back whatever was written (nothing when nothing was). */
  rollback(): Promise<void>;
}

/**
 * The store as a request run in one commit sees it: reads before its first write go to the store
 * as they are (no connection held while the route works out what to write); its first transaction,
 * or first statement that writes, begins the request's one transaction (`db.transaction`, held
 * open until `commit` or `rollback`), and every statement from then on runs in it (so the reply's
 * read-back sees what the request wrote). Each transaction the route opens is a savepoint of it
 * (one at a time), rolled back alone when it throws. `close` is refused: the store is shared by
 * every request, and a route never closes it.
 * @example const commit = deferredTransaction(services.db); ...; await commit.commit(recordTheReply);
 */
export function deferredTransaction(db: Db): DeferredTransaction {
  let opened: Promise<{ tx: Queryable; end: (error?: Error) => void; ended: Promise<void> }> | undefined;
  const open = () =>
    (opened ??= new Promise((resolve, reject) => {
      let end!: (error?: Error) => void;
      const finished = new Promise<void>((done, fail) => (end = (error) => (error ? fail(error) : done())));
      let began = false;
      const ended = db.transaction(async (tx) => {
        began = true;
        resolve({ tx, end, ended });
        await finished;
      });
      // A transaction that could not begin fails the statement that wanted it.
      ended.catch((error: unknown) => {
        if (!began) reject(error);
      });
    }));
  const inTx = async <T>(run: (tx: Queryable) => Promise<T>): Promise<T> => run((await open()).tx);
  let savepoints = 0;
  let previous: Promise<unknown> = Promise.resolve();
  const savepoint = async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    const { tx } = await open();
    const name = `request_write_${++savepoints}`;
    await tx.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn(tx);
      await tx.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  };
  return {
    db: {
      dialect: db.dialect,
      query: (sql, params, options) => (opened || WRITES.test(sql) ? inTx((tx) => tx.query(sql, params, options)) : db.query(sql, params, options)),
      exec: (sql) => (opened || WRITES.test(sql) ? inTx((tx) => tx.exec(sql)) : db.exec(sql)),
      transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
        const turn = previous.then(() => savepoint(fn));
        previous = turn.catch(() => undefined);
        return turn;
      },
      listen: (channel, listener) => db.listen(channel, listener),
      close: () => Promise.reject(new Error('A request does not close the store: it is shared by every request (request-in-commit)')),
    },
    async commit(last) {
      const { tx, end, ended } = await open();
      try {
        await previous;
        await last(tx);
      } catch (error) {
        end(error as Error);
        await ended.catch(() => undefined);
        throw error;
      }
      end();
      await ended;
    },
    async rollback() {
      if (!opened) return;
      const { end, ended } = await opened.catch(() => ({ end: undefined, ended: undefined }));
      if (!end) return;
      end(new Unanswered());
      await ended!.catch(() => undefined);
    },
  };
}
