import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

const [pglite] = testStoreKinds;

describe('dates in query strings are real calendar dates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(pglite!);
  });
  afterAll(async () => t?.dispose());

  it.each([
    ['/api/councils/testshire/pack/in-force?date=2025-02-30', '/date'],
    ['/api/councils/testshire/pack/in-force?date=2024-13-01', '/date'],
    ['/api/councils/testshire/pack/assessment-schema?date=2025-99-99', '/date'],
    ['/api/councils/testshire/dashboard?today=2025-02-30', '/today'],
    ['/api/councils/testshire/dashboard?today=2025-2-3', '/today'],
  ])('%s is a 422 naming the parameter', async (path, pointer) => {
    const res = await t.call('GET', path, { as: 'testshireViewer' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid-query');
    expect(res.body.error.details).toEqual([{ pointer, message: 'must be a real calendar date (YYYY-MM-DD)' }]);
  });

  it('accepts a leap day that exists', async () => {
    const res = await t.call('GET', '/api/councils/testshire/dashboard?today=2024-02-29', { as: 'testshireViewer' });
    expect(res.status).toBe(200);
    expect(res.body.today).toBe('2024-02-29');
  });

  it('names every bad parameter of a query at once', async () => {
    const res = await t.call('GET', '/api/councils/testshire/diff', { as: 'testshireViewer' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { pointer: string }) => d.pointer)).toEqual(['/from', '/to']);
  });
});
