import { mkdir } from 'node:fs/promises';
import type { Db } from './db.js';
import { grantAppRole } from './app-role.js';
import { migrate } from './migrate.js';
import { openPgliteDb } from './pglite-db.js';
import { openPostgresDb } from './postgres-db.js';

export type { Db, Queryable } from './db.js';
export { APPEND_ONLY_TABLES, appRoleGrantsSql, grantAppRole } from './app-role.js';
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
  /**
   * `postgres://...` of the role that owns the tables. When set, migrations run as that role and
   * then grant the `databaseUrl` role only what the server needs (see {@link appRoleGrantsSql});
   * the server itself connects as the `databaseUrl` role and cannot alter the audit trail.
   */
  migrationUrl?: string;
  /** PostgreSQL `application_name` (default `openqaf`; an `application_name` in the URL wins). */
  applicationName?: string;
}

/**
 * Opens the store and brings its schema up to date.
 * @example const db = await openStore({ dataDir: './data' });
 */
export async function openStore(options: StoreOptions): Promise<Db> {
  let db: Db;
  const separateOwner = Boolean(options.databaseUrl && options.migrationUrl);
  if (options.databaseUrl) {
    db = await openPostgresDb({
      connectionString: options.databaseUrl,
      schema: options.schema,
      maxConnections: options.poolSize,
      applicationName: options.applicationName,
      createSchema: !separateOwner,
    });
  } else {
    if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
    db = await openPgliteDb({ dataDir: options.dataDir });
  }
  try {
    if (separateOwner) await migrateAsOwner(db, options);
    else await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Migrates as the owner (`migrationUrl`), then grants the server's own role what it needs. */
async function migrateAsOwner(db: Db, options: StoreOptions): Promise<void> {
  const [{ role } = { role: '' }] = await db.query<{ role: string }>('SELECT current_user AS role');
  const owner = await openPostgresDb({
    connectionString: options.migrationUrl!,
    schema: options.schema,
    maxConnections: 1,
    applicationName: options.applicationName,
  });
  try {
    await migrate(owner);
    const [{ owner: ownerRole } = { owner: '' }] = await owner.query<{ owner: string }>('SELECT current_user AS owner');
    // The same role for both would grant itself nothing and still own the audit trail.
    if (ownerRole === role) throw new Error(`QAF_MIGRATE_DATABASE_URL and DATABASE_URL are the same role "${role}": the server must run as a role that does not own the tables`);
    await grantAppRole(owner, role, options.schema ?? 'public');
  } finally {
    await owner.close();
  }
}
