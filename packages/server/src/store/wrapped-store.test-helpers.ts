import type { Db, Queryable } from './db.js';
import type { TestStoreKind } from './test-stores.test-helpers.js';

/** What a test wrapper does around the calls a store gets. Every hook is optional. */
export interface StoreHooks {
  /** Before each call to the store itself: a query, a script, or the start of a transaction. */
  call?(): void;
  /**
   * Runs one statement of a transaction: `run` sends it to the store. The hook may act before
   * (and fail instead of sending it) or after it (and hold its transaction still).
   */
  statement?(sql: string, tx: Queryable, dialect: Db['dialect'], run: () => Promise<unknown[]>): Promise<unknown[]>;
  /** Before each script run inside a transaction. */
  script?(): void;
}

/** The stores of a kind, wrapped, and the unwrapped store of the last one opened. */
export interface WrappedStores {
  kind: TestStoreKind;
  /** The store without the wrapper, to look at what was stored (or ask it about locks). */
  readonly healthy: Db;
}

/**
 * The one store wrapper of the test helpers (`pausing-store`, `store-faults`): opens the stores
 * of `kind` and passes every call through `hooks`, in and out of transactions.
 */
export function wrappedStores(kind: TestStoreKind, hooks: StoreHooks): WrappedStores {
  let healthy: Db | undefined;
  const call = () => hooks.call?.();
  const inTransaction = (tx: Queryable, dialect: Db['dialect']): Queryable => ({
    query(sql, params, options) {
      const run = () => tx.query(sql, params, options) as Promise<unknown[]>;
      return (hooks.statement ? hooks.statement(sql, tx, dialect, run) : run()) as never;
    },
    async exec(sql) {
      hooks.script?.();
      return tx.exec(sql);
    },
  });
  const wrap = (db: Db): Db => ({
    dialect: db.dialect,
    async query(sql, params, options) {
      call();
      return db.query(sql, params, options);
    },
    async exec(sql) {
      call();
      return db.exec(sql);
    },
    async transaction(fn) {
      call();
      return db.transaction((tx) => fn(inTransaction(tx, db.dialect)));
    },
    listen: (channel, listener) => db.listen(channel, listener),
    close: () => db.close(),
  });
  return {
    kind: {
      name: kind.name,
      async open() {
        const store = await kind.open();
        healthy = store.db;
        return { db: wrap(store.db), dispose: store.dispose };
      },
    },
    get healthy() {
      if (!healthy) throw new Error('open the store first');
      return healthy;
    },
  };
}
