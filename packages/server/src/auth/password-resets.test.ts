import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, makeTestApp, signIn } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { hashSecret } from './secrets.js';

const CHOSEN = 'a passphrase the user chose';
const TEMPORARY = 'a temporary passphrase from the admin';

describe.each(testStoreKinds)('one-time password resets and temporary passwords on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  const auditCount = async () => Number((await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_log'))[0]!.n);
  const audits = (action: string, userId: string) =>
    t.db.query<{ actor: string; council_id: string | null; detail: Record<string, unknown>; text: string }>(
      'SELECT actor, council_id, detail, row_to_json(a)::text AS text FROM audit_log a WHERE action = $1 AND entity_id = $2 ORDER BY id',
      [action, userId],
    );
  const useCode = (code: string, newPassword = CHOSEN) => t.call('POST', '/api/auth/password-reset', { body: { code, newPassword } });
  const login = async (email: string, password = TEST_PASSWORD) => {
    const { res, body, cookie } = await signIn(t.app, email, password);
    return { status: res.status, body: body as { mustChangePassword?: boolean; csrfToken: string }, cookie };
  };

  it('lets a platform admin issue a code shown once and stored hashed; the user chooses a password with it, once, and is signed out everywhere', async () => {
    const id = t.userIds.testshireViewer;
    const session = await login('testshireviewer@example.test');
    const issued = await t.call('POST', `/api/users/${id}/password-reset`, { as: 'platformAdmin' });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ userId: id, email: 'testshireviewer@example.test', resetPath: `#/reset-password/${issued.body.code}` });
    const hours = (Date.parse(issued.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const stored = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM password_resets WHERE user_id = $1', [id]);
    expect(stored).toEqual([{ token_hash: hashSecret(issued.body.code) }]);
    // Issuing changes nothing yet: the old password and the session still work.
    expect((await t.app.request('/api/auth/me', { headers: { cookie: session.cookie } })).status).toBe(200);

    expect((await useCode(issued.body.code)).status).toBe(204);
    expect(((await (await t.app.request('/api/auth/me', { headers: { cookie: session.cookie } })).json()) as { user: unknown }).user).toBeNull();
    expect((await t.call('GET', '/api/councils/testshire/providers', { as: 'testshireViewer' })).status).toBe(401);
    expect((await login('testshireviewer@example.test')).status).toBe(401);
    const signedIn = await login('testshireviewer@example.test', CHOSEN);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.mustChangePassword).toBe(false);

    const again = await useCode(issued.body.code, 'yet another passphrase');
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: 'invalid-reset-code', details: [{ pointer: '/code' }] });

    const [issue] = await audits('password-reset-issue', id);
    expect(issue).toMatchObject({ actor: t.userIds.platformAdmin, council_id: null });
    const [use] = await audits('password-reset-use', id);
    expect(use).toMatchObject({ actor: id, detail: { sessionsEnded: 1, tokensRevoked: 1 } });
    for (const row of [issue!, use!]) {
      expect(row.text).not.toContain(issued.body.code);
      expect(row.text).not.toContain(CHOSEN);
    }
  });

  it('refuses an expired code, an unknown one and a short password, changing nothing', async () => {
    const id = t.userIds.othertonOfficer;
    const issued = await t.call('POST', `/api/users/${id}/password-reset`, { as: 'platformAdmin' });
    const before = await auditCount();
    const short = await useCode(issued.body.code, 'too short');
    expect(short.status).toBe(422);
    expect(short.body.error.details.map((d: { pointer: string }) => d.pointer)).toEqual(['/newPassword']);
    expect((await useCode('not-a-code')).status).toBe(400);
    await t.db.query("UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE user_id = $1", [id]);
    const expired = await useCode(issued.body.code);
    expect(expired.status).toBe(400);
    expect(expired.body.error.message).toMatch(/unknown, already used or expired/);
    expect(await auditCount()).toBe(before);
    expect((await login('othertonofficer@example.test')).status).toBe(200);
  });

  it('keeps only the newest code of a user, and refuses callers who may not issue one', async () => {
    const id = t.userIds.nobody;
    const first = await t.call('POST', `/api/users/${id}/password-reset`, { as: 'platformAdmin' });
    const second = await t.call('POST', `/api/users/${id}/password-reset`, { as: 'platformAdmin' });
    expect((await audits('password-reset-issue', id)).map((a) => a.detail.replacedUnused)).toEqual([0, 1]);
    expect((await useCode(first.body.code)).status).toBe(400);

    const before = await auditCount();
    expect((await t.call('POST', `/api/users/${id}/password-reset`)).status).toBe(401);
    expect((await t.call('POST', `/api/users/${id}/password-reset`, { as: 'testshireAdmin' })).status).toBe(403);
    expect((await t.call('POST', '/api/users/no-such-user/password-reset', { as: 'platformAdmin' })).status).toBe(404);
    const own = await t.call('POST', `/api/users/${t.userIds.platformAdmin}/password-reset`, { as: 'platformAdmin' });
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('own-account');
    expect(await auditCount()).toBe(before);
    expect((await useCode(second.body.code)).status).toBe(204);
  });

  it('lets a council admin issue a code for a member whose roles are all in councils they administer, and no one else', async () => {
    const path = (userId: string) => `/api/councils/testshire/members/${userId}/password-reset`;
    const officer = t.userIds.testshireOfficer;
    const issued = await t.call('POST', path(officer), { as: 'testshireAdmin' });
    expect(issued.status).toBe(201);
    expect((await audits('password-reset-issue', officer)).at(-1)).toMatchObject({ actor: t.userIds.testshireAdmin, council_id: 'testshire' });

    const before = await auditCount();
    expect((await t.call('POST', path(officer))).status).toBe(401);
    expect((await t.call('POST', path(officer), { as: 'testshireOfficer' })).status).toBe(403);
    const outsider = await t.call('POST', path(t.userIds.othertonAdmin), { as: 'testshireAdmin' });
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.message).toContain('with a role in council "testshire"');
    expect((await t.call('POST', path(t.userIds.testshireAdmin), { as: 'testshireAdmin' })).status).toBe(409);
    // An otherton admin given a viewer role in testshire: a new password would let them into otherton too.
    await t.db.query("INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, 'testshire', 'viewer')", [t.userIds.othertonAdmin]);
    const wider = await t.call('POST', path(t.userIds.othertonAdmin), { as: 'testshireAdmin' });
    expect(wider.status).toBe(403);
    expect(wider.body.error.message).toContain('also works in council "otherton"');
    await t.db.query("INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, 'testshire', 'viewer')", [t.userIds.platformAdmin]);
    const admin = await t.call('POST', path(t.userIds.platformAdmin), { as: 'testshireAdmin' });
    expect(admin.status).toBe(403);
    expect(admin.body.error.message).toBe('Only a platform admin may reset the password of a platform admin');
    await t.db.query("DELETE FROM council_roles WHERE council_id = 'testshire' AND user_id = ANY($1::text[])", [[t.userIds.othertonAdmin, t.userIds.platformAdmin]]);
    expect(await auditCount()).toBe(before);
  });

  it('makes a password an admin typed temporary: the session can only change it, to a different one, and then works', async () => {
    const id = t.userIds.othertonAdmin;
    expect((await t.call('POST', `/api/users/${id}/password`, { as: 'platformAdmin', body: { password: TEMPORARY } })).status).toBe(204);
    const session = await login('othertonadmin@example.test', TEMPORARY);
    expect(session.body.mustChangePassword).toBe(true);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.body.csrfToken, 'content-type': 'application/json' };
    const me = await t.app.request('/api/auth/me', { headers });
    expect(await me.json()).toMatchObject({ mustChangePassword: true });
    const blocked = await t.app.request('/api/councils/otherton/providers', { headers });
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('password-change-required');

    const change = (newPassword: string) =>
      t.app.request('/api/auth/password', { method: 'POST', headers, body: JSON.stringify({ currentPassword: TEMPORARY, newPassword }) });
    const same = await change(TEMPORARY);
    expect(same.status).toBe(422);
    expect((await change(CHOSEN)).status).toBe(204);
    expect((await t.app.request('/api/councils/otherton/providers', { headers })).status).toBe(200);
    expect(await (await t.app.request('/api/auth/me', { headers })).json()).toMatchObject({ mustChangePassword: false });
    const [row] = await t.db.query<{ must_change_password: boolean }>('SELECT must_change_password FROM users WHERE id = $1', [id]);
    expect(row!.must_change_password).toBe(false);
  });
});

describe.each(testStoreKinds)('a council admin disabling and enabling members on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());
  const member = (userId: string) => `/api/councils/testshire/members/${userId}`;
  const auditCount = async () => Number((await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_log'))[0]!.n);

  it('disables a member at once (signed out, API tokens revoked, cannot sign in), shows it in the members list, and enables them again, audited under the council', async () => {
    const id = t.userIds.testshireViewer;
    const { cookie } = await signIn(t.app, 'testshireviewer@example.test');
    const res = await t.call('PATCH', member(id), { as: 'testshireAdmin', body: { disabled: true } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, disabled: true });
    expect(((await (await t.app.request('/api/auth/me', { headers: { cookie } })).json()) as { user: unknown }).user).toBeNull();
    expect((await t.call('GET', '/api/councils/testshire/providers', { as: 'testshireViewer' })).status).toBe(401);
    expect((await signIn(t.app, 'testshireviewer@example.test')).res.status).toBe(401);
    const members = (await t.call('GET', '/api/councils/testshire/members', { as: 'testshireAdmin' })).body.members;
    expect(members.find((m: { id: string }) => m.id === id)).toMatchObject({ disabled: true, role: 'viewer' });

    const enabled = await t.call('PATCH', member(id), { as: 'testshireAdmin', body: { disabled: false } });
    expect(enabled.body.disabled).toBe(false);
    expect((await signIn(t.app, 'testshireviewer@example.test')).res.status).toBe(200);
    const rows = await t.db.query<{ actor: string; council_id: string; detail: Record<string, unknown> }>(
      "SELECT actor, council_id, detail FROM audit_log WHERE action = 'user-update' AND entity_id = $1 ORDER BY id",
      [id],
    );
    expect(rows).toEqual([
      { actor: t.userIds.testshireAdmin, council_id: 'testshire', detail: { changes: { disabled: true }, sessionsEnded: 1, tokensRevoked: 1 } },
      { actor: t.userIds.testshireAdmin, council_id: 'testshire', detail: { changes: { disabled: false } } },
    ]);
  });

  it('refuses the anonymous (401), an officer (403), a user of another council (404), a member working beyond the admin (403), their own account (409) and a bad body (422), writing nothing', async () => {
    const before = await auditCount();
    const officer = t.userIds.testshireOfficer;
    expect((await t.call('PATCH', member(officer), { body: { disabled: true } })).status).toBe(401);
    expect((await t.call('PATCH', member(officer), { as: 'testshireOfficer', body: { disabled: true } })).status).toBe(403);
    expect((await t.call('PATCH', member(t.userIds.othertonOfficer), { as: 'testshireAdmin', body: { disabled: true } })).status).toBe(404);
    const own = await t.call('PATCH', member(t.userIds.testshireAdmin), { as: 'testshireAdmin', body: { disabled: true } });
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('own-account');
    const bad = await t.call('PATCH', member(officer), { as: 'testshireAdmin', body: { disabled: 'yes' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { pointer: string }) => d.pointer)).toEqual(['/disabled']);
    await t.db.query("INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, 'testshire', 'viewer')", [t.userIds.othertonOfficer]);
    const wider = await t.call('PATCH', member(t.userIds.othertonOfficer), { as: 'testshireAdmin', body: { disabled: true } });
    expect(wider.status).toBe(403);
    expect(wider.body.error.message).toMatch(/also works in council "otherton", which you do not administer; disabling the account would lock them out there too/);
    expect(await auditCount()).toBe(before);
    const rows = await t.db.query<{ disabled: boolean }>('SELECT disabled FROM users WHERE id = ANY($1::text[])', [[officer, t.userIds.othertonOfficer, t.userIds.testshireAdmin]]);
    expect(rows.every((r) => !r.disabled)).toBe(true);
    // A platform admin may disable that member.
    expect((await t.call('PATCH', member(t.userIds.othertonOfficer), { as: 'platformAdmin', body: { disabled: true } })).status).toBe(200);
  });
});
