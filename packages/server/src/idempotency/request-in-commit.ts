import type { Context, Next } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Db, Queryable } from '../store/index.js';
import type { IdempotentRequest, RecordedReply } from './keys.js';
import { recordReply } from './keys.js';

/** Thrown inside the request's transaction to roll it back: the route answered with an error. */
class Unanswered extends Error {}

/**
 * Runs a write request holding an `Idempotency-Key` in one transaction of the store and records
 * its reply (`replyOf`) in that same commit, for the routes `write-routes.ts` marks
 * `request-in-commit`: the route's own transactions become savepoints of it, and its single
 * statements run in it. So the change and its reply commit together, and a retry after a lost
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
  try {
    await services.db.transaction(async (tx) => {
      c.set('services', { ...services, db: requestTransaction(services.db, tx), tokenCache });
      await next();
      if (c.res.status < 200 || c.res.status >= 300) throw new Unanswered();
      if (!(await recordReply(tx, request, await replyOf(c.res)))) throw keyTaken();
      request.recorded = true;
    });
  } catch (error) {
    if (!(error instanceof Unanswered)) throw error;
  } finally {
    c.set('services', services);
    if (clearTokens) services.tokenCache.clear();
  }
}

/**
 * The store as a request run in one transaction sees it: every statement runs in `tx`, and each
 * transaction the route opens is a savepoint of `tx` (one at a time), rolled back alone when it throws.
 */
function requestTransaction(db: Db, tx: Queryable): Db {
  let savepoints = 0;
  let previous: Promise<unknown> = Promise.resolve();
  const savepoint = async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
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
    dialect: db.dialect,
    query: (sql, params, options) => tx.query(sql, params, options),
    exec: (sql) => tx.exec(sql),
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const turn = previous.then(() => savepoint(fn));
      previous = turn.catch(() => undefined);
      return turn;
    },
    listen: (channel, listener) => db.listen(channel, listener),
    close: () => db.close(),
  };
}
