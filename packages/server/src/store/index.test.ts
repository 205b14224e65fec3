import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { openPostgresTestStore, testDatabaseUrl, testStoreKinds, uniqueSchemaName } from './test-stores.test-helpers.js';
import type { TestStore } from './test-stores.test-helpers.js';

if (!testDatabaseUrl) {
  console.log('[store tests] no PostgreSQL could be had: skipped PostgreSQL, ran every store and API test on PGlite only.');
}

describe.each(testStoreKinds)('the store on $name', (kind) => {
  let store: TestStore;
  afterAll(async () => store?.dispose());

  it('applies every migration once and records it', async () => {
    store = await kind.open();
    const rows = await store.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.name)).toContain('001_initial');
    expect(await migrate(store.db)).toEqual([]);
  });

  it('rolls a failed transaction back so nothing is partially written', async () => {
    await expect(
      store.db.transaction(async (tx) => {
        await tx.query("INSERT INTO councils (id, name) VALUES ('rollback-test', 'Rollback')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.db.query("SELECT id FROM councils WHERE id = 'rollback-test'")).toEqual([]);
  });

  it('returns dates as ISO strings, counts as numbers and jsonb as objects', async () => {
    await store.db.query("INSERT INTO councils (id, name) VALUES ('types', 'Types')");
    const [row] = await store.db.query<{ d: string; n: number; j: unknown }>(
      "SELECT '2025-03-01'::date AS d, count(*) AS n, '{\"a\":[1]}'::jsonb AS j FROM councils",
    );
    expect(row).toEqual({ d: '2025-03-01', n: 1, j: { a: [1] } });
  });

  it('keeps determinations and assessment inputs inline and uncompressed up to a full row', async () => {
    const rows = await store.db.query<{ relname: string; reloptions: string[] | null }>(
      `SELECT c.relname, c.reloptions FROM pg_class c
        WHERE c.relname IN ('determinations', 'assessments') AND c.relnamespace = to_regnamespace(current_schema())::oid
        ORDER BY c.relname`,
    );
    expect(rows).toEqual([
      { relname: 'assessments', reloptions: ['toast_tuple_target=8160'] },
      { relname: 'determinations', reloptions: ['toast_tuple_target=8160'] },
    ]);
  });

  it('refuses to change or delete an audit entry', async () => {
    await store.db.query("INSERT INTO audit_log (action, entity) VALUES ('test', 'thing')");
    await expect(store.db.query("UPDATE audit_log SET action = 'edited'")).rejects.toThrow(/immutable/);
    await expect(store.db.query('DELETE FROM audit_log')).rejects.toThrow(/immutable/);
  });
});

describe.runIf(testDatabaseUrl)('migrations on PostgreSQL', () => {
  it('are safe when two servers start at once on the same schema', async () => {
    const schema = uniqueSchemaName();
    const [a, b] = await Promise.all([
      openPostgresTestStore(testDatabaseUrl!, schema),
      openPostgresTestStore(testDatabaseUrl!, schema),
    ]);
    const rows = await a.db.query<{ n: number }>('SELECT count(*) AS n FROM schema_migrations');
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
    await b.db.close();
    await a.dispose();
  });
});
