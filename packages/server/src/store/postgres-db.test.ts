import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { openPostgresDb } from './postgres-db.js';
import type { Db } from './db.js';
import { openPostgresTestStore, testDatabaseUrl, uniqueSchemaName } from './test-stores.test-helpers.js';

/** Writes sent at once, and how many in all. */
const CONCURRENT_WRITES = 24;
const TOTAL_WRITES = 600;

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
    const acknowledged: string[] = [];
    let failed = 0;
    let sent = 0;
    let writing = true;
    let onAck: (() => void) | undefined;
    const write = async () => {
      while (sent < TOTAL_WRITES) {
        sent++;
        const res = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: `Load ${sent}` } });
        if (res.status === 201) acknowledged.push(res.body.id);
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
    // Still serving: a write and a read after the storm both work.
    const after = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'After the storm' } });
    expect(after.status).toBe(201);
    acknowledged.push(after.body.id);
    const rows = await t.db.query<{ id: string }>('SELECT id FROM providers WHERE id = ANY($1)', [acknowledged]);
    expect(rows.length).toBe(acknowledged.length);
  });
});
