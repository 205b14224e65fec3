import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, makeTestApp, signIn } from '../app.test-helpers.js';
import type { Persona, TestApp } from '../app.test-helpers.js';
import { loadMigrations, migrate, openPgliteDb } from '../store/index.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from './api-tokens.js';
import { principalFromToken } from './principal.js';
import { hashSecret } from './secrets.js';

const DAY_MS = 86_400_000;

describe.each(testStoreKinds)('API token scopes and expiry on $name', (kind) => {
  let t: TestApp;
  // The store decides expiry with its own clock, so the app's clock is the real one, read once.
  const now = new Date();
  beforeAll(async () => {
    t = await makeTestApp(kind, { now: () => now });
  });
  afterAll(async () => t?.dispose());

  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  /** Makes a token as a persona (with the persona's own all-scope token) or with another token. */
  async function mint(by: Persona | { token: string }, body: Record<string, unknown>) {
    return typeof by === 'string'
      ? t.call('POST', '/api/auth/tokens', { as: by, body })
      : t.call('POST', '/api/auth/tokens', { ...bearer(by.token), body });
  }
  async function tokenCount(): Promise<number> {
    return (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM api_tokens'))[0]!.n;
  }

  it('keeps tokens made before scopes existed working with every scope and no expiry', async () => {
    const list = await t.call('GET', '/api/auth/tokens', { as: 'testshireViewer' });
    expect(list.status).toBe(200);
    expect(list.body.tokens).toEqual([expect.objectContaining({ id: 'tok-testshireViewer', scopes: ['read', 'write', 'admin'], expiresAt: null })]);
    expect((await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireViewer' })).status).toBe(200);
  });

  it(`gives a new token every scope of its maker and ${DEFAULT_TOKEN_DAYS} days unless asked otherwise`, async () => {
    const created = await mint('testshireOfficer', { name: 'default' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'default',
      scopes: ['read', 'write', 'admin'],
      expiresAt: new Date(now.getTime() + DEFAULT_TOKEN_DAYS * DAY_MS).toISOString(),
    });
    const me = await t.call('GET', '/api/auth/me', bearer(created.body.token));
    expect(me.body).toMatchObject({ via: 'token', scopes: ['read', 'write', 'admin'], tokenExpiresAt: created.body.expiresAt });
  });

  it("limits a token to its scopes within its user's roles", async () => {
    const read = (await mint('testshireAdmin', { name: 'dashboard', scopes: ['read'] })).body.token;
    const write = (await mint('testshireAdmin', { name: 'loader', scopes: ['write'] })).body.token;
    expect((await t.call('GET', '/api/councils/testshire/providers', bearer(read))).status).toBe(200);
    const refused = await t.call('POST', '/api/councils/testshire/providers', { ...bearer(read), body: { name: 'Read Only Care' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'insufficient-scope', message: expect.stringContaining('"write"') });
    expect((await t.call('POST', '/api/councils/testshire/providers', { ...bearer(write), body: { name: 'Write Care' } })).status).toBe(201);
    expect((await t.call('GET', '/api/councils/testshire/providers', bearer(write))).body.error.code).toBe('insufficient-scope');
    // Scopes never add rights: a read token of a council admin is still nothing in another council.
    expect((await t.call('GET', '/api/councils/otherton/providers', bearer(read))).body.error.code).toBe('forbidden');
    // Council membership is user administration: `admin`.
    const members = await t.call('GET', '/api/councils/testshire/members', bearer(write));
    expect(members.body.error.code).toBe('insufficient-scope');
    const withAdmin = (await mint('testshireAdmin', { name: 'members', scopes: ['write', 'admin'] })).body.token;
    expect((await t.call('GET', '/api/councils/testshire/members', bearer(withAdmin))).status).toBe(200);
  });

  it("keeps a platform admin's token without `admin` away from platform administration", async () => {
    const councilWork = (await mint('platformAdmin', { name: 'ops', scopes: ['read', 'write'] })).body.token;
    expect((await t.call('GET', '/api/councils/testshire/draft', bearer(councilWork))).status).toBe(200);
    const users = await t.call('GET', '/api/users', bearer(councilWork));
    expect(users.status).toBe(403);
    expect(users.body.error.code).toBe('insufficient-scope');
    const before = await tokenCount();
    const disable = await t.call('PATCH', `/api/users/${t.userIds.nobody}`, { ...bearer(councilWork), body: { disabled: true } });
    expect(disable.body.error.code).toBe('insufficient-scope');
    expect((await t.call('GET', '/api/auth/tokens', bearer(councilWork))).body.error.code).toBe('insufficient-scope');
    expect((await mint({ token: councilWork }, { name: 'child' })).body.error.code).toBe('insufficient-scope');
    expect(await tokenCount()).toBe(before);
    const admin = (await mint('platformAdmin', { name: 'provisioning', scopes: ['admin'] })).body.token;
    expect((await t.call('GET', '/api/users', bearer(admin))).status).toBe(200);
    expect((await t.call('GET', '/api/councils/testshire/draft', bearer(admin))).body.error.code).toBe('insufficient-scope');
  });

  it('never lets a token make a token with wider scopes or a longer life than its own', async () => {
    const parentExpiry = new Date(now.getTime() + 10 * DAY_MS);
    const parent = await mint('testshireOfficer', { name: 'parent', scopes: ['read', 'admin'], expiresAt: parentExpiry.toISOString() });
    expect(parent.status).toBe(201);
    const before = await tokenCount();

    const wider = await mint({ token: parent.body.token }, { name: 'wider', scopes: ['read', 'write'] });
    expect(wider.status).toBe(403);
    expect(wider.body.error).toMatchObject({ code: 'insufficient-scope', details: [{ pointer: '/scopes/1' }] });
    const longer = await mint({ token: parent.body.token }, { name: 'longer', expiresAt: new Date(parentExpiry.getTime() + 1000).toISOString() });
    expect(longer.status).toBe(422);
    expect(longer.body.error.details).toEqual([{ pointer: '/expiresAt', message: expect.stringContaining(parentExpiry.toISOString()) }]);
    const longerInDays = await mint({ token: parent.body.token }, { name: 'longer', expiresInDays: 11 });
    expect(longerInDays.body.error.details).toEqual([{ pointer: '/expiresInDays', message: expect.stringContaining('token making this one') }]);
    expect(await tokenCount()).toBe(before);

    // Unasked, the child gets the parent's scopes and ends with it.
    const child = await mint({ token: parent.body.token }, { name: 'child' });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ scopes: ['read', 'admin'], expiresAt: parentExpiry.toISOString() });
    const narrower = await mint({ token: parent.body.token }, { name: 'narrower', scopes: ['read'], expiresInDays: 1 });
    expect(narrower.body).toMatchObject({ scopes: ['read'], expiresAt: new Date(now.getTime() + DAY_MS).toISOString() });
    const [audit] = await t.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_log WHERE action = 'token-create' ORDER BY id DESC LIMIT 1",
    );
    expect(audit!.detail).toEqual({ name: 'narrower', scopes: ['read'], expiresAt: narrower.body.expiresAt, byToken: parent.body.id });
  });

  it(`refuses an expiry in the past, beyond ${MAX_TOKEN_DAYS} days or impossible, and unknown scopes, with pointers and nothing written`, async () => {
    const before = await tokenCount();
    const refused = async (body: Record<string, unknown>, pointer: string, message?: RegExp) => {
      const res = await mint('testshireViewer', { name: 'bad', ...body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.details.map((d: { pointer: string }) => d.pointer)).toContain(pointer);
      if (message) expect(res.body.error.details[0].message).toMatch(message);
    };
    await refused({ expiresAt: new Date(now.getTime() - 1000).toISOString() }, '/expiresAt', /in the future/);
    await refused({ expiresAt: new Date(now.getTime() + (MAX_TOKEN_DAYS + 1) * DAY_MS).toISOString() }, '/expiresAt', /at most 365 days/);
    await refused({ expiresAt: '2027-02-30T00:00:00Z' }, '/expiresAt');
    await refused({ expiresInDays: MAX_TOKEN_DAYS + 1 }, '/expiresInDays');
    await refused({ expiresAt: new Date(now.getTime() + DAY_MS).toISOString(), expiresInDays: 1 }, '/expiresInDays', /not both/);
    await refused({ scopes: ['everything'] }, '/scopes/0');
    await refused({ scopes: [] }, '/scopes');
    expect(await tokenCount()).toBe(before);
    const longest = await mint('testshireViewer', { name: 'a year', expiresAt: new Date(now.getTime() + MAX_TOKEN_DAYS * DAY_MS).toISOString() });
    expect(longest.status).toBe(201);
  });

  it('revokes every API token and every other session when users change their own password', async () => {
    const email = 'othertonadmin@example.test';
    const id = t.userIds.othertonAdmin;
    const kept = await signIn(t.app, email);
    const other = await signIn(t.app, email);
    const made = (await mint('othertonAdmin', { name: 'old' })).body.token;
    const readOnly = (await mint('othertonAdmin', { name: 'read only', scopes: ['read'] })).body.token;
    const viaReadOnly = await t.call('POST', '/api/auth/password', {
      ...bearer(readOnly),
      body: { currentPassword: TEST_PASSWORD, newPassword: 'never set this way' },
    });
    expect(viaReadOnly.body.error.code).toBe('insufficient-scope');

    const res = await t.app.request('/api/auth/password', {
      method: 'POST',
      headers: { cookie: kept.cookie, 'x-csrf-token': kept.body.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' }),
    });
    expect(res.status).toBe(204);
    for (const token of [made, readOnly, t.tokens.othertonAdmin]) {
      expect((await t.call('GET', '/api/councils/otherton/draft', bearer(token))).status).toBe(401);
    }
    const meWith = async (cookie: string) => ((await (await t.app.request('/api/auth/me', { headers: { cookie } })).json()) as { user: unknown }).user;
    expect(await meWith(kept.cookie)).toMatchObject({ id });
    expect(await meWith(other.cookie)).toBeNull();
    const [audit] = await t.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_log WHERE action = 'password-change' ORDER BY id DESC LIMIT 1",
    );
    expect(audit!.detail).toEqual({ tokensRevoked: 3, sessionsEnded: 1 });
  });
});

describe('migration 004 on a store that already has API tokens', () => {
  it('keeps every existing token working, with every scope and no expiry', async () => {
    const db = await openPgliteDb();
    try {
      const migrations = await loadMigrations();
      await migrate(db, migrations.filter((m) => m.version < 4));
      await db.query("INSERT INTO users (id, email, name, password_hash) VALUES ('u1', 'old@example.test', 'Old', 'x')");
      await db.query("INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ('t1', 'u1', 'from before', $1)", [hashSecret('qaf_old')]);
      expect(await migrate(db, migrations)).toContain('004_token_scopes');
      expect(await db.query('SELECT scopes, expires_at FROM api_tokens')).toEqual([{ scopes: ['read', 'write', 'admin'], expires_at: null }]);
      const found = await principalFromToken(db, hashSecret('qaf_old'));
      expect(found && 'live' in found && found.live.principal).toMatchObject({ scopes: ['read', 'write', 'admin'], token: { id: 't1', expiresAt: null } });
    } finally {
      await db.close();
    }
  });
});
