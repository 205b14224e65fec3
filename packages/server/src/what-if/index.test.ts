import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';

describe.each(testStoreKinds)('what-if on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    // Three providers: Gold (4 Fully met), Silver on the threshold (3), Bronze (1).
    for (const [name, fully] of [['Gold Care', 4], ['Threshold Care', 3], ['Bronze Care', 1]] as const) {
      const p = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name } });
      // An older assessment first, so only the latest one counts.
      await t.call('POST', '/api/councils/testshire/assessments', {
        as: 'testshireOfficer',
        body: { providerId: p.body.id, date: '2024-06-01', judgements: judgements(0, 4), facts: { concerns: false } },
      });
      await t.call('POST', '/api/councils/testshire/assessments', {
        as: 'testshireOfficer',
        body: { providerId: p.body.id, date: '2025-02-01', judgements: judgements(fully), facts: { concerns: false } },
      });
    }
    await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Never Assessed' } });
  });
  afterAll(async () => t?.dispose());

  it('shows who changes band when the draft raises the Silver threshold', async () => {
    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const content = structuredClone(draft.body.content);
    content.decisions.overallRating.rules.find((r: { id: string }) => r.id === 'silver').when.value = 4;
    await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': draft.headers.get('etag')! } });

    const res = await t.call('POST', '/api/councils/testshire/what-if', { as: 'testshireViewer' });
    expect(res.status).toBe(200);
    expect(res.body.providers).toBe(3);
    expect(res.body.before).toEqual({ Gold: 1, Silver: 1, Bronze: 1 });
    expect(res.body.after).toEqual({ Gold: 1, Bronze: 2 });
    expect(res.body.changed).toEqual([expect.objectContaining({ name: 'Threshold Care', before: 'Silver', after: 'Bronze', headlineChanged: true })]);
    expect(res.body.changed[0].differences[0]).toMatchObject({ kind: 'headline', explanation: 'Overall rating: Silver -> Bronze' });
    expect(res.body.unchanged).toBe(2);
    expect(res.body.errors).toEqual([]);
  });

  it('is refused for another council', async () => {
    expect((await t.call('POST', '/api/councils/testshire/what-if', { as: 'othertonAdmin' })).status).toBe(403);
  });
});
