import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.js';
import { PG_TYPE } from './db.js';

/** Options for the embedded store. */
export interface PgliteDbOptions {
  /** Directory holding the database files; omit for an in-memory store (tests). */
  dataDir?: string;
}

/**
 * Opens the embedded PostgreSQL (PGlite, WebAssembly) as a {@link Db}.
 * PGlite has a single connection and runs one transaction at a time, so writes are serialised.
 */
export async function openPgliteDb(options: PgliteDbOptions = {}): Promise<Db> {
  const pg = await PGlite.create(options.dataDir ?? 'memory://', {
    parsers: {
      [PG_TYPE.int8]: (value: string) => Number(value),
      [PG_TYPE.numeric]: (value: string) => Number(value),
      [PG_TYPE.date]: (value: string) => value,
    },
  });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await q.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const root = wrap(pg);
  return {
    dialect: 'pglite',
    query: root.query,
    exec: root.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    listen(channel, listener) {
      let stop: (() => Promise<void>) | undefined;
      let stopped = false;
      pg.listen(channel, (payload) => listener.notify(payload)).then(
        (unlisten) => {
          if (stopped) return void unlisten().catch(() => undefined);
          stop = unlisten;
          listener.listening();
        },
        (error: Error) => listener.lost(error),
      );
      return () => {
        stopped = true;
        if (!pg.closed) void stop?.().catch(() => undefined);
      };
    },
    close: () => pg.close(),
  };
}
