import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';
import { monthsUpTo } from './rating-mix.js';

describe('monthsUpTo', () => {
  it('gives the months ending with the current one, across a year end', () => {
    expect(monthsUpTo('2026-02-10', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});

describe.each(testStoreKinds)('the rating mix over time on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    const p = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Improving' } });
    const assess = (date: string, fully: number) =>
      t.call('POST', '/api/councils/testshire/assessments', { as: 'testshireOfficer', body: { providerId: p.body.id, date, judgements: judgements(fully), facts: { concerns: false } } });
    await assess('2025-01-10', 1); // Bronze
    await assess('2025-03-20', 4); // Gold
  });
  afterAll(async () => t?.dispose());

  it("counts each provider under its latest rating at each month's end", async () => {
    const res = await t.call('GET', '/api/councils/testshire/dashboard/rating-mix?today=2025-04-15&months=4', { as: 'testshireViewer' });
    expect(res.status).toBe(200);
    expect(res.body.points.map((p: { month: string; asOf: string; byRating: Record<string, number> }) => [p.month, p.asOf, p.byRating])).toEqual([
      ['2025-01', '2025-01-31', { Bronze: 1 }],
      ['2025-02', '2025-02-28', { Bronze: 1 }],
      ['2025-03', '2025-03-31', { Gold: 1 }],
      ['2025-04', '2025-04-15', { Gold: 1 }],
    ]);
  });

  it('refuses a bad number of months with 422 at /months', async () => {
    const res = await t.call('GET', '/api/councils/testshire/dashboard/rating-mix?months=0', { as: 'testshireViewer' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { pointer: string }) => d.pointer)).toEqual(['/months']);
  });
});
