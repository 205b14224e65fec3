import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { tableFingerprint } from '../store/fingerprint.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

describe.each(testStoreKinds)('a draft declaring its parameters, on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await makeTestApp(kind); });
  afterAll(async () => { await t?.dispose(); });

  /** Testshire's draft with the improvement plan's due time declared (0 to 250 days) and set to `days`. */
  async function draftWithDueTime(days: number) {
    const res = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const content = structuredClone(res.body.content);
    content.parameters = {
      improvementPlanDays: { label: 'Improvement plan due within', type: 'integer', unit: 'days', min: 0, max: 250, value: days, source: { doc: 'qaf', section: '3' } },
    };
    content.outcomes.actions[0].due = { days: { param: 'improvementPlanDays' } };
    return { content, etag: res.headers.get('etag')! };
  }

  it('refuses a due time out of its bounds with 422 naming the value\'s pointer, and writes nothing', async () => {
    for (const days of [-2, 100_000]) {
      const { content, etag } = await draftWithDueTime(days);
      const before = await tableFingerprint(t.db);
      const res = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': etag } });
      expect(res.status).toBe(422);
      expect(res.body.error.details).toEqual([{
        code: 'parameter.bounds', pointer: '/parameters/improvementPlanDays/value',
        message: `Improvement plan due within ("improvementPlanDays") is ${days}, but it must be from 0 to 250 days.`,
        hint: 'Give a whole number from 0 to 250 days.',
      }]);
      expect(await tableFingerprint(t.db)).toEqual(before);
    }
  });

  it('saves one within its bounds, and the cases run with the declared value', async () => {
    const { content, etag } = await draftWithDueTime(7);
    const res = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': etag } });
    expect([res.status, res.body.valid, res.body.errors]).toEqual([200, true, []]);
    // The stored case expects the plan due 7 days after 2025-03-01.
    const cases = await t.call('POST', '/api/councils/testshire/draft/cases', { as: 'testshireAdmin' });
    expect(cases.status).toBe(200);
    expect(cases.body.failed).toBe(0);
  });
});
