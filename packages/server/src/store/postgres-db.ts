import pg from 'pg';
import type { Db, Queryable, QueryOptions } from './db.js';
import { PG_TYPE } from './db.js';
import { commitFailure, mayWrite } from './commit-outcome-unknown.js';
import { isStoreUnreachable } from './store-unreachable.js';
import { PostgresListener } from './postgres-listener.js';

/** Options for a PostgreSQL store. */
export interface PostgresDbOptions {
  /** `postgres://user:password@host:port/database`. */
  connectionString: string;
  /** Schema to work in (created if missing); default `public`. Tests use one schema per run. */
  schema?: string;
  /** Pool size; default 10 (a few connections per core keep PostgreSQL busy without thrashing). */
  maxConnections?: number;
  /** Create `schema` when missing (default true; a role without CREATE on the database cannot). */
  createSchema?: boolean;
  /** `application_name` of every connection (default {@link DEFAULT_APPLICATION_NAME}), as seen in `pg_stat_activity`. */
  applicationName?: string;
}

/** The `application_name` the server's connections carry unless told otherwise. */
export const DEFAULT_APPLICATION_NAME = 'openqaf';

const textParsers: Record<number, (value: string) => unknown> = {
  [PG_TYPE.int8]: (value) => Number(value),
  [PG_TYPE.numeric]: (value) => Number(value),
  [PG_TYPE.date]: (value) => value,
};

/** The setting that makes a connection compress large values with LZ4, as a startup option. */
const LZ4_OPTION = '-c default_toast_compression=lz4';

/**
 * Whether the server can compress large values (TOAST) with LZ4 (PostgreSQL 14 and later built
 * with lz4), asked on the pool's first connection as the store opens (no connection of its own).
 * When it can, that connection is switched to LZ4 and every later connection of the pool opens
 * with `default_toast_compression=lz4` instead of the default pglz. A stored determination is
 * about 11 kB of JSON, so each one is compressed as it is written: on the reference machine pglz
 * took about a third of PostgreSQL's CPU per stored evaluation, LZ4 about a third of that. Only
 * how bytes are packed on disk changes: values read back are the same, and rows written either
 * way stay readable.
 */
async function useLz4WhereSupported(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    const result = await client.query(
      "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)",
    );
    if (result.rows.length === 0) return;
    await client.query('SET default_toast_compression = lz4');
    // The pool opens each new connection with its options as they are then.
    pool.options.options = [pool.options.options, LZ4_OPTION].filter(Boolean).join(' ');
  } finally {
    client.release();
  }
}

/** Quotes an SQL identifier (schema names come from configuration, never from requests). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Opens a PostgreSQL database through a `pg` connection pool as a {@link Db}.
 * @example const db = await openPostgresDb({ connectionString: process.env.DATABASE_URL! });
 */
export async function openPostgresDb(options: PostgresDbOptions): Promise<Db> {
  const schema = options.schema;
  const applicationName = options.applicationName ?? DEFAULT_APPLICATION_NAME;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    application_name: applicationName,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        textParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error(`[store] idle PostgreSQL connection failed: ${error.message}`));
  // While checked out, a client has no pool listener: a backend terminated then (failover,
  // pg_terminate_backend, idle_in_transaction_session_timeout) would be an unhandled 'error' event
  // and end the process. The listener goes on as the pool hands the client out, not after the
  // await, since the error can arrive in the same read as the connection's first ReadyForQuery.
  const lost = new WeakMap<pg.PoolClient, Error>();
  function onCheckedOutError(this: pg.PoolClient, error: Error) {
    lost.set(this, error);
  }
  pool.on('acquire', (client) => client.on('error', onCheckedOutError));
  pool.on('release', (_error, client) => {
    client.off('error', onCheckedOutError);
    lost.delete(client);
  });
  try {
    await useLz4WhereSupported(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  if (schema && options.createSchema !== false) {
    // Two servers creating the same schema at once race in the catalog; the loser's error is harmless.
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`).catch((error: { code?: string }) => {
      if (error.code !== '23505' && error.code !== '42P06') throw error;
    });
  }

  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = [], options: QueryOptions = {}) {
      const result = options.name
        ? await client.query({ name: options.name, text: sql, values: params })
        : await client.query(sql, params);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  const pooled = wrap(pool);
  /**
   * A statement outside a transaction commits by itself. One that may write runs on a connection
   * taken first, so that failing to connect (nothing sent: the store is unreachable) is told
   * apart from losing the connection once it was sent (it may have committed: the outcome is
   * unknown, {@link CommitOutcomeUnknown}).
   */
  async function autocommit<T>(run: (on: Queryable) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await run(wrap(client));
    } catch (error) {
      if (isStoreUnreachable(error)) broken = error as Error;
      throw commitFailure(error, 'statement');
    } finally {
      client.release(lost.get(client) ?? broken);
    }
  }
  const root: Queryable = {
    query: <T>(sql: string, params: unknown[] = [], options: QueryOptions = {}) =>
      mayWrite(sql) ? autocommit((on) => on.query<T>(sql, params, options)) : pooled.query<T>(sql, params, options),
    exec: (sql: string) => (mayWrite(sql) ? autocommit((on) => on.exec(sql)) : pooled.exec(sql)),
  };
  const listener = new PostgresListener({
    connectionString: options.connectionString,
    application_name: `qaf-listen${schema ? ` ${schema}` : ''}`.slice(0, 63),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return {
    dialect: 'postgres',
    query: root.query,
    exec: root.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        // A connection known to be gone before COMMIT is sent was rolled back: nothing written.
        const gone = lost.get(client);
        if (gone) throw gone;
        try {
          await client.query('COMMIT');
        } catch (error) {
          // Lost while COMMIT was in flight, it may have committed: no ROLLBACK can tell.
          if (isStoreUnreachable(error)) lost.set(client, error as Error);
          throw commitFailure(error, 'commit');
        }
        return result;
      } catch (error) {
        if (!lost.has(client)) await client.query('ROLLBACK').catch((rollbackError: Error) => lost.set(client, rollbackError));
        throw error;
      } finally {
        // Released with an error, the pool destroys the connection instead of handing it out again.
        client.release(lost.get(client));
      }
    },
    listen: (channel, handlers) => listener.listen(channel, handlers),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
