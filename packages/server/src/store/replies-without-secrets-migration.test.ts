import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from './index.js';
import { unmigratedStoreKinds } from './test-stores.test-helpers.js';
import type { TestStore } from './test-stores.test-helpers.js';

/** A key row as `idempotency/keys.ts` leaves it once its reply is recorded. */
const keyRow = (key: string, status: number, body: string) =>
  `('olive', '${key}', 'hash-${key}', 'attempt-${key}', ${status}, '{"content-type":"application/json"}', '${body.replace(/'/g, "''")}', now() - interval '1 minute')`;

describe.each(unmigratedStoreKinds)('migration 028 (replies without secrets) on $name', (kind) => {
  let store: TestStore | undefined;
  afterEach(async () => { await store?.dispose(); store = undefined; });

  it('applies on a store with no kept reply at all', async () => {
    store = await kind.open();
    const migrations = await loadMigrations();
    await migrate(store.db, migrations.filter((m) => m.version < 28));
    expect(await migrate(store.db, migrations)).toEqual(['028_replies_without_secrets']);
    expect(await store.db.query('SELECT key FROM idempotency_keys')).toEqual([]);
  });

  it('forgets the replies holding an API token or a reset code, keeping their keys as written with the reply lost, and only them', async () => {
    store = await kind.open();
    const { db } = store;
    const migrations = await loadMigrations();
    await migrate(db, migrations.filter((m) => m.version < 28));
    const token = '{"id":"t1","name":"ci","scopes":["read"],"createdAt":"2026-12-01T00:00:00.000Z","expiresAt":"2027-03-01T00:00:00.000Z","token":"qaf_live-secret"}';
    const reset = '{"userId":"u1","email":"u1@example.org","code":"live-code","resetPath":"#/reset-password/live-code","expiresAt":"2026-12-02T00:00:00.000Z"}';
    // A provider whose name spells a token reply: inside a JSON string its quotes are escaped.
    const provider = JSON.stringify({ id: 'p1', name: '"token":"qaf_not-a-secret" and "resetPath":"#/reset-password/x"' });
    const refused = '{"error":{"status":409,"code":"idempotency-secret-not-kept","message":"…"}}';
    await db.exec(`INSERT INTO idempotency_keys (caller, key, request_hash, attempt, status, headers, body, locked_until) VALUES
      ${keyRow('token', 201, token)}, ${keyRow('reset', 201, reset)}, ${keyRow('provider', 201, provider)}, ${keyRow('refused', 409, refused)}`);

    expect(await migrate(db, migrations)).toEqual(['028_replies_without_secrets']);
    const rows = await db.query<{ key: string; status: number; headers: unknown; body: string | null }>(
      'SELECT key, status, headers, body FROM idempotency_keys ORDER BY key');
    expect(rows).toEqual([
      { key: 'provider', status: 201, headers: { 'content-type': 'application/json' }, body: provider },
      { key: 'refused', status: 409, headers: { 'content-type': 'application/json' }, body: refused },
      { key: 'reset', status: 0, headers: null, body: null },
      { key: 'token', status: 0, headers: null, body: null },
    ]);
    const dump = JSON.stringify(await db.query('SELECT * FROM idempotency_keys'));
    expect(dump).not.toContain('qaf_live-secret');
    expect(dump).not.toContain('live-code');
    // Its statement is safe to run again by hand.
    await db.exec(migrations.find((m) => m.version === 28)!.sql);
    expect(await db.query('SELECT key FROM idempotency_keys WHERE body IS NULL ORDER BY key')).toEqual([{ key: 'reset' }, { key: 'token' }]);
  });
});
