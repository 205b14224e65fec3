import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { contentHash } from './content-hash.js';

describe.each(testStoreKinds)('the audit log on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Audited Care' } });
    await t.call('POST', '/api/councils/otherton/providers', { as: 'othertonOfficer', body: { name: 'Elsewhere' } });
  });
  afterAll(async () => t?.dispose());

  it('records who did what with the after-hash of what they wrote', async () => {
    const res = await t.call('GET', '/api/councils/testshire/audit', { as: 'testshireAdmin' });
    expect(res.status).toBe(200);
    const entry = res.body.entries.find((e: { action: string }) => e.action === 'provider-create');
    expect(entry).toMatchObject({
      actor: t.userIds.testshireOfficer,
      councilId: 'testshire',
      entity: 'provider',
      afterHash: contentHash({ name: 'Audited Care' }),
    });
    expect(Date.parse(entry.at)).not.toBeNaN();
  });

  it("shows a council admin only their own council's entries", async () => {
    const res = await t.call('GET', '/api/councils/testshire/audit', { as: 'testshireAdmin' });
    expect(res.body.entries.every((e: { councilId: string }) => e.councilId === 'testshire')).toBe(true);
    expect((await t.call('GET', '/api/councils/testshire/audit', { as: 'testshireOfficer' })).status).toBe(403);
    expect((await t.call('GET', '/api/audit', { as: 'testshireAdmin' })).status).toBe(403);
  });

  it('lets a platform admin read everything, newest first, a page at a time', async () => {
    const first = await t.call('GET', '/api/audit?limit=2', { as: 'platformAdmin' });
    expect(first.body.entries).toHaveLength(2);
    const [a, b] = first.body.entries;
    expect(a.id).toBeGreaterThan(b.id);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const next = await t.call('GET', `/api/audit?limit=2&cursor=${first.body.nextCursor}`, { as: 'platformAdmin' });
    expect(next.body.entries[0].id).toBeLessThan(b.id);
    // The two pages are exactly the first four entries: nothing skipped, nothing repeated.
    const four = await t.call('GET', '/api/audit?limit=4', { as: 'platformAdmin' });
    expect([...first.body.entries, ...next.body.entries]).toEqual(four.body.entries);
    const councils = new Set((await t.call('GET', '/api/audit?limit=500', { as: 'platformAdmin' })).body.entries.map((e: { councilId: string }) => e.councilId));
    expect(councils.has('testshire') && councils.has('otherton')).toBe(true);
  });

  it('offers no way to change an entry', async () => {
    const [entry] = (await t.call('GET', '/api/audit?limit=1', { as: 'platformAdmin' })).body.entries;
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await t.call(method, `/api/audit/${entry.id}`, { as: 'platformAdmin', ...(method === 'DELETE' ? {} : { body: { action: 'x' } }) });
      expect(res.status, method).toBe(404);
    }
  });
});
