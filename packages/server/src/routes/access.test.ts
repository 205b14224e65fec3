import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

const [pglite] = testStoreKinds;

/** A 4 MiB body that is not even JSON: reading it would be a 400. */
const bigMalformedBody = `{"judgements": ${'x'.repeat(4 * 1024 * 1024)}`;

describe('access is checked before the body is read', () => {
  let t: TestApp;
  let auditCount: () => Promise<number>;
  beforeAll(async () => {
    t = await makeTestApp(pglite!);
    auditCount = async () => Number((await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_log'))[0]!.n);
  });
  afterAll(async () => t?.dispose());

  it('answers an anonymous 4 MB malformed assessment with 401, not 400', async () => {
    const res = await t.call('POST', '/api/councils/testshire/assessments', { raw: bigMalformedBody });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('answers another council\'s officer with 403 before judging the body', async () => {
    const res = await t.call('POST', '/api/councils/testshire/assessments', { as: 'othertonOfficer', raw: bigMalformedBody });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('answers an anonymous body of the wrong media type with 401, not 415', async () => {
    for (const [method, path] of [
      ['POST', '/api/councils/testshire/assessments'],
      ['PUT', '/api/councils/testshire/draft'],
      ['POST', '/api/councils/testshire/providers'],
      ['POST', '/api/users'],
    ] as const) {
      const res = await t.call(method, path, { raw: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('still answers an unknown council with 404 before the caller is judged', async () => {
    const res = await t.call('POST', '/api/councils/nowhere/assessments', { raw: bigMalformedBody });
    expect(res.status).toBe(404);
  });

  it('reads the body once the caller may write: malformed JSON is then a 400 naming the line', async () => {
    const before = await auditCount();
    const res = await t.call('POST', '/api/councils/testshire/assessments', { as: 'testshireOfficer', raw: '{\n"date": }' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'malformed-json', details: [{ line: 2 }] });
    expect(await auditCount()).toBe(before);
  });
});
