import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Db } from './db.js';
import { openPgliteDb, openStore, openPostgresDb, quoteIdentifier } from './index.js';

/** A store opened for one test, with a way to drop everything it created. */
export interface TestStore {
  db: Db;
  /** Closes the store and, on PostgreSQL, drops the test's schema. */
  dispose(): Promise<void>;
}

/** A kind of store the suite runs against. */
export interface TestStoreKind {
  name: 'pglite' | 'postgres';
  open(): Promise<TestStore>;
}

/**
 * The PostgreSQL URL for tests: `QAF_TEST_DATABASE_URL`, else the embedded PostgreSQL the global
 * setup started (`test-postgres.test-helpers.ts`); undefined only where neither could be had, never under CI.
 */
export const testDatabaseUrl = process.env.QAF_TEST_DATABASE_URL || inject('testDatabaseUrl') || undefined;

/** A schema name no other run or test will use. */
export function uniqueSchemaName(): string {
  return `qaf_test_${process.pid}_${randomBytes(6).toString('hex')}`;
}

/** Opens a fresh PostgreSQL schema at `url`, migrated, dropped again on dispose. */
export async function openPostgresTestStore(url: string, schema = uniqueSchemaName()): Promise<TestStore> {
  const db = await openStore({ databaseUrl: url, schema });
  return {
    db,
    async dispose() {
      await db.close();
      const admin = await openPostgresDb({ connectionString: url, maxConnections: 1 });
      await admin.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
      await admin.close();
    },
  };
}

/** PGlite in memory always; PostgreSQL too (see {@link testDatabaseUrl}). */
export const testStoreKinds: TestStoreKind[] = [
  {
    name: 'pglite',
    async open() {
      const db = await openStore({});
      return { db, dispose: () => db.close() };
    },
  },
  ...(testDatabaseUrl
    ? [{ name: 'postgres' as const, open: () => openPostgresTestStore(testDatabaseUrl) }]
    : []),
];

/** A store with no migration applied yet (for a migration's own test), on each kind the suite runs against. */
export const unmigratedStoreKinds: TestStoreKind[] = [
  { name: 'pglite', async open() { const db = await openPgliteDb(); return { db, dispose: () => db.close() }; } },
  ...(testDatabaseUrl ? [{
    name: 'postgres' as const,
    async open() {
      const schema = uniqueSchemaName();
      const db = await openPostgresDb({ connectionString: testDatabaseUrl!, schema, maxConnections: 2 });
      return {
        db,
        async dispose() {
          await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
          await db.close();
        },
      };
    },
  }] : []),
];
