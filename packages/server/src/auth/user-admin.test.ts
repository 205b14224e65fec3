import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, makeTestApp, signIn } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { contentHash, sha256Text } from '../audit/content-hash.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

interface AuditRow {
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before_hash: string | null;
  after_hash: string | null;
  detail: Record<string, unknown>;
}

const NEW_PASSWORD = 'a temporary passphrase from the admin';

describe.each(testStoreKinds)('disabling users and resetting passwords on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  async function login(email: string, password = TEST_PASSWORD) {
    const { res, body, cookie } = await signIn(t.app, email, password);
    return { status: res.status, cookie, csrfToken: (body as { csrfToken: string }).csrfToken };
  }

  async function me(cookie: string): Promise<string | null> {
    const res = await t.app.request('/api/auth/me', { headers: { cookie } });
    return ((await res.json()) as { user: { email: string } | null }).user?.email ?? null;
  }

  async function lastAudit(): Promise<AuditRow> {
    const [row] = await t.db.query<AuditRow>(
      'SELECT actor, action, entity, entity_id, before_hash, after_hash, detail FROM audit_log ORDER BY id DESC LIMIT 1',
    );
    return row!;
  }

  async function auditCount(): Promise<number> {
    return (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_log'))[0]!.n;
  }

  async function sessionsOf(userId: string): Promise<number> {
    return (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM sessions WHERE user_id = $1', [userId]))[0]!.n;
  }

  it("disables a user at once: their session ends, their (cached) API token is revoked, and they cannot sign in", async () => {
    const id = t.userIds.testshireOfficer;
    const session = await login('testshireofficer@example.test');
    expect(await me(session.cookie)).toBe('testshireofficer@example.test');
    // The token is looked up once and then trusted for a few seconds: disabling must not wait for that.
    expect((await t.call('GET', '/api/councils/testshire/providers', { as: 'testshireOfficer' })).status).toBe(200);
    const before = (await t.call('GET', '/api/users', { as: 'platformAdmin' })).body.users.find((u: { id: string }) => u.id === id);

    const res = await t.call('PATCH', `/api/users/${id}`, { as: 'platformAdmin', body: { disabled: true } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...before, disabled: true });

    expect(await me(session.cookie)).toBeNull();
    expect(await sessionsOf(id)).toBe(0);
    const token = await t.call('GET', '/api/councils/testshire/providers', { as: 'testshireOfficer' });
    expect(token.status).toBe(401);
    expect(token.body.error.code).toBe('unauthenticated');
    expect((await login('testshireofficer@example.test')).status).toBe(401);

    expect(await lastAudit()).toEqual({
      actor: t.userIds.platformAdmin,
      action: 'user-update',
      entity: 'user',
      entity_id: id,
      before_hash: contentHash(before),
      after_hash: contentHash(res.body),
      detail: { changes: { disabled: true }, sessionsEnded: 1, tokensRevoked: 1 },
    });
    expect(await t.db.query('SELECT id FROM api_tokens WHERE user_id = $1', [id])).toEqual([]);
  });

  it('re-enables a user: they can sign in again, but their revoked API tokens stay revoked', async () => {
    const id = t.userIds.testshireOfficer;
    const res = await t.call('PATCH', `/api/users/${id}`, { as: 'platformAdmin', body: { disabled: false } });
    expect(res.status).toBe(200);
    expect(res.body.disabled).toBe(false);
    expect((await t.call('GET', '/api/councils/testshire/providers', { as: 'testshireOfficer' })).status).toBe(401);
    expect((await login('testshireofficer@example.test')).status).toBe(200);
    const users = (await t.call('GET', '/api/users', { as: 'platformAdmin' })).body.users;
    expect(users.find((u: { id: string }) => u.id === id).disabled).toBe(false);
  });

  it('renames a user and grants or removes platform admin, applying to their cached token at once', async () => {
    const id = t.userIds.nobody;
    expect((await t.call('GET', '/api/users', { as: 'nobody' })).status).toBe(403);
    const granted = await t.call('PATCH', `/api/users/${id}`, { as: 'platformAdmin', body: { platformAdmin: true, name: 'Nobody Much' } });
    expect(granted.body).toMatchObject({ id, name: 'Nobody Much', platformAdmin: true, disabled: false });
    expect((await t.call('GET', '/api/users', { as: 'nobody' })).status).toBe(200);
    const removed = await t.call('PATCH', `/api/users/${id}`, { as: 'platformAdmin', body: { platformAdmin: false } });
    expect(removed.body).toMatchObject({ name: 'Nobody Much', platformAdmin: false });
    expect((await t.call('GET', '/api/users', { as: 'nobody' })).status).toBe(403);
    expect((await lastAudit()).detail).toEqual({ changes: { platformAdmin: false } });
  });

  it('refuses to let a platform admin disable or demote themselves, writing nothing', async () => {
    const id = t.userIds.platformAdmin;
    const before = await auditCount();
    for (const body of [{ disabled: true }, { platformAdmin: false }, { disabled: true, name: 'Gone' }]) {
      const res = await t.call('PATCH', `/api/users/${id}`, { as: 'platformAdmin', body });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('own-account');
      expect(res.body.error.message).toMatch(/cannot disable your own account/);
    }
    expect(await auditCount()).toBe(before);
    const [row] = await t.db.query<{ name: string; platform_admin: boolean; disabled: boolean }>(
      'SELECT name, platform_admin, disabled FROM users WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ name: 'platformAdmin', platform_admin: true, disabled: false });
    // Renaming oneself is fine.
    const renamed = await t.call('PATCH', `/api/users/${id}`, { as: 'platformAdmin', body: { name: 'The Admin', disabled: false } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'The Admin', platformAdmin: true, disabled: false });
  });

  it('of two platform admins disabling each other at the same moment, lets only one succeed', async () => {
    const ids: string[] = [];
    for (const email of ['admin.a@example.test', 'admin.b@example.test']) {
      const created = await t.call('POST', '/api/users', { as: 'platformAdmin', body: { email, password: TEST_PASSWORD, platformAdmin: true } });
      ids.push(created.body.id);
    }
    const [a, b] = [await login('admin.a@example.test'), await login('admin.b@example.test')];
    const disable = (as: typeof a, id: string) =>
      t.app.request(`/api/users/${id}`, {
        method: 'PATCH',
        headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ disabled: true }),
      });
    const statuses = (await Promise.all([disable(a, ids[1]!), disable(b, ids[0]!)])).map((r) => r.status).sort();
    // The loser is refused inside its transaction (403), or, if it arrives a little later, its session is already gone (401).
    expect(statuses[0]).toBe(200);
    expect([401, 403]).toContain(statuses[1]);
    const rows = await t.db.query<{ disabled: boolean }>('SELECT disabled FROM users WHERE id = ANY($1::text[])', [ids]);
    expect(rows.map((r) => r.disabled).sort()).toEqual([false, true]);
  });

  it('answers 404 for an unknown user and 422 with pointers for a bad body', async () => {
    const unknown = await t.call('PATCH', '/api/users/no-such-user', { as: 'platformAdmin', body: { disabled: true } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not-found');
    const resetUnknown = await t.call('POST', '/api/users/no-such-user/password', { as: 'platformAdmin', body: { password: NEW_PASSWORD } });
    expect(resetUnknown.status).toBe(404);

    const id = t.userIds.testshireViewer;
    const bad = async (path: string, method: string, body: unknown) => {
      const res = await t.call(method, path, { as: 'platformAdmin', body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe('invalid-body');
      return res.body.error.details.map((d: { pointer: string }) => d.pointer).sort();
    };
    expect(await bad(`/api/users/${id}`, 'PATCH', { disabled: 'yes' })).toEqual(['/disabled']);
    expect(await bad(`/api/users/${id}`, 'PATCH', { email: 'new@example.test', platformAdmin: 1 })).toEqual(['/email', '/platformAdmin']);
    expect(await bad(`/api/users/${id}`, 'PATCH', {})).toEqual(['']);
    expect(await bad(`/api/users/${id}/password`, 'POST', {})).toEqual(['/password']);
    expect(await bad(`/api/users/${id}/password`, 'POST', { password: 'too short' })).toEqual(['/password']);
    expect(await bad(`/api/users/${id}/password`, 'POST', { password: NEW_PASSWORD, notify: true })).toEqual(['/notify']);
    expect((await t.call('GET', '/api/users', { as: 'platformAdmin' })).body.users.find((u: { id: string }) => u.id === id)).toMatchObject({
      disabled: false,
    });
  });

  it("resets a user's password: the new one signs in, the old one does not, and their sessions and API tokens end", async () => {
    const id = t.userIds.othertonAdmin;
    const session = await login('othertonadmin@example.test');
    expect(await me(session.cookie)).toBe('othertonadmin@example.test');
    const hashOf = async () =>
      (await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [id]))[0]!.password_hash;
    const oldHash = await hashOf();

    const res = await t.call('POST', `/api/users/${id}/password`, { as: 'platformAdmin', body: { password: NEW_PASSWORD } });
    expect(res.status).toBe(204);
    expect(await me(session.cookie)).toBeNull();
    expect(await sessionsOf(id)).toBe(0);
    expect((await login('othertonadmin@example.test')).status).toBe(401);
    expect((await login('othertonadmin@example.test', NEW_PASSWORD)).status).toBe(200);
    // Whoever knew the old password may have made tokens with it.
    expect((await t.call('GET', '/api/councils/otherton/draft', { as: 'othertonAdmin' })).status).toBe(401);
    expect(await t.db.query('SELECT id FROM api_tokens WHERE user_id = $1', [id])).toEqual([]);

    const newHash = await hashOf();
    const [audit] = await t.db.query<AuditRow & { text: string }>(
      `SELECT actor, action, entity, entity_id, before_hash, after_hash, detail, row_to_json(a)::text AS text
         FROM audit_log a WHERE action = 'password-reset' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({
      actor: t.userIds.platformAdmin,
      entity: 'user',
      entity_id: id,
      before_hash: sha256Text(oldHash),
      after_hash: sha256Text(newHash),
      detail: { sessionsEnded: 1, tokensRevoked: 1 },
    });
    expect(audit!.text).not.toContain(NEW_PASSWORD);
    expect(audit!.text).not.toContain(newHash.split('$')[5]);
  });

  it("sends a platform admin to POST /api/auth/password for their own password", async () => {
    const before = await auditCount();
    const res = await t.call('POST', `/api/users/${t.userIds.platformAdmin}/password`, { as: 'platformAdmin', body: { password: NEW_PASSWORD } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'own-account', message: expect.stringContaining('POST /api/auth/password') });
    expect(await auditCount()).toBe(before);
    expect((await login('platformadmin@example.test', TEST_PASSWORD)).status).toBe(200);
  });

  it('lets a user locked out by failed sign-ins in with the password an admin set', async () => {
    for (let i = 0; i < 5; i++) expect((await login('othertonofficer@example.test', 'forgotten it')).status).toBe(401);
    expect((await login('othertonofficer@example.test', TEST_PASSWORD)).status).toBe(429);
    const reset = await t.call('POST', `/api/users/${t.userIds.othertonOfficer}/password`, { as: 'platformAdmin', body: { password: NEW_PASSWORD } });
    expect(reset.status).toBe(204);
    expect((await login('othertonofficer@example.test', NEW_PASSWORD)).status).toBe(200);
  });
});
