import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { Persona, TestApp } from '../app.test-helpers.js';
import { openPostgresDb } from '../store/index.js';
import type { Db } from '../store/index.js';
import { testDatabaseUrl, testStoreKinds } from '../store/test-stores.test-helpers.js';
import { TokenCache } from './token-cache.js';

/** Resolves once `cache` trusts what it remembers (its server is listening for changes). */
async function listening(cache: TokenCache): Promise<void> {
  if (!cache.trusted) await once(cache, 'trust');
}

// Two servers on one store: on PostgreSQL each has its own connections (and its own LISTEN
// connection) to the same schema; PGlite is one process, so both share it. Both trust a token
// lookup for an hour, so only the database's notifications can make the other server forget one.
describe.each(testStoreKinds)('API tokens on two servers sharing one $name store', (kind) => {
  let here: TestApp;
  let otherDb: Db;
  let otherCache: TokenCache;
  let other: ReturnType<typeof createApp>;
  beforeAll(async () => {
    here = await makeTestApp(kind, { tokenCacheSeconds: 3_600 });
    if (kind.name === 'postgres') {
      const [{ schema }] = (await here.db.query<{ schema: string }>('SELECT current_schema() AS schema')) as [{ schema: string }];
      otherDb = await openPostgresDb({ connectionString: testDatabaseUrl!, schema, maxConnections: 2 });
    } else {
      otherDb = here.db;
    }
    otherCache = new TokenCache(3_600, () => new Date());
    other = createApp({ db: otherDb, plugins: testPlugins, tokenCache: otherCache, log: () => undefined });
    await listening(otherCache);
  });
  afterAll(async () => {
    if (otherDb && otherDb !== here?.db) await otherDb.close();
    await here?.dispose();
  });

  const draftAs = (app: { request: TestApp['app']['request'] }, token: string, council = 'testshire') =>
    app.request(`/api/councils/${council}/draft`, { headers: { authorization: `Bearer ${token}` } });

  /** Makes `persona` a token through `here`, and has the other server look it up (and remember it). */
  async function tokenSeenElsewhere(persona: Persona, name: string, council = 'testshire'): Promise<{ id: string; token: string }> {
    const created = await here.call('POST', '/api/auth/tokens', { as: persona, body: { name } });
    expect(created.status).toBe(201);
    expect((await draftAs(other, created.body.token, council)).status).toBe(200);
    return created.body;
  }

  it('refuses a token revoked on one server on the other at once, as soon as the notification arrives', async () => {
    const { id, token } = await tokenSeenElsewhere('testshireViewer', 'shared');
    const cleared = once(otherCache, 'clear');
    expect((await here.call('DELETE', `/api/auth/tokens/${id}`, { as: 'testshireViewer' })).status).toBe(204);
    expect((await draftAs(here.app, token)).status).toBe(401);
    await cleared;
    const refused = await draftAs(other, token);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/unknown or was revoked/);
  });

  it("refuses a disabled user's tokens on the other server at once, and enabling the user again brings none back", async () => {
    const { token } = await tokenSeenElsewhere('othertonOfficer', 'disabled later', 'otherton');
    const cleared = once(otherCache, 'clear');
    const disabled = await here.call('PATCH', `/api/users/${here.userIds.othertonOfficer}`, { as: 'platformAdmin', body: { disabled: true } });
    expect(disabled.status).toBe(200);
    await cleared;
    expect((await draftAs(other, token, 'otherton')).status).toBe(401);
    expect((await here.call('PATCH', `/api/users/${here.userIds.othertonOfficer}`, { as: 'platformAdmin', body: { disabled: false } })).status).toBe(200);
    expect((await draftAs(other, token, 'otherton')).status).toBe(401);
    const [row] = await here.db.query<{ n: number }>('SELECT count(*) AS n FROM api_tokens WHERE user_id = $1', [here.userIds.othertonOfficer]);
    expect(row?.n).toBe(0);
  });

  it("refuses a user's tokens on the other server at once once an admin has set their password", async () => {
    const { token } = await tokenSeenElsewhere('testshireOfficer', 'reset later');
    const cleared = once(otherCache, 'clear');
    const reset = await here.call('POST', `/api/users/${here.userIds.testshireOfficer}/password`, {
      as: 'platformAdmin',
      body: { password: 'a brand new long password' },
    });
    expect(reset.status).toBe(204);
    await cleared;
    expect((await draftAs(other, token)).status).toBe(401);
    expect((await draftAs(other, here.tokens.testshireOfficer)).status).toBe(401);
  });

  it('applies a role removed on one server on the other at once', async () => {
    const grant = await here.call('PUT', `/api/councils/testshire/members/${here.userIds.nobody}`, { as: 'testshireAdmin', body: { role: 'viewer' } });
    expect(grant.status).toBe(200);
    expect((await draftAs(other, here.tokens.nobody)).status).toBe(200);
    const cleared = once(otherCache, 'clear');
    expect((await here.call('DELETE', `/api/councils/testshire/members/${here.userIds.nobody}`, { as: 'testshireAdmin' })).status).toBe(204);
    await cleared;
    expect((await draftAs(other, here.tokens.nobody)).status).toBe(403);
  });

  it('accepts a token created on the other server at once (unknown tokens are never remembered)', async () => {
    const unknown = 'qaf_not-yet-issued';
    expect((await draftAs(other, unknown)).status).toBe(401);
    const created = await here.call('POST', '/api/auth/tokens', { as: 'testshireAdmin', body: { name: 'fresh' } });
    expect((await draftAs(other, created.body.token)).status).toBe(200);
  });

  it('refuses an expired token with 401 token-expired, saying when it expired', async () => {
    const { id, token } = await tokenSeenElsewhere('testshireAdmin', 'short-lived');
    await here.db.query("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    const [stored] = await here.db.query<{ expires_at: Date }>('SELECT expires_at FROM api_tokens WHERE id = $1', [id]);
    const res = await draftAs(here.app, token);
    expect(res.status).toBe(401);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('token-expired');
    expect(error.message).toContain(stored!.expires_at.toISOString());
  });
});
