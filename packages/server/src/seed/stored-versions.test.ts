import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { bundleHash, type Determination } from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import type { CouncilPlugin, Pack } from '../engine/index.js';
import { insertVersion } from '../packs/versions.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { loadCouncilPlugins } from './council-plugins.js';
import { seedCouncils } from './index.js';

/**
 * Herefordshire 1.0.0 as released (the first version a server seeded; it uses the plugin fact
 * `monthsAfter`), from the council package's fixture of released versions (released/*.json.gz).
 */
function herefordshire100(): Pack {
  const dir = dirname(createRequire(import.meta.url).resolve('@openqaf/councils-herefordshire/package.json'));
  const fixture = JSON.parse(gunzipSync(readFileSync(join(dir, 'released', 'herefordshire.json.gz'))).toString('utf8')) as {
    versions: { version: string; pack: Pack }[];
  };
  const first = fixture.versions.find((v) => v.version === '1.0.0');
  if (!first) throw new Error('The Herefordshire fixture has no released 1.0.0');
  return first.pack;
}

/**
 * A store as a server seeded before cf0f94a left it: Herefordshire with 1.0.0 as its only, so in
 * force, version, stored (as seeding then did) under the whole-pack hash of the time, and its draft.
 */
async function storeSeededWith100(kind: (typeof testStoreKinds)[number], content: Pack, hash: string) {
  const store = await kind.open();
  await store.db.transaction(async (tx) => {
    await tx.query("INSERT INTO councils (id, name) VALUES ('herefordshire', 'Herefordshire Council')");
    const version = await insertVersion(tx, { councilId: 'herefordshire', content, hash, author: null, note: 'Seeded from the @openqaf/councils-herefordshire plugin', basedOn: null });
    await tx.query('INSERT INTO drafts (council_id, content, base_version_id) VALUES ($1, $2, $3)', ['herefordshire', JSON.stringify(content), version.id]);
  });
  return store;
}

describe.each(testStoreKinds)('a store seeded with Herefordshire 1.0.0, after the current plugin is loaded, on $name', (kind) => {
  const content = herefordshire100();
  const hash = bundleHash(content);
  let t: TestApp;
  let plugin: CouncilPlugin;
  let providerId: string;
  beforeAll(async () => {
    [plugin] = await loadCouncilPlugins(['@openqaf/councils-herefordshire'], (m) => { throw new Error(m); }) as [CouncilPlugin];
    const store = await storeSeededWith100(kind, content, hash);
    // Starting the upgraded server seeds on this store with today's plugin, as a restart does.
    t = await makeTestApp({ name: kind.name, open: async () => store }, { plugins: [...testPlugins, plugin] });
    expect(await seedCouncils(t.db, [plugin], () => undefined)).toEqual([{ council: 'herefordshire', outcome: 'already-present' }]);
    const provider = await t.call('POST', '/api/councils/herefordshire/providers', { as: 'platformAdmin', body: { name: 'Acme Care' } });
    expect(provider.status).toBe(201);
    providerId = (provider.body as { id: string }).id;
  });
  afterAll(async () => t?.dispose());

  it('is the stored version the test means: 1.0.0 uses monthsAfter, the current pack does not', () => {
    expect(content.metadata.version).toBe('1.0.0');
    expect(content.extensions?.facts).toContain('monthsAfter');
    expect(JSON.stringify(plugin.pack)).not.toContain('monthsAfter');
    expect(plugin.pack.metadata.version).not.toBe('1.0.0');
  });

  // The two sides of Appendix 2's "in place for >3 months" (004 A2.T3), as 1.0.0's own cases give them.
  it.each([
    ['2025-04-16', 'Level 3'],
    ['2025-04-15', 'Level 2'],
  ])('evaluates under 1.0.0, in force: a suspension issued 15 January 2025, assessed %s, is %s', async (date, level) => {
    const body = { providerId, date, facts: { advisoryNoticeOrPlacementSuspensionIssued: true, advisoryNoticeOrPlacementSuspensionIssuedOn: '2025-01-15' }, judgements: {} };
    const res = await t.call('POST', '/api/councils/herefordshire/assessments', { as: 'platformAdmin', body });
    expect(res.status, res.text).toBe(201);
    const reply = res.body as { id: string; packVersion: string; packHash: string; determination: Determination };
    expect([reply.packVersion, reply.packHash]).toEqual(['1.0.0', hash]);
    expect(reply.determination.headline.value).toBe(level);

    const again = await t.call('POST', `/api/councils/herefordshire/assessments/${reply.id}/reevaluate`, { as: 'platformAdmin' });
    expect(again.status, again.text).toBe(200);
    expect((again.body as { identical: boolean }).identical).toBe(true);
  });
});
