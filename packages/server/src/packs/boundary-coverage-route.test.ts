import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { testshirePack } from '../test-fixtures/testshire-pack.js';

describe.each(testStoreKinds)('which thresholds the cases test, on $name', (kind) => {
  let t: TestApp;
  beforeEach(async () => { t = await makeTestApp(kind); });
  afterEach(async () => { await t.dispose(); });

  async function saveDraft(body: unknown) {
    const etag = (await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' })).headers.get('etag')!;
    return t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body, headers: { 'if-match': etag } });
  }

  it("measures the saved draft's cases, each side with the cases on its edge, and says no reasons are recorded", async () => {
    const pack = testshirePack({ silverMin: 2 });
    const saved = await saveDraft(pack);
    expect(saved.status).toBe(200);
    const r = await t.call('POST', '/api/councils/testshire/draft/boundary-coverage', { as: 'testshireViewer' });
    expect(r.status).toBe(200);
    expect(r.body.revision).toBe(saved.body.revision);
    expect(r.body.version).toBeNull();
    expect(r.body.reasons).toEqual({ file: null, recorded: 0, setAside: [] });
    const silver = r.body.report.thresholds.find((x: { rule: string }) => x.rule === 'silver');
    // The draft's own threshold (2), not the published version's (3).
    expect(silver).toMatchObject({ threshold: 2, words: 'at least 2 criteria judged at least Fully met' });
    const gold = r.body.report.thresholds.find((x: { rule: string }) => x.rule === 'gold');
    expect(gold.sides).toEqual([{ side: 'below', edge: 3, coveredBy: [] }, { side: 'at-or-above', edge: 4, coveredBy: ['all-fully-met-gold'] }]);
    expect(r.body.report.summary).toEqual({ thresholds: 5, sides: 10, covered: 2, leftUncovered: 0, uncovered: 8 });
  });

  it('measures a published version', async () => {
    const r = await t.call('GET', '/api/councils/testshire/versions/1.0.0/boundary-coverage', { as: 'testshireViewer' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ revision: null, version: '1.0.0' });
    expect(r.body.report.thresholds.find((x: { rule: string }) => x.rule === 'silver').threshold).toBe(3);
  });

  it('refuses an invalid draft with its problems, an unknown version, and anyone without a role in the council', async () => {
    const pack = testshirePack() as unknown as Record<string, unknown>;
    const saved = await saveDraft({ ...pack, scales: 'not scales' });
    expect(saved.status).toBe(200);
    const invalid = await t.call('POST', '/api/councils/testshire/draft/boundary-coverage', { as: 'testshireViewer' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('invalid-pack');
    expect(invalid.body.error.details.some((d: { pointer: string }) => d.pointer === '/scales')).toBe(true);
    const missing = await t.call('GET', '/api/councils/testshire/versions/9.9.9/boundary-coverage', { as: 'testshireViewer' });
    expect(missing.status).toBe(404);
    const outsider = await t.call('GET', '/api/councils/testshire/versions/1.0.0/boundary-coverage', { as: 'othertonAdmin' });
    expect(outsider.status).toBe(403);
  });
});
