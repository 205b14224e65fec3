import { createApp } from '../app.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { CouncilPlugin } from '../engine/index.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import type { TestStore, TestStoreKind } from '../store/test-stores.test-helpers.js';
import { COUNCIL_PLUGIN_PACKAGES, loadCouncilPlugins } from './council-plugins.js';
import { seedCouncils } from './index.js';

/** A reply of {@link SeededCouncils.call}: the status, the body as text and as JSON. */
export interface SeededCouncilsReply {
  status: number;
  text: string;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The app over a store seeded with the real council packs, called as a platform admin. */
export interface SeededCouncils {
  store: TestStore;
  plugins: CouncilPlugin[];
  app: ReturnType<typeof createApp>;
  /** Calls the API in process with the platform admin's token (JSON in, JSON out). */
  call(method: string, path: string, body?: unknown): Promise<SeededCouncilsReply>;
}

/**
 * Opens a store of the given kind (the first, PGlite, by default), seeds Birmingham, Bolton and
 * Herefordshire from their plugin packages as they ship, and makes a platform admin with an API
 * token. Dispose of `store` after the tests.
 */
export async function seededCouncils(kind: TestStoreKind = testStoreKinds[0]!, plugins?: CouncilPlugin[]): Promise<SeededCouncils> {
  const loaded = plugins ?? await loadCouncilPlugins(COUNCIL_PLUGIN_PACKAGES, () => undefined);
  const token = newSecret('qaf_');
  const store = await kind.open();
  await seedCouncils(store.db, loaded, () => undefined);
  await store.db.query("INSERT INTO users (id, email, password_hash, platform_admin) VALUES ('u', 'u@example.test', 'x', true)");
  await store.db.query("INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ('t', 'u', 't', $1)", [hashSecret(token)]);
  const app = createApp({ db: store.db, plugins: loaded, log: () => undefined });
  const call = async (method: string, path: string, body?: unknown): Promise<SeededCouncilsReply> => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, text, body: (text ? JSON.parse(text) : {}) as SeededCouncilsReply['body'] };
  };
  return { store, plugins: loaded, app, call };
}
