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

  it('filters by user, kind of change, thing changed and dates, and each filter excludes what it should', async () => {
    const all = (await t.call('GET', '/api/audit?limit=1000', { as: 'platformAdmin' })).body.entries as { id: number; actor: string; action: string; entity: string; entityId: string; councilId: string }[];
    const created = all.find((e) => e.action === 'provider-create' && e.councilId === 'testshire')!;
    const byActor = (await t.call('GET', `/api/audit?actor=${t.userIds.othertonOfficer}`, { as: 'platformAdmin' })).body.entries;
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e: { actor: string }) => e.actor === t.userIds.othertonOfficer)).toBe(true);
    const byCouncil = (await t.call('GET', '/api/audit?council=otherton&action=provider-create', { as: 'platformAdmin' })).body.entries;
    expect(byCouncil.map((e: { councilId: string; action: string }) => [e.councilId, e.action])).toEqual([['otherton', 'provider-create']]);
    const byProvider = (await t.call('GET', `/api/councils/testshire/audit?entity=provider&entityId=${created.entityId}`, { as: 'testshireAdmin' })).body.entries;
    expect(byProvider.map((e: { id: number }) => e.id)).toEqual([created.id]);
    const today = new Date().toISOString().slice(0, 10);
    const inRange = (await t.call('GET', `/api/audit?from=${today}&to=${today}&action=provider-create`, { as: 'platformAdmin' })).body.entries;
    expect(inRange).toHaveLength(2);
    const before = (await t.call('GET', '/api/audit?to=2000-01-01', { as: 'platformAdmin' })).body.entries;
    expect(before).toEqual([]);
  });

  it('refuses a bad date or a from after to, naming the parameter', async () => {
    const bad = await t.call('GET', '/api/audit?from=2026-02-30', { as: 'platformAdmin' });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.error.details)).toContain('from');
    const reversed = await t.call('GET', '/api/audit?from=2026-12-02&to=2026-12-01', { as: 'platformAdmin' });
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.details[0].pointer).toBe('/from');
  });

  it("opens one entry with what changed, and hides another council's entry from a council admin", async () => {
    const all = (await t.call('GET', '/api/audit?action=provider-create', { as: 'platformAdmin' })).body.entries as { id: number; councilId: string }[];
    const mine = all.find((e) => e.councilId === 'testshire')!;
    const theirs = all.find((e) => e.councilId === 'otherton')!;
    const one = await t.call('GET', `/api/councils/testshire/audit/${mine.id}`, { as: 'testshireAdmin' });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: mine.id, action: 'provider-create', afterHash: contentHash({ name: 'Audited Care' }) });
    expect((await t.call('GET', `/api/councils/testshire/audit/${theirs.id}`, { as: 'testshireAdmin' })).status).toBe(404);
    expect((await t.call('GET', `/api/audit/${theirs.id}`, { as: 'platformAdmin' })).body.councilId).toBe('otherton');
    expect((await t.call('GET', '/api/audit/999999999', { as: 'platformAdmin' })).status).toBe(404);
  });

  it('offers no way to change an entry', async () => {
    const [entry] = (await t.call('GET', '/api/audit?limit=1', { as: 'platformAdmin' })).body.entries;
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await t.call(method, `/api/audit/${entry.id}`, { as: 'platformAdmin', ...(method === 'DELETE' ? {} : { body: { action: 'x' } }) });
      expect(res.status, method).toBe(404);
    }
  });
});
