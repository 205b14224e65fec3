import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { Db, Queryable } from './db.js';
import type { TestStoreKind } from './test-stores.test-helpers.js';

/** A test store whose database can be made unreachable, or lose a connection mid-transaction. */
export interface FaultyStore {
  kind: TestStoreKind;
  /** From now on every statement fails as the driver fails when the database cannot be reached. */
  cut(): void;
  /** The database is reachable again. */
  restore(): void;
  /**
   * The next statement of a transaction whose SQL matches `pattern` loses its connection first:
   * on PostgreSQL the backend is terminated (`pg_terminate_backend`, as a failover or an
   * operator does) and the statement fails as the real driver makes it fail; PGlite has no
   * connection to lose, so the statement fails with the error `pg` gives a dropped connection.
   * Resolves once it has happened.
   */
  loseConnectionAt(pattern: RegExp): Promise<void>;
  /** The store without faults, to look at what was stored. */
  readonly healthy: Db;
}

/** A real "connection refused", from connecting `pg` to a port nobody listens on. */
async function refusedError(): Promise<Error> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const client = new pg.Client({ host: '127.0.0.1', port, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    return error as Error;
  }
  await client.end();
  throw new Error(`port ${port} answered`);
}

/** Wraps the stores of `kind` with faults that a test switches on and off. */
export async function faultyStore(kind: TestStoreKind): Promise<FaultyStore> {
  const refused = await refusedError();
  let down = false;
  let lose: { pattern: RegExp; done: () => void } | undefined;
  let healthy: Db | undefined;
  const gate = () => {
    if (down) throw refused;
  };
  const inTransaction = (tx: Queryable, dialect: Db['dialect']): Queryable => ({
    async query(sql, params, options) {
      gate();
      if (lose && lose.pattern.test(sql)) {
        const { done } = lose;
        lose = undefined;
        done();
        if (dialect === 'pglite') throw new Error('Connection terminated unexpectedly');
        // Terminating its own backend, the statement fails with the real error (57P01).
        await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
      }
      return tx.query(sql, params, options);
    },
    async exec(sql) {
      gate();
      return tx.exec(sql);
    },
  });
  const wrap = (db: Db): Db => ({
    dialect: db.dialect,
    async query(sql, params, options) {
      gate();
      return db.query(sql, params, options);
    },
    async exec(sql) {
      gate();
      return db.exec(sql);
    },
    async transaction(fn) {
      gate();
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
    cut: () => void (down = true),
    restore: () => void (down = false),
    loseConnectionAt: (pattern) => new Promise<void>((done) => (lose = { pattern, done })),
    get healthy() {
      if (!healthy) throw new Error('open the store first');
      return healthy;
    },
  };
}
