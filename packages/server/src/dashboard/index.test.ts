import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';

describe.each(testStoreKinds)('the dashboard on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    const assess = async (name: string, date: string, fully: number) => {
      const p = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name } });
      await t.call('POST', '/api/councils/testshire/assessments', {
        as: 'testshireOfficer',
        body: { providerId: p.body.id, date, judgements: judgements(fully), facts: { concerns: false } },
      });
    };
    await assess('Bronze Early', '2025-01-01', 1); // plan due 2025-01-08, visit due 2026-01-01
    await assess('Bronze Late', '2025-06-01', 1); // plan due 2025-06-08, visit due 2026-06-01
    await assess('Gold Star', '2025-01-15', 4); // visit due 2027-01-15
    await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Not Yet' } });
  });
  afterAll(async () => t?.dispose());

  it('counts providers by current rating, including those never assessed', async () => {
    const res = await t.call('GET', '/api/councils/testshire/dashboard?today=2025-06-05&days=30', { as: 'testshireViewer' });
    expect(res.status).toBe(200);
    expect(res.body.byRating).toEqual({ Bronze: 2, Gold: 1, 'Not assessed': 1 });
  });

  it('lists actions overdue and due within the window, overdue first', async () => {
    const res = await t.call('GET', '/api/councils/testshire/dashboard?today=2025-06-05&days=30', { as: 'testshireViewer' });
    expect(res.body.actions.map((a: { name: string; due: string; overdue: boolean }) => [a.name, a.due, a.overdue])).toEqual([
      ['Bronze Early', '2025-01-08', true],
      ['Bronze Late', '2025-06-08', false],
    ]);
  });

  it('lists visits due in the next N days', async () => {
    const res = await t.call('GET', '/api/councils/testshire/dashboard?today=2025-12-15&days=30', { as: 'testshireViewer' });
    expect(res.body.visits.map((v: { name: string; nextDue: string }) => [v.name, v.nextDue])).toEqual([['Bronze Early', '2026-01-01']]);
  });

  it('refuses a bad window with 422 and pointers', async () => {
    const res = await t.call('GET', '/api/councils/testshire/dashboard?days=-3&today=June', { as: 'testshireViewer' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { pointer: string }) => d.pointer)).toEqual(['/today', '/days']);
  });
});
