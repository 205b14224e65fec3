import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

describe.each(testStoreKinds)("a council admin's work on members' API tokens on $name", (kind) => {
  let t: TestApp;
  const tokens = (userId: string) => `/api/councils/testshire/members/${userId}/tokens`;
  const auditCount = async () => Number((await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_log'))[0]!.n);

  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  it("makes a member's token (the secret once), lists it without the secret, and revokes it, audited under the council", async () => {
    const officer = t.userIds.testshireOfficer;
    const made = await t.call('POST', tokens(officer), { as: 'testshireAdmin', body: { name: 'Nightly import', scopes: ['read'], expiresInDays: 30 } });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^qaf_/);
    // The token works as the officer, with its scope.
    const asMember = await t.app.request('/api/auth/me', { headers: { authorization: `Bearer ${made.body.token}` } });
    expect(((await asMember.json()) as { user: { id: string }; scopes: string[] })).toMatchObject({ user: { id: officer }, scopes: ['read'] });

    const list = await t.call('GET', tokens(officer), { as: 'testshireAdmin' });
    expect(list.status).toBe(200);
    // The test persona's own token, and the new one, oldest first.
    expect(list.body.tokens.map((k: { name: string }) => k.name)).toEqual(['test', 'Nightly import']);
    expect(JSON.stringify(list.body)).not.toContain(made.body.token);
    // The officer sees it among their own tokens too.
    expect((await t.call('GET', '/api/auth/tokens', { as: 'testshireOfficer' })).body.tokens.map((k: { id: string }) => k.id)).toContain(made.body.id);

    const revoked = await t.call('DELETE', `${tokens(officer)}/${made.body.id}`, { as: 'testshireAdmin' });
    expect(revoked.status).toBe(204);
    expect((await t.app.request('/api/auth/me', { headers: { authorization: `Bearer ${made.body.token}` } })).status).toBe(401);
    const audit = await t.db.query<{ actor: string; council_id: string; action: string; detail: { user?: string } }>(
      "SELECT actor, council_id, action, detail FROM audit_log WHERE entity = 'api-token' AND entity_id = $1 ORDER BY id",
      [made.body.id],
    );
    expect(audit.map((a) => [a.actor, a.council_id, a.action, a.detail.user])).toEqual([
      [t.userIds.testshireAdmin, 'testshire', 'token-create', officer],
      [t.userIds.testshireAdmin, 'testshire', 'token-revoke', officer],
    ]);
    // Revoking it again: nothing there, nothing written.
    const before = await auditCount();
    expect((await t.call('DELETE', `${tokens(officer)}/${made.body.id}`, { as: 'testshireAdmin' })).status).toBe(404);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a user of another council (404), and a member who also works in a council the admin does not administer (403), writing nothing', async () => {
    const before = await auditCount();
    const outsider = await t.call('POST', tokens(t.userIds.othertonOfficer), { as: 'testshireAdmin', body: { name: 'x' } });
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.message).toContain('with a role in council "testshire"');
    expect((await t.call('GET', tokens(t.userIds.othertonOfficer), { as: 'testshireAdmin' })).status).toBe(404);

    // An otherton officer given a viewer role in testshire: a token would act in otherton too.
    await t.db.query("INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, 'testshire', 'viewer')", [t.userIds.othertonOfficer]);
    const wider = await t.call('POST', tokens(t.userIds.othertonOfficer), { as: 'testshireAdmin', body: { name: 'x' } });
    expect(wider.status).toBe(403);
    expect(wider.body.error.message).toContain('also works in council "otherton"');
    expect(await auditCount()).toBe(before);
    // Listing and revoking stay open to the council's admin; a platform admin may make the token.
    expect((await t.call('GET', tokens(t.userIds.othertonOfficer), { as: 'testshireAdmin' })).status).toBe(200);
    expect((await t.call('POST', tokens(t.userIds.othertonOfficer), { as: 'platformAdmin', body: { name: 'Handed over' } })).status).toBe(201);
  });

  it('refuses an officer (403) and a bad body naming the field (422)', async () => {
    expect((await t.call('GET', tokens(t.userIds.testshireViewer), { as: 'testshireOfficer' })).status).toBe(403);
    const bad = await t.call('POST', tokens(t.userIds.testshireViewer), { as: 'testshireAdmin', body: { name: 'x', expiresInDays: 400 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].pointer).toBe('/expiresInDays');
  });
});
