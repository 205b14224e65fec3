import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { openPostgresDb, quoteIdentifier } from './postgres-db.js';
import { judgements } from '../test-fixtures/testshire-pack.js';
import type { Db } from './db.js';
import { openPostgresTestStore, testDatabaseUrl, uniqueSchemaName } from './test-stores.test-helpers.js';
import type { TestStore } from './test-stores.test-helpers.js';

/** Writes sent at once, and how many in all. */
const CONCURRENT_WRITES = 24;
const TOTAL_WRITES = 600;
/** The store's default pool size. */
const POOL_SIZE = 10;

describe.runIf(testDatabaseUrl)('PostgreSQL connections terminated under a write load', () => {
  const applicationName = uniqueSchemaName();
  let t: TestApp;
  let admin: Db;

  beforeAll(async () => {
    // Only this test's connections carry this application_name, so only they are terminated.
    const url = new URL(testDatabaseUrl!);
    url.searchParams.set('application_name', applicationName);
    t = await makeTestApp({ name: 'postgres', open: () => openPostgresTestStore(url.toString()) });
    admin = await openPostgresDb({ connectionString: testDatabaseUrl!, maxConnections: 1, applicationName: `${applicationName}_admin` });
  });
  afterAll(async () => {
    await t?.dispose();
    await admin?.close();
  });

  it('leave the server serving, with every acknowledged write stored', async () => {
    const providerId = (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Assessed' } })).body.id;
    // Provider creation is a transaction of several statements; assessment submission one batched statement.
    const acknowledged: string[] = [];
    const assessed: string[] = [];
    let failed = 0;
    let sent = 0;
    let writing = true;
    let onAck: (() => void) | undefined;
    const write = async () => {
      while (sent < TOTAL_WRITES) {
        const n = ++sent;
        const res =
          n % 2 === 0
            ? await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: `Load ${n}` } })
            : await t.call('POST', '/api/councils/testshire/assessments?explain=false', {
                as: 'testshireOfficer',
                body: { providerId, date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } },
              });
        if (res.status === 201) (n % 2 === 0 ? acknowledged : assessed).push(res.body.id);
        else failed++;
        onAck?.();
      }
    };
    let terminated = 0;
    // Terminates the app's backends again each time a write has finished since the last time,
    // so connections die mid-transaction, idle in a transaction, and idle in the pool.
    const kill = async () => {
      while (writing) {
        const rows = await admin.query<{ ok: boolean }>(
          'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
          [applicationName],
        );
        terminated += rows.filter((r) => r.ok).length;
        if (writing) await new Promise<void>((resolve) => (onAck = resolve));
      }
    };
    const killing = kill();
    await Promise.all(Array.from({ length: CONCURRENT_WRITES }, write));
    writing = false;
    onAck?.();
    await killing;

    expect(terminated).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
    // Still serving, by itself: connections terminated just before may each fail one more request
    // (at most one per pooled connection) as they are found dead and replaced; then writes succeed.
    let after = { status: 0, body: undefined as { id: string } | undefined };
    for (let attempt = 0; attempt <= POOL_SIZE && after.status !== 201; attempt++) {
      after = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'After the storm' } });
    }
    expect(after.status).toBe(201);
    acknowledged.push(after.body!.id);
    const rows = await t.db.query<{ id: string }>('SELECT id FROM providers WHERE id = ANY($1)', [acknowledged]);
    expect(rows.length).toBe(acknowledged.length);
    expect(assessed.length).toBeGreaterThan(0);
    const assessments = await t.db.query<{ id: string }>('SELECT id FROM assessments WHERE id = ANY($1)', [assessed]);
    expect(assessments.length).toBe(assessed.length);
  });
});

describe.runIf(testDatabaseUrl)('large values on PostgreSQL', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openPostgresTestStore(testDatabaseUrl!);
  });
  afterAll(async () => store?.dispose());

  it('are compressed with LZ4 where the server has it, and read back unchanged', async () => {
    const [{ lz4 } = { lz4: false }] = await store.db.query<{ lz4: boolean }>(
      "SELECT 'lz4' = ANY(enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'",
    );
    // About the size of a stored determination: over the 2 kB at which PostgreSQL compresses a row's values.
    const value = { interpretations: Array.from({ length: 200 }, (_, i) => ({ id: `criterion-${i}`, met: i % 3 === 0, note: 'Fully met – as evidenced' })) };
    await store.db.exec('CREATE TABLE large_values (v jsonb NOT NULL)');
    await store.db.query('INSERT INTO large_values (v) VALUES ($1)', [JSON.stringify(value)]);
    const [row] = await store.db.query<{ v: unknown; compression: string | null }>('SELECT v, pg_column_compression(v) AS compression FROM large_values');
    expect(row!.compression).toBe(lz4 ? 'lz4' : 'pglz');
    expect(row!.v).toEqual(value);
  });
});

describe.runIf(testDatabaseUrl)('opening a PostgreSQL store', () => {
  it("asks about LZ4 on the pool's first connection, opening no other, and every connection of the pool then compresses alike", async () => {
    const connect = vi.spyOn(pg.Client.prototype, 'connect');
    const schema = uniqueSchemaName();
    const db = await openPostgresDb({ connectionString: testDatabaseUrl!, schema, maxConnections: 3 });
    try {
      // One connection at start-up: the pool's first, which also creates the schema.
      expect(connect).toHaveBeenCalledTimes(1);
      const [{ lz4 } = { lz4: false }] = await db.query<{ lz4: boolean }>(
        "SELECT 'lz4' = ANY(enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'",
      );
      // Three connections held at once: the first one and two the pool opens later.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let started = 0;
      let allStarted!: () => void;
      const all = new Promise<void>((resolve) => (allStarted = resolve));
      const reading = Promise.all([0, 1, 2].map(() => db.transaction(async (tx) => {
        const [row] = await tx.query<{ pid: number; compression: string }>("SELECT pg_backend_pid() AS pid, current_setting('default_toast_compression') AS compression");
        if (++started === 3) allStarted();
        await held;
        return row!;
      })));
      await all;
      release();
      const rows = await reading;
      expect(new Set(rows.map((r) => r.pid)).size).toBe(3);
      expect(rows.map((r) => r.compression)).toEqual(Array.from({ length: 3 }, () => (lz4 ? 'lz4' : 'pglz')));
      expect(connect).toHaveBeenCalledTimes(3);
    } finally {
      connect.mockRestore();
      await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
      await db.close();
    }
  });
});
