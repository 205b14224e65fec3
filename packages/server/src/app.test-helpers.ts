import type { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import { createApp } from './app.js';
import type { App, AppOptions } from './app.js';
import { hashSecret, newSecret } from './auth/secrets.js';
import { hashPassword } from './auth/passwords.js';
import type { CouncilPlugin } from './engine/index.js';
import { seedCouncils } from './seed/index.js';
import type { Db } from './store/index.js';
import type { TestStore, TestStoreKind } from './store/test-stores.test-helpers.js';
import { testshirePack } from './test-fixtures/testshire-pack.js';

/** The people every API test works with, each with an API token. */
export type Persona =
  | 'platformAdmin'
  | 'testshireAdmin'
  | 'testshireOfficer'
  | 'testshireViewer'
  | 'othertonAdmin'
  | 'othertonOfficer'
  | 'nobody';

/** A test password that meets the policy. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** The two fixture councils as plugins. */
export const testPlugins: CouncilPlugin[] = [
  { id: 'testshire', name: 'Testshire Council', pack: testshirePack() },
  { id: 'otherton', name: 'Otherton Council', pack: testshirePack({ id: 'otherton' }) },
];

/** Signs in through `POST /api/auth/login`; the reply, its body, and the session cookie as set and as sent back. */
export async function signIn(app: Hono<AppEnv>, email: string, password = TEST_PASSWORD) {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { res, body: (await res.json()) as any, setCookie, cookie: setCookie.split(';')[0]! }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One seeded app on a fresh store. */
export interface TestApp {
  app: App;
  db: Db;
  store: TestStore;
  tokens: Record<Persona, string>;
  userIds: Record<Persona, string>;
  /** Calls the app in-process as a persona (or anonymously) and decodes the JSON reply. */
  call(
    method: string,
    path: string,
    options?: { as?: Persona; body?: unknown; headers?: Record<string, string>; raw?: string },
  ): Promise<{ status: number; body: any; headers: Headers; text: string }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Closes the app (its what-if workers), then the store. */
  dispose(): Promise<void>;
}

const sharedHash = hashPassword(TEST_PASSWORD);

const ROLES: [Persona, string | null, string | null][] = [
  ['platformAdmin', null, null],
  ['testshireAdmin', 'testshire', 'council-admin'],
  ['testshireOfficer', 'testshire', 'officer'],
  ['testshireViewer', 'testshire', 'viewer'],
  ['othertonAdmin', 'otherton', 'council-admin'],
  ['othertonOfficer', 'otherton', 'officer'],
  ['nobody', null, null],
];

/** Opens a store of `kind`, seeds the fixture councils, and makes the personas. */
export async function makeTestApp(kind: TestStoreKind, options: Partial<AppOptions> = {}): Promise<TestApp> {
  const store = await kind.open();
  const db = store.db;
  await seedCouncils(db, testPlugins, () => undefined);
  const tokens = {} as Record<Persona, string>;
  const userIds = {} as Record<Persona, string>;
  await db.transaction(async (tx) => {
    for (const [persona, council, role] of ROLES) {
      // One scrypt hash shared by every persona keeps setup fast; hashing has its own tests.
      const id = `user-${persona}`;
      await tx.query('INSERT INTO users (id, email, name, password_hash, platform_admin) VALUES ($1, $2, $3, $4, $5)', [
        id,
        `${persona.toLowerCase()}@example.test`,
        persona,
        await sharedHash,
        persona === 'platformAdmin',
      ]);
      userIds[persona] = id;
      if (council) await tx.query('INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, $3)', [id, council, role]);
      const token = newSecret('qaf_');
      tokens[persona] = token;
      await tx.query('INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, $3, $4)', [
        `tok-${persona}`,
        id,
        'test',
        hashSecret(token),
      ]);
    }
  });
  const app = createApp({ db, plugins: testPlugins, log: () => undefined, ...options });
  return {
    app,
    db,
    store,
    tokens,
    userIds,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.as) headers.authorization = `Bearer ${tokens[opts.as]}`;
      let body: string | undefined = opts.raw;
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      } else if (opts.raw !== undefined) headers['content-type'] ??= 'application/json';
      const res = await app.request(path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, body: parsed, headers: res.headers, text };
    },
    async dispose() {
      await app.close();
      await store.dispose();
    },
  };
}
