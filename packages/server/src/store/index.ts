import { mkdir } from 'node:fs/promises';
import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { openPgliteDb } from './pglite-db.js';
import { openPostgresDb } from './postgres-db.js';

export type { Db, Queryable } from './db.js';
export { migrate, loadMigrations } from './migrate.js';
export { openPgliteDb } from './pglite-db.js';
export { DEFAULT_APPLICATION_NAME, openPostgresDb, quoteIdentifier } from './postgres-db.js';

/** Where the store lives: PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir`. */
export interface StoreOptions {
  /** `postgres://...`; switches the store to PostgreSQL. */
  databaseUrl?: string;
  /** PostgreSQL schema (default `public`). */
  schema?: string;
  /** PGlite data directory; omitted (and no `databaseUrl`) means in memory. */
  dataDir?: string;
  /** PostgreSQL connection pool size (default 10). */
  poolSize?: number;
  /** PostgreSQL `application_name` (default `openqaf`; an `application_name` in the URL wins). */
  applicationName?: string;
}

/**
 * Opens the store and brings its schema up to date.
 * @example const db = await openStore({ dataDir: './data' });
 */
export async function openStore(options: StoreOptions): Promise<Db> {
  let db: Db;
  if (options.databaseUrl) {
    db = await openPostgresDb({
      connectionString: options.databaseUrl,
      schema: options.schema,
      maxConnections: options.poolSize,
      applicationName: options.applicationName,
    });
  } else {
    if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
    db = await openPgliteDb({ dataDir: options.dataDir });
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
