import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { sha256Text } from '../audit/content-hash.js';
import { makeTestApp, TEST_PASSWORD, testPlugins } from '../app.test-helpers.js';
import type { Persona, TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { replyLosingDb } from './reply-losing-db.test-helpers.js';

/** A write whose reply carries a secret: where it is sent, by whom, and how to read the secret and what was made. */
interface SecretWrite {
  what: string;
  as: Persona;
  path: (t: TestApp) => string;
  body: unknown;
  secretsOf: (reply: any) => string[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  madeId: (reply: any) => string; // eslint-disable-line @typescript-eslint/no-explicit-any
  table: string;
  revoke?: (t: TestApp, id: string) => string;
}

const writes: SecretWrite[] = [
  {
    what: 'an API token of your own', as: 'testshireOfficer', path: () => '/api/auth/tokens', body: { name: 'ci' },
    secretsOf: (r) => [r.token], madeId: (r) => r.id, table: 'api_tokens', revoke: (_t, id) => `DELETE /api/auth/tokens/${id}`,
  },
  {
    what: "a member's API token", as: 'testshireAdmin', path: (t) => `/api/councils/testshire/members/${t.userIds.testshireViewer}/tokens`, body: { name: 'handed over' },
    secretsOf: (r) => [r.token], madeId: (r) => r.id, table: 'api_tokens',
    revoke: (t, id) => `DELETE /api/councils/testshire/members/${t.userIds.testshireViewer}/tokens/${id}`,
  },
  {
    what: 'a password reset code', as: 'platformAdmin', path: (t) => `/api/users/${t.userIds.testshireOfficer}/password-reset`, body: undefined,
    secretsOf: (r) => [r.code, r.resetPath], madeId: (r) => r.userId, table: 'password_resets',
  },
  {
    what: "a member's password reset code", as: 'testshireAdmin', path: (t) => `/api/councils/testshire/members/${t.userIds.testshireViewer}/password-reset`, body: undefined,
    secretsOf: (r) => [r.code, r.resetPath], madeId: (r) => r.userId, table: 'password_resets',
  },
];

describe.each(testStoreKinds)('a reply holding a secret is never kept for its Idempotency-Key, on $name', (kind) => {
  let t: TestApp;
  let n = 0;
  const newKey = () => `secret-${kind.name}-${++n}-${Math.random().toString(36).slice(2)}`;
  beforeAll(async () => { t = await makeTestApp(kind); });
  afterAll(async () => t?.dispose());

  const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  /** Every row of every table of the store, as text. */
  async function everything(): Promise<string> {
    const tables = await t.db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
    expect(tables.map((r) => r.name)).toContain('idempotency_keys');
    const texts = await Promise.all(tables.map(async ({ name }) => (await t.db.query<{ row: string }>(`SELECT r::text AS row FROM "${name}" r`)).map((r) => r.row)));
    return texts.flat().join('\n');
  }
  const send = (app: { request: TestApp['app']['request'] }, w: SecretWrite, key: string) =>
    app.request(w.path(t), {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens[w.as]}`, 'idempotency-key': key, ...(w.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(w.body === undefined ? {} : { body: JSON.stringify(w.body) }),
    });

  /** What a retry must say: 409 naming what was made, never its secret. */
  async function expectWithheld(retry: Response, w: SecretWrite, madeId: string, secrets: string[]) {
    const text = await retry.text();
    expect(retry.status, text).toBe(409);
    for (const secret of secrets) expect(text).not.toContain(secret);
    const { error } = JSON.parse(text) as { error: { code: string; message: string; details: { header: string; id: string }[] } };
    expect(error.code).toBe('idempotency-secret-not-kept');
    expect(error.message).toContain(`"${madeId}"`);
    expect(error.message).toMatch(/shown once and not kept/);
    if (w.revoke) expect(error.message).toContain(`revoke it (${w.revoke(t, madeId)}) and make another`);
    else expect(error.message).toMatch(/issue another, which replaces it/);
    expect(error.details).toEqual([expect.objectContaining({ header: 'Idempotency-Key', id: madeId })]);
  }

  it.each(writes)('$what: the secret is in the first reply and nowhere in the store; a retry is told what was made, and nothing is made twice', async (w) => {
    const key = newKey();
    const before = await count(w.table);
    const first = await send(t.app, w, key);
    const reply = await first.json();
    expect(first.status, JSON.stringify(reply)).toBe(201);
    const secrets = w.secretsOf(reply);
    // A secret is base64url (A-Z, a-z, 0-9, _ and -): 20 such characters at least, whatever dashes it happens to hold.
    for (const secret of secrets) expect(secret).toMatch(/[\w-]{20,}/);
    const stored = await everything();
    for (const secret of secrets) expect(stored).not.toContain(secret);
    const made = await count(w.table);
    expect(made).toBe(before + 1);

    const retry = await send(t.app, w, key);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    await expectWithheld(retry, w, w.madeId(reply), secrets);
    expect(await count(w.table)).toBe(made);
    for (const secret of secrets) expect(await everything()).not.toContain(secret);
  });

  it('signing in keeps nothing for a key, even sent by a caller already signed in with a token (the reply holds the new session\'s CSRF token)', async () => {
    const key = newKey();
    const res = await t.call('POST', '/api/auth/login', { as: 'testshireOfficer', body: { email: 'testshireofficer@example.test', password: TEST_PASSWORD }, headers: { 'idempotency-key': key } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.csrfToken).toMatch(/[\w-]{20,}/);
    expect(await t.db.query('SELECT key FROM idempotency_keys WHERE key = $1', [key])).toEqual([]);
  });

  it('a password sent with a key is kept nowhere, not even as a plain SHA-256 of the request; the retry is still told apart from another request', async () => {
    const key = newKey();
    const path = `/api/users/${t.userIds.testshireViewer}/password`;
    const body = JSON.stringify({ password: 'a guessable password 2026' });
    const set = (raw: string) => t.call('POST', path, { as: 'platformAdmin', raw, headers: { 'idempotency-key': key } });
    expect((await set(body)).status).toBe(204);
    const stored = await everything();
    expect(stored).not.toContain('a guessable password 2026');
    expect(stored).not.toContain(sha256Text(`POST ${path}\n${body}`));
    const again = await set(body);
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([204, 'true']);
    expect((await set(JSON.stringify({ password: 'another password 2026' }))).status).toBe(422);
  });

  it.each(writes)('$what: after the first reply was lost, a retry is told what was made (not that the reply was lost), and nothing is made twice', async (w) => {
    const lossy = replyLosingDb(t.db);
    const app = createApp({ db: lossy.db, plugins: testPlugins, log: () => undefined, idempotencyLeaseSeconds: 0 });
    try {
      const key = newKey();
      const before = await t.db.query<{ id: string }>(w.table === 'api_tokens' ? 'SELECT id FROM api_tokens' : 'SELECT user_id AS id FROM password_resets');
      lossy.state.loseNext = true;
      expect((await send(app, w, key)).status).toBe(500);
      const after = await t.db.query<{ id: string }>(w.table === 'api_tokens' ? 'SELECT id FROM api_tokens' : 'SELECT user_id AS id FROM password_resets');
      const made = after.map((r) => r.id).filter((id) => w.table !== 'api_tokens' || !before.some((b) => b.id === id));
      expect(made.length).toBeGreaterThan(0);
      const madeId = w.table === 'api_tokens' ? made[0]! : w.madeId({ userId: w.path(t).split('/').at(-2) });

      await expectWithheld(await send(app, w, key), w, madeId, []);
      expect(await count(w.table)).toBe(after.length);
    } finally {
      await app.close();
    }
  });
});
