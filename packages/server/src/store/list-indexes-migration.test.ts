import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from './db.js';
import { loadMigrations, migrate } from './index.js';
import { unmigratedStoreKinds } from './test-stores.test-helpers.js';
import type { TestStore } from './test-stores.test-helpers.js';

const emptyStores = unmigratedStoreKinds;

async function indexes(db: Db, table: string): Promise<Record<string, string>> {
  const rows = await db.query<{ indexname: string; indexdef: string }>(
    'SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1', [table]);
  return Object.fromEntries(rows.map((r) => [r.indexname, r.indexdef.replace(/^.* USING /, '')]));
}

/** The plan of a statement as the planner would run it were tables large (no sequential scans). */
async function plan(db: Db, sql: string, params: unknown[]): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) ${sql}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe.each(emptyStores)('migration 027 (list indexes) on $name', (kind) => {
  let store: TestStore | undefined;
  afterEach(async () => { await store?.dispose(); store = undefined; });

  it('applies once on a store migrated to 026, adds the list indexes, and the runner applies nothing more', async () => {
    store = await kind.open();
    const { db } = store;
    // Up to 027 only: a later migration is another test's.
    const migrations = (await loadMigrations()).filter((m) => m.version <= 27);
    expect(migrations.map((m) => m.name)).toContain('027_list_indexes');
    await migrate(db, migrations.filter((m) => m.version < 27));
    expect(await indexes(db, 'providers')).toHaveProperty('providers_council_name');
    await db.exec(`
      INSERT INTO councils (id, name) VALUES ('testshire', 'Testshire Council');
      INSERT INTO providers (id, council_id, name) VALUES ('p1', 'testshire', 'Acme Care');
      INSERT INTO assessments (id, council_id, provider_id, assessment_date, input) VALUES ('a1', 'testshire', 'p1', '2025-03-01', '{}');
    `);

    expect(await migrate(db, migrations)).toEqual(['027_list_indexes']);
    expect(await migrate(db, migrations)).toEqual([]);
    // Its statements are safe to run again by hand, as on a store where an operator made them first.
    await db.exec(migrations.find((m) => m.version === 27)!.sql);

    expect((await indexes(db, 'assessments')).assessments_council_listed).toBe('btree (council_id, assessment_date, created_at, id)');
    const providers = await indexes(db, 'providers');
    expect(providers.providers_council_listed).toBe('btree (council_id, name, id)');
    expect(providers).not.toHaveProperty('providers_council_name');
    expect(await db.query('SELECT id FROM assessments')).toEqual([{ id: 'a1' }]);
  });

  it('serves the council lists in their order from the indexes, with no sort', async () => {
    store = await kind.open();
    await migrate(store.db);
    // The assessments list of a council (assessments/index.ts), a page after a cursor.
    const assessments = await plan(store.db, `SELECT a.id FROM assessments a WHERE a.council_id = $1
      AND (a.assessment_date, a.created_at, a.id) < ($2::date, $3::timestamptz, $4)
      ORDER BY a.assessment_date DESC, a.created_at DESC, a.id DESC LIMIT 101`, ['testshire', '2025-03-01', '2025-03-01T00:00:00Z', 'a9']);
    expect(assessments).toMatch(/Index (Only )?Scan Backward using assessments_council_listed/);
    expect(assessments).not.toMatch(/Sort/);
    // The providers list of a council (providers/provider-record.ts), a page after a cursor.
    const providers = await plan(store.db, `SELECT p.id FROM providers p WHERE p.council_id = $1 AND (p.name, p.id) > ($2, $3)
      ORDER BY p.name, p.id LIMIT 101`, ['testshire', 'Acme Care', 'p1']);
    expect(providers).toMatch(/Index (Only )?Scan using providers_council_listed/);
    expect(providers).not.toMatch(/Sort/);
  });
});
