import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import type { Principal } from './principal.js';
import { TokenCache } from './token-cache.js';

/** A clock the test moves by hand. */
function manualClock(start = Date.now()) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

const someone: Principal = { via: 'token', user: { id: 'u1', email: 'a@example.test', name: 'A', platformAdmin: false }, roles: { testshire: 'officer' } };

describe('the API token cache', () => {
  it('remembers a principal until its TTL has passed, then forgets it', () => {
    const clock = manualClock();
    const cache = new TokenCache(5, clock.now);
    cache.set('h', { ...someone }, null);
    clock.advance(4_999);
    expect(cache.get('h')?.user?.id).toBe('u1');
    clock.advance(1);
    expect(cache.get('h')).toBeUndefined();
  });

  it('never trusts a token beyond its own expiry, even within the TTL', () => {
    const clock = manualClock();
    const cache = new TokenCache(60, clock.now);
    cache.set('h', { ...someone }, new Date(clock.now().getTime() + 1_000));
    expect(cache.get('h')).toBeDefined();
    clock.advance(1_000);
    expect(cache.get('h')).toBeUndefined();
    cache.set('expired', { ...someone }, new Date(clock.now().getTime() - 1));
    expect(cache.get('expired')).toBeUndefined();
  });

  it('remembers nothing with a TTL of 0, and forgets everything when cleared', () => {
    const clock = manualClock();
    const off = new TokenCache(0, clock.now);
    off.set('h', { ...someone }, null);
    expect(off.get('h')).toBeUndefined();
    const on = new TokenCache(5, clock.now);
    on.set('h', { ...someone }, null);
    on.clear();
    expect(on.get('h')).toBeUndefined();
  });

  it('hands out principals nobody can change, since concurrent requests share them', () => {
    const cache = new TokenCache(5, manualClock().now);
    cache.set('h', { ...someone, roles: { testshire: 'viewer' }, user: { ...someone.user! } }, null);
    const cached = cache.get('h')!;
    expect(() => {
      (cached.roles as Record<string, string>).otherton = 'council-admin';
    }).toThrow(TypeError);
    expect(cache.get('h')!.roles).toEqual({ testshire: 'viewer' });
  });
});

describe.each(testStoreKinds)('API tokens on two servers sharing one $name store', (kind) => {
  const clock = manualClock();
  let here: TestApp;
  let elsewhere: ReturnType<typeof createApp>;
  beforeAll(async () => {
    here = await makeTestApp(kind, { now: clock.now, tokenCacheSeconds: 5 });
    elsewhere = createApp({ db: here.db, plugins: testPlugins, now: clock.now, tokenCacheSeconds: 5, log: () => undefined });
  });
  afterAll(async () => here?.dispose());

  const draftAs = (app: { request: TestApp['app']['request'] }, token: string) =>
    app.request('/api/councils/testshire/draft', { headers: { authorization: `Bearer ${token}` } });

  it('refuses a token revoked on this server at once, and on the other server once its TTL has passed', async () => {
    const created = await here.call('POST', '/api/auth/tokens', { as: 'testshireViewer', body: { name: 'shared' } });
    const token: string = created.body.token;
    expect((await draftAs(here.app, token)).status).toBe(200);
    expect((await draftAs(elsewhere, token)).status).toBe(200);
    expect((await here.call('DELETE', `/api/auth/tokens/${created.body.id}`, { as: 'testshireViewer' })).status).toBe(204);
    expect((await draftAs(here.app, token)).status).toBe(401);
    // The other server looked the token up less than 5 s ago: it may still trust it, but no longer.
    expect((await draftAs(elsewhere, token)).status).toBe(200);
    clock.advance(5_000);
    expect((await draftAs(elsewhere, token)).status).toBe(401);
  });

  it('applies a role removed on this server at once, and on the other server once its TTL has passed', async () => {
    const grant = await here.call('PUT', `/api/councils/testshire/members/${here.userIds.nobody}`, { as: 'testshireAdmin', body: { role: 'viewer' } });
    expect(grant.status).toBe(200);
    expect((await draftAs(here.app, here.tokens.nobody)).status).toBe(200);
    expect((await draftAs(elsewhere, here.tokens.nobody)).status).toBe(200);
    expect((await here.call('DELETE', `/api/councils/testshire/members/${here.userIds.nobody}`, { as: 'testshireAdmin' })).status).toBe(204);
    expect((await draftAs(here.app, here.tokens.nobody)).status).toBe(403);
    clock.advance(5_000);
    expect((await draftAs(elsewhere, here.tokens.nobody)).status).toBe(403);
  });

  it('accepts a token created on the other server at once (unknown tokens are never remembered)', async () => {
    const unknown = 'qaf_not-yet-issued';
    expect((await draftAs(elsewhere, unknown)).status).toBe(401);
    const created = await here.call('POST', '/api/auth/tokens', { as: 'testshireViewer', body: { name: 'fresh' } });
    expect((await draftAs(elsewhere, created.body.token)).status).toBe(200);
  });

  it('stops trusting a cached token the moment it expires, however long the TTL', async () => {
    const patient = createApp({ db: here.db, plugins: testPlugins, now: clock.now, tokenCacheSeconds: 7 * 86_400, log: () => undefined });
    const created = await patient.request('/api/auth/tokens', {
      method: 'POST',
      headers: { authorization: `Bearer ${here.tokens.testshireViewer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'short-lived', expiresInDays: 1 }),
    });
    const { id, token } = (await created.json()) as { id: string; token: string };
    expect((await draftAs(patient, token)).status).toBe(200);
    await here.db.query("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    clock.advance(86_400_000);
    expect((await draftAs(patient, token)).status).toBe(401);
  });
});
