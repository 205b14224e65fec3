import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { bundleHash } from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import type { CouncilPlugin, Pack } from '../engine/index.js';
import { insertVersion } from '../packs/versions.js';
import { loadCouncilPlugins } from '../seed/council-plugins.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

/** Herefordshire 1.0.0 as released: it declares the plugin fact `monthsAfter` (released/herefordshire.json.gz). */
function herefordshire100(): Pack {
  const dir = dirname(createRequire(import.meta.url).resolve('@openqaf/councils-herefordshire/package.json'));
  const fixture = JSON.parse(gunzipSync(readFileSync(join(dir, 'released', 'herefordshire.json.gz'))).toString('utf8')) as { versions: { version: string; pack: Pack }[] };
  return fixture.versions.find((v) => v.version === '1.0.0')!.pack;
}

/**
 * A store whose Herefordshire version in force is 1.0.0, served by a plugin that no longer supplies
 * `monthsAfter` (as a later plugin release that dropped it would): submitting an assessment answers
 * 409 `pack-version-unusable`, naming the council, the version and the fact, and logs it once.
 */
describe.each(testStoreKinds)('a stored pack version whose plugin fact is no longer supplied, on $name', (kind) => {
  const content = herefordshire100();
  const hash = bundleHash(content);
  const logged: string[] = [];
  let t: TestApp;
  let providerId: string;
  beforeAll(async () => {
    const [plugin] = await loadCouncilPlugins(['@openqaf/councils-herefordshire'], (m) => { throw new Error(m); }) as [CouncilPlugin];
    const { monthsAfter: _dropped, ...facts } = plugin.extensions?.facts ?? {};
    const store = await kind.open();
    await store.db.transaction(async (tx) => {
      await tx.query("INSERT INTO councils (id, name) VALUES ('herefordshire', 'Herefordshire Council')");
      await insertVersion(tx, { councilId: 'herefordshire', content, hash, author: null, note: 'Seeded from an earlier plugin', basedOn: null });
    });
    t = await makeTestApp({ name: kind.name, open: async () => store }, { plugins: [...testPlugins, { ...plugin, extensions: { ...plugin.extensions, facts } }], log: (line: string) => logged.push(line) });
    const provider = await t.call('POST', '/api/councils/herefordshire/providers', { as: 'platformAdmin', body: { name: 'Acme Care' } });
    expect(provider.status).toBe(201);
    providerId = (provider.body as { id: string }).id;
  });
  afterAll(async () => t?.dispose());

  it('answers 409 pack-version-unusable naming the council, the version and the fact, stores nothing, and logs it once', async () => {
    expect(content.extensions?.facts).toContain('monthsAfter');
    const body = { providerId, date: '2025-04-16', facts: { advisoryNoticeOrPlacementSuspensionIssued: true, advisoryNoticeOrPlacementSuspensionIssuedOn: '2025-01-15' }, judgements: {} };
    const send = () => t.call('POST', '/api/councils/herefordshire/assessments', { as: 'platformAdmin', body });
    const res = await send();
    expect(res.status, res.text).toBe(409);
    const error = (res.body as { error: { code: string; message: string; details: Record<string, unknown>[] } }).error;
    expect(error.code).toBe('pack-version-unusable');
    expect(error.message).toBe("Nothing was stored: Herefordshire Council's pack version 1.0.0 cannot be used by this server, because it needs the plugin fact \"monthsAfter\", which the council's plugin no longer supplies. Tell your system administrator.");
    expect(error.details).toEqual([expect.objectContaining({ pointer: `/extensions/facts/${content.extensions!.facts!.indexOf('monthsAfter')}`, fact: 'monthsAfter', council: 'herefordshire', packVersion: '1.0.0', packHash: hash })]);
    expect(String(error.details[0]!.message)).toContain('Pack version 1.0.0');
    expect((await send()).status).toBe(409);
    expect(logged.filter((l) => l.includes('monthsAfter'))).toHaveLength(1);
    expect(logged.filter((l) => l.startsWith('[error]'))).toEqual([]);
    expect(await t.db.query("SELECT id FROM assessments WHERE council_id = 'herefordshire'")).toEqual([]);
  });
});
