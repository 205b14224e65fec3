import { validatePack } from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilPlugin } from '../engine/index.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import type { TestStore } from '../store/test-stores.test-helpers.js';
import { testshirePack } from '../test-fixtures/testshire-pack.js';
import { loadCouncilPlugins } from './council-plugins.js';
import { seedCouncils } from './index.js';

const good: CouncilPlugin = { id: 'testshire', name: 'Testshire Council', pack: testshirePack() };
const broken: CouncilPlugin = {
  id: 'brokenshire',
  name: 'Brokenshire Council',
  pack: { ...testshirePack({ id: 'brokenshire' }), outcomes: { headline: 'noSuchDecision' } },
};

describe.each(testStoreKinds)('seeding on $name', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await kind.open();
  });
  afterAll(async () => store?.dispose());

  it('refuses an invalid pack with a logged error naming it, and still seeds the others', async () => {
    const log: string[] = [];
    const outcomes = await seedCouncils(store.db, [broken, good], (m) => log.push(m));
    expect(outcomes.map((o) => [o.council, o.outcome])).toEqual([
      ['brokenshire', 'refused'],
      ['testshire', 'seeded'],
    ]);
    expect(log.join('\n')).toMatch(/ERROR: refused the pack of council "brokenshire"/);
    const councils = await store.db.query<{ id: string }>('SELECT id FROM councils ORDER BY id');
    expect(councils.map((c) => c.id)).toEqual(['testshire']);
  });

  it('is idempotent: a restart neither duplicates nor overwrites', async () => {
    await store.db.query("UPDATE drafts SET content = jsonb_set(content::jsonb, '{metadata,title}', '\"edited\"')::json WHERE council_id = 'testshire'");
    const changed = { ...good, pack: testshirePack({ version: '9.9.9' }) };
    const outcomes = await seedCouncils(store.db, [changed], () => undefined);
    expect(outcomes).toEqual([{ council: 'testshire', outcome: 'already-present' }]);
    const versions = await store.db.query<{ version: string }>("SELECT version FROM pack_versions WHERE council_id = 'testshire'");
    expect(versions.map((v) => v.version)).toEqual(['1.0.0']);
    const [draft] = await store.db.query<{ title: string }>("SELECT content->'metadata'->>'title' AS title FROM drafts WHERE council_id = 'testshire'");
    expect(draft!.title).toBe('edited');
  });
});

describe('the real council plugins', () => {
  let store: TestStore;
  let log: string[];
  let plugins: CouncilPlugin[];
  let outcomes: Awaited<ReturnType<typeof seedCouncils>>;
  beforeAll(async () => {
    log = [];
    plugins = await loadCouncilPlugins(undefined, (m) => log.push(m));
    store = await testStoreKinds[0]!.open();
    outcomes = await seedCouncils(store.db, plugins, (m) => log.push(m));
  });
  afterAll(async () => store?.dispose());

  it('are each seeded when valid and refused by name when not', () => {
    for (const plugin of plugins) {
      const valid = validatePack(plugin.pack, { extensions: plugin.extensions }).valid;
      const outcome = outcomes.find((o) => o.council === plugin.id)!;
      expect(outcome.outcome, plugin.id).toBe(valid ? 'seeded' : 'refused');
      if (!valid) expect(log.join('\n')).toContain(`"${plugin.id}"`);
    }
  });

  it('seed Birmingham, Bolton and Herefordshire as version 1 of their packs', () => {
    expect(outcomes.map((o) => [o.council, o.outcome]).sort()).toEqual([
      ['birmingham', 'seeded'],
      ['bolton', 'seeded'],
      ['herefordshire', 'seeded'],
    ]);
  });
});
