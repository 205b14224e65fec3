import * as engine from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { testshirePack } from '../test-fixtures/testshire-pack.js';
import { WhatIfWorkers } from './what-if-workers.js';
import { warmWhatIf } from './warm-what-if.js';

describe('the what-if workers warmed with each published pack', () => {
  let t: TestApp;
  const workers = new WhatIfWorkers();
  beforeAll(async () => {
    t = await makeTestApp(testStoreKinds[0]!, { whatIfWorkers: workers });
  });
  afterAll(async () => {
    await workers.close();
    await t?.dispose();
  });

  it('compiles each council\'s published pack and draft, then the saved draft, the new published pack after a publish and after a roll back', async () => {
    const original = engine.packHash(testshirePack());
    expect(await warmWhatIf(t.db, testPlugins, { workers })).toBe(true);
    expect(workers.warmed.get('testshire')).toBe(original);
    expect(workers.warmed.get('otherton')).toBe(engine.packHash(testshirePack({ id: 'otherton' })));
    // The seeded drafts are the published packs.
    expect(workers.warmedDrafts.get('testshire')).toBe(original);

    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const changed = structuredClone(draft.body.content);
    changed.decisions.overallRating.rules.find((r: { id: string }) => r.id === 'silver').when.value = 4;
    const saved = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: changed, headers: { 'if-match': draft.headers.get('etag')! } });
    expect(saved.status).toBe(200);
    // The saved draft is compiled on the workers, hashed as the what-if route hashes it.
    expect(await workers.warming).toBe(true);
    const whatIf = await t.call('POST', '/api/councils/testshire/what-if', { as: 'testshireAdmin' });
    expect(whatIf.status).toBe(200);
    expect(whatIf.body.draft.hash).not.toBe(original);
    expect(workers.warmedDrafts.get('testshire')).toBe(whatIf.body.draft.hash);
    const published = await t.call('POST', '/api/councils/testshire/draft/publish', {
      as: 'testshireAdmin',
      body: { effectiveFrom: '2030-01-01', note: 'Silver needs all four', acknowledgeFindings: true, version: '1.1.0' },
    });
    expect(published.status).toBe(201);
    expect(await workers.warming).toBe(true);
    expect(published.body.hash).not.toBe(original);
    expect(workers.warmed.get('testshire')).toBe(published.body.hash);

    const rolledBack = await t.call('POST', '/api/councils/testshire/versions/1.0.0/rollback', { as: 'testshireAdmin', body: {} });
    expect(rolledBack.status).toBe(201);
    expect(await workers.warming).toBe(true);
    expect(workers.warmed.get('testshire')).toBe(original);
  });
});
