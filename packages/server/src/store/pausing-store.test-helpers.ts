import type { Db, Queryable } from './db.js';
import type { TestStoreKind } from './test-stores.test-helpers.js';
import { wrappedStores } from './wrapped-store.test-helpers.js';

/** A transaction held still just after one of its statements, until the test lets it go on. */
export interface PausedTransaction {
  /** Resolves once another request is waiting on the paused transaction (or has finished without waiting). */
  waitedOnBy(other: Promise<unknown>): Promise<void>;
  /** Lets the transaction go on to its commit. */
  release(): void;
}

/** A test store whose transactions can be held still at a chosen statement, to open a race window on purpose. */
export interface PausingStore {
  kind: TestStoreKind;
  /**
   * The next transaction statement whose SQL matches `pattern` runs, and then its transaction is
   * held (its locks kept) until released. Resolves once it is held.
   */
  pauseAfter(pattern: RegExp): Promise<PausedTransaction>;
}

/**
 * Wraps the stores of `kind` so that a test can hold a transaction still inside a race window.
 * Whether another request is waiting on the held transaction is known, not guessed: on
 * PostgreSQL, a backend whose `pg_blocking_pids` names the held transaction's backend; on PGlite,
 * which runs one transaction at a time and makes every other statement wait for it, any call to
 * the store made while it is held.
 */
export function pausingStore(kind: TestStoreKind): PausingStore {
  let pause: { pattern: RegExp; held: (paused: PausedTransaction) => void } | undefined;
  let callsWhileHeld = 0;
  const counted = () => void callsWhileHeld++;

  async function hold(tx: Queryable, dialect: Db['dialect'], held: (paused: PausedTransaction) => void): Promise<void> {
    const pid = dialect === 'postgres' ? (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid : undefined;
    callsWhileHeld = 0;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const waitedOn = async (): Promise<boolean> => {
      if (pid === undefined) return callsWhileHeld > 0;
      const [row] = await stores.healthy.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [pid]);
      return row!.n > 0;
    };
    held({
      async waitedOnBy(other) {
        let settled = false;
        void other.finally(() => (settled = true));
        // Each look is one round trip to the database: this waits on the lock wait itself, not on a guessed time.
        while (!settled && !(await waitedOn())) await new Promise((resolve) => setImmediate(resolve));
      },
      release,
    });
    await released;
  }

  const stores = wrappedStores(kind, {
    call: counted,
    async statement(sql, tx, dialect, run) {
      const rows = await run();
      if (pause && pause.pattern.test(sql)) {
        const { held } = pause;
        pause = undefined;
        await hold(tx, dialect, held);
      }
      return rows;
    },
  });
  return {
    kind: stores.kind,
    pauseAfter: (pattern) => new Promise<PausedTransaction>((held) => (pause = { pattern, held })),
  };
}
