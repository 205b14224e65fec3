import pg from 'pg';
import type { Db, Queryable, QueryOptions } from './db.js';
import { PG_TYPE } from './db.js';
import { PostgresListener } from './postgres-listener.js';

/** Options for a PostgreSQL store. */
export interface PostgresDbOptions {
  /** `postgres://user:password@host:port/database`. */
  connectionString: string;
  /** Schema to work in (created if missing); default `public`. Tests use one schema per run. */
  schema?: string;
  /** Pool size; default 10 (a few connections per core keep PostgreSQL busy without thrashing). */
  maxConnections?: number;
}

const textParsers: Record<number, (value: string) => unknown> = {
  [PG_TYPE.int8]: (value) => Number(value),
  [PG_TYPE.numeric]: (value) => Number(value),
  [PG_TYPE.date]: (value) => value,
};

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
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        textParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error(`[store] idle PostgreSQL connection failed: ${error.message}`));
  if (schema) {
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
  const root = wrap(pool);
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
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, handlers) => listener.listen(channel, handlers),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
