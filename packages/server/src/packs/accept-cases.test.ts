import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

describe.each(testStoreKinds)('accepting the new results of failing cases on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  async function draft() {
    const res = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    return { etag: res.headers.get('etag')!, content: res.body.content };
  }
  const audits = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'case-accept'"))[0]!.n;

  it('records the accepted result with the name of who accepted it and the date, audited, and the cases then pass', async () => {
    const { etag, content } = await draft();
    const changed = structuredClone(content);
    // The fixture's document says every criterion Fully met gives Gold; the case is made to expect Bronze.
    changed.cases[0].want.headline = 'Bronze';
    const saved = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: changed, headers: { 'if-match': etag } });
    const before = await audits();
    const res = await t.call('POST', '/api/councils/testshire/draft/cases/accept', {
      as: 'testshireAdmin', body: { cases: ['all-fully-met-gold'], reason: 'Reviewed after the threshold change' }, headers: { 'if-match': saved.headers.get('etag')! },
    });
    expect(res.status).toBe(200);
    const name = (await t.db.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [t.userIds.testshireAdmin]))[0]!.name;
    const today = new Date().toISOString().slice(0, 10);
    expect(res.body.accepted[0].want.headline).toBe('Gold');
    expect(res.body.accepted[0].accepted).toEqual({ by: name, on: today, reason: 'Reviewed after the threshold change' });
    const after = await draft();
    expect(after.content.cases[0].accepted.by).toBe(name);
    expect(after.etag).toBe(res.headers.get('etag'));
    expect(await audits()).toBe(before + 1);
    const run = await t.call('POST', '/api/councils/testshire/draft/cases', { as: 'testshireViewer' });
    expect(run.body.failed).toBe(0);
    expect(run.body.results[0].accepted.by).toBe(name);
  });

  it('refuses a passing case, an unknown id and a stale revision, naming each, and writes nothing', async () => {
    const { etag } = await draft();
    const before = await audits();
    const passing = await t.call('POST', '/api/councils/testshire/draft/cases/accept', { as: 'testshireAdmin', body: { cases: ['all-fully-met-gold'] }, headers: { 'if-match': etag } });
    expect(passing.status).toBe(422);
    expect(passing.body.error.details).toEqual([{ pointer: '/cases/0', message: 'case "all-fully-met-gold" passes: there is no new result to accept' }]);
    const unknown = await t.call('POST', '/api/councils/testshire/draft/cases/accept', { as: 'testshireAdmin', body: { cases: ['all-fully-met-gold', 'nope'] }, headers: { 'if-match': etag } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details).toEqual([{ pointer: '/cases/1', message: 'no case "nope" in the draft' }]);
    const stale = await t.call('POST', '/api/councils/testshire/draft/cases/accept', { as: 'testshireAdmin', body: { cases: ['all-fully-met-gold'] }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(409);
    const noMatch = await t.call('POST', '/api/councils/testshire/draft/cases/accept', { as: 'testshireAdmin', body: { cases: ['all-fully-met-gold'] } });
    expect(noMatch.status).toBe(428);
    const empty = await t.call('POST', '/api/councils/testshire/draft/cases/accept', { as: 'testshireAdmin', body: { cases: [] }, headers: { 'if-match': etag } });
    expect(empty.status).toBe(422);
    expect((await draft()).etag).toBe(etag);
    expect(await audits()).toBe(before);
  });

  it('is for council admins only: a viewer is refused', async () => {
    const { etag } = await draft();
    const res = await t.call('POST', '/api/councils/testshire/draft/cases/accept', { as: 'testshireViewer', body: { cases: ['all-fully-met-gold'] }, headers: { 'if-match': etag } });
    expect(res.status).toBe(403);
  });
});
