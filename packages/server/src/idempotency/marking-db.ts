import type { Db, Queryable } from '../store/index.js';
import type { IdempotentRequest } from './keys.js';
import { markWritten } from './keys.js';

/** A statement that writes: an INSERT, UPDATE or DELETE (alone or in a WITH). */
export const WRITES = /\b(INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM)\b/i;

/**
 * The store as a write holding an `Idempotency-Key` sees it: each transaction that writes marks
 * the key written in the same commit ({@link markWritten}), and a writing statement sent outside
 * a transaction is sent inside one that does. So whichever write of the request commits, its key
 * says so, and a retry after a lost reply is refused rather than written twice. Reads, and
 * transactions that only read, are passed through as they are. `close` is refused: the store is
 * shared by every request, and a route never closes it.
 * @example c.set('services', { ...services, db: markingDb(services.db, request) });
 */
export function markingDb(db: Db, request: IdempotentRequest): Db {
  const marked = async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> =>
    db.transaction(async (tx) => {
      let wrote = false;
      const result = await fn({
        query(sql, params, options) {
          if (!wrote && WRITES.test(sql)) wrote = true;
          return tx.query(sql, params, options);
        },
        exec(sql) {
          if (!wrote && WRITES.test(sql)) wrote = true;
          return tx.exec(sql);
        },
      });
      if (wrote) await markWritten(tx, request);
      return result;
    });
  return {
    dialect: db.dialect,
    query: (sql, params, options) => (WRITES.test(sql) ? marked((tx) => tx.query(sql, params, options)) : db.query(sql, params, options)),
    exec: (sql) => (WRITES.test(sql) ? marked((tx) => tx.exec(sql)) : db.exec(sql)),
    transaction: marked,
    listen: (channel, listener) => db.listen(channel, listener),
    close: () => Promise.reject(new Error('A request does not close the store: it is shared by every request (marking-db)')),
  };
}
