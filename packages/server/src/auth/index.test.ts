import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, makeTestApp, signIn } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { ensureFirstAdmin } from './bootstrap.js';

interface LoginReply {
  user: { email: string };
  roles: Record<string, string>;
  csrfToken: string;
}
interface Reply {
  user: { email: string } | null;
  error: { code: string };
}

describe.each(testStoreKinds)('sign-in, sessions, tokens and roles on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  async function login(email: string, password = TEST_PASSWORD) {
    const { res, body, setCookie, cookie } = await signIn(t.app, email, password);
    return { res, body: body as LoginReply, setCookie, cookie };
  }

  it('signs in with an HTTP-only, SameSite=Strict session cookie and returns a CSRF token', async () => {
    const { res, body, setCookie } = await login('testshireadmin@example.test');
    expect(res.status).toBe(200);
    expect(setCookie).toMatch(/^qaf_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(body.user.email).toBe('testshireadmin@example.test');
    expect(body.roles).toEqual({ testshire: 'council-admin' });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    const wrong = await login('testshireadmin@example.test', 'not the password at all');
    const unknown = await login('nobody-here@example.test');
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('requires the CSRF token on unsafe requests made with the session cookie', async () => {
    const { cookie, body } = await login('testshireofficer@example.test');
    const me = await t.app.request('/api/auth/me', { headers: { cookie } });
    expect(((await me.json()) as Reply).user?.email).toBe('testshireofficer@example.test');
    const create = (headers: Record<string, string>) =>
      t.app.request('/api/councils/testshire/providers', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: 'Via session' }),
      });
    const without = await create({});
    expect(without.status).toBe(403);
    expect(((await without.json()) as Reply).error.code).toBe('csrf');
    expect((await create({ 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await create({ 'x-csrf-token': body.csrfToken })).status).toBe(201);
  });

  it('ends the session on logout', async () => {
    const { cookie, body } = await login('testshireviewer@example.test');
    const out = await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': body.csrfToken } });
    expect(out.status).toBe(204);
    const me = await t.app.request('/api/auth/me', { headers: { cookie } });
    expect(((await me.json()) as Reply).user).toBeNull();
    expect((await t.app.request('/api/councils/testshire/draft', { headers: { cookie } })).status).toBe(401);
  });

  it('issues API tokens shown once, stored hashed, and revocable', async () => {
    const created = await t.call('POST', '/api/auth/tokens', { as: 'testshireViewer', body: { name: 'ci' } });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^qaf_/);
    const stored = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [created.body.id]);
    expect(stored[0]!.token_hash).not.toContain(token);
    const use = () => t.app.request('/api/councils/testshire/draft', { headers: { authorization: `Bearer ${token}` } });
    expect((await use()).status).toBe(200);
    const list = await t.call('GET', '/api/auth/tokens', { as: 'testshireViewer' });
    expect(list.body.tokens.map((x: { name: string }) => x.name)).toContain('ci');
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect((await t.call('DELETE', `/api/auth/tokens/${created.body.id}`, { as: 'testshireViewer' })).status).toBe(204);
    expect((await use()).status).toBe(401);
  });

  it('refuses an unknown or malformed bearer token with 401 rather than treating it as anonymous', async () => {
    const unknown = await t.app.request('/api/councils', { headers: { authorization: 'Bearer qaf_nope' } });
    expect(unknown.status).toBe(401);
    const malformed = await t.app.request('/api/councils', { headers: { authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
  });

  it('lets a platform admin create users with council roles, and nobody else', async () => {
    const body = { email: 'new.officer@example.test', password: 'a long enough password', roles: { testshire: 'officer' } };
    expect((await t.call('POST', '/api/users', { as: 'testshireAdmin', body })).status).toBe(403);
    const created = await t.call('POST', '/api/users', { as: 'platformAdmin', body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'new.officer@example.test', roles: { testshire: 'officer' }, platformAdmin: false });
    expect(created.body.passwordHash).toBeUndefined();
    expect((await t.call('POST', '/api/users', { as: 'platformAdmin', body })).status).toBe(409);
    const short = await t.call('POST', '/api/users', { as: 'platformAdmin', body: { email: 'x@example.test', password: 'short' } });
    expect(short.status).toBe(422);
    expect(short.body.error.details[0].pointer).toBe('/password');
    expect((await login('new.officer@example.test', 'a long enough password')).res.status).toBe(200);
  });

  it("lets a council admin manage roles in their own council only", async () => {
    const grant = await t.call('PUT', `/api/councils/testshire/members/${t.userIds.nobody}`, { as: 'testshireAdmin', body: { role: 'viewer' } });
    expect(grant.status).toBe(200);
    const members = await t.call('GET', '/api/councils/testshire/members', { as: 'testshireAdmin' });
    expect(members.body.members.find((m: { id: string }) => m.id === t.userIds.nobody).role).toBe('viewer');
    expect((await t.call('GET', '/api/councils/testshire/draft', { as: 'nobody' })).status).toBe(200);
    const elsewhere = await t.call('PUT', `/api/councils/otherton/members/${t.userIds.nobody}`, { as: 'testshireAdmin', body: { role: 'council-admin' } });
    expect(elsewhere.status).toBe(403);
    expect((await t.call('DELETE', `/api/councils/testshire/members/${t.userIds.nobody}`, { as: 'testshireAdmin' })).status).toBe(204);
    expect((await t.call('GET', '/api/councils/testshire/draft', { as: 'nobody' })).status).toBe(403);
  });

  it('changes a password only with the current one', async () => {
    const { cookie, body } = await login('othertonofficer@example.test');
    const change = (currentPassword: string) =>
      t.app.request('/api/auth/password', {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword, newPassword: 'a brand new passphrase' }),
      });
    expect((await change('wrong password')).status).toBe(403);
    expect((await change(TEST_PASSWORD)).status).toBe(204);
    expect((await login('othertonofficer@example.test', 'a brand new passphrase')).res.status).toBe(200);
  });
});

describe.each(testStoreKinds)('the first platform admin on $name', (kind) => {
  it('is created once, with a random one-time password or the one from the environment, never a fixed default', async () => {
    const store = await kind.open();
    try {
      const first = await ensureFirstAdmin(store.db, {});
      expect(first.created).toBe(true);
      expect(first.email).toBe('admin@localhost');
      expect(first.generatedPassword).toMatch(/^[\w-]{20,}$/);
      expect(await ensureFirstAdmin(store.db, {})).toEqual({ created: false });

      // On another empty store the generated password is a different one.
      await store.db.query('DELETE FROM users');
      const second = await ensureFirstAdmin(store.db, {});
      expect(second.generatedPassword).toMatch(/^[\w-]{20,}$/);
      expect(second.generatedPassword).not.toBe(first.generatedPassword);

      await store.db.query('DELETE FROM users');
      const fromEnv = await ensureFirstAdmin(store.db, { email: 'Lead@Example.test', password: 'from the environment' });
      expect(fromEnv).toEqual({ created: true, email: 'lead@example.test' });
    } finally {
      await store.dispose();
    }
  });
});
