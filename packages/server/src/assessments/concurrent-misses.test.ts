import { once } from 'node:events';
import type { Context } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.js';
import { createApp } from '../app.js';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { TokenCache } from '../auth/token-cache.js';
import { listVersions } from '../packs/versions.js';
import type { Db, Queryable } from '../store/index.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';
import { compiledVersion } from './index.js';

/** The store, counting the statements whose SQL contains `marker`, each held until `gate` opens. */
function countingStore(db: Db, marker: string, gate: Promise<void>) {
  let count = 0;
  const held = <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    if (!sql.includes(marker)) return run();
    count++;
    return gate.then(run);
  };
  const store: Db = {
    ...db,
    query: (sql, params, options) => held(sql, () => db.query(sql, params, options)),
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
  };
  return { store, count: () => count };
}

/** A gate the test opens by hand. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open: () => open() };
}

const CONCURRENT = 12;

describe.each(testStoreKinds)('concurrent cache misses on $name', (kind) => {
  let t: TestApp;
  let providerId: string;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    providerId = (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Herd Care' } })).body.id;
  });
  afterAll(async () => t?.dispose());

  it('look a token up once: requests arriving while the lookup is under way share it', async () => {
    const open = gate();
    const { store, count } = countingStore(t.db, 'FROM api_tokens t JOIN users u', open.opened);
    // The lookup is held until every request has missed the cache: without sharing, each would have
    // sent its own by then.
    let misses = 0;
    class CountingCache extends TokenCache {
      override get(tokenHash: string) {
        const principal = super.get(tokenHash);
        if (!principal && ++misses === CONCURRENT) open.open();
        return principal;
      }
    }
    const cache = new CountingCache(5, () => new Date());
    const app = createApp({ db: store, plugins: testPlugins, tokenCache: cache, log: () => undefined });
    try {
      // Until the server listens for token changes it trusts no lookup, and every request reads its own.
      if (!cache.trusted) await once(cache, 'trust');
      const replies = await Promise.all(
        Array.from({ length: CONCURRENT }, () =>
          app.request('/api/councils/testshire/assessments', {
            method: 'POST',
            headers: { authorization: `Bearer ${t.tokens.testshireOfficer}`, 'content-type': 'application/json' },
            body: JSON.stringify({ providerId, date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } }),
          }),
        ),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(CONCURRENT).fill(201));
      expect(misses).toBe(CONCURRENT);
      expect(count()).toBe(1);
      // Remembered: the next request reads nothing.
      const next = await app.request('/api/councils/testshire/draft', { headers: { authorization: `Bearer ${t.tokens.testshireOfficer}` } });
      expect(next.status).toBe(200);
      expect(count()).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('read and compile a stored pack version once for requests that all find it missing', async () => {
    const [stored] = await listVersions(t.db, 'otherton');
    // The compiled-pack cache is the process's, by hash and label: a label of this store's own is not in it.
    const version = { ...stored!, version: `herd-${kind.name}` };
    const open = gate();
    const { store, count } = countingStore(t.db, 'FROM pack_versions pv', open.opened);
    const services = { db: store as Queryable, plugins: new Map(testPlugins.map((p) => [p.id, p])), log: () => undefined };
    const c = { get: (name: string) => (name === 'services' ? services : undefined), var: {} } as unknown as Context<AppEnv>;
    // Asked for by every caller before the one read is answered.
    const compiled = Array.from({ length: CONCURRENT }, () => compiledVersion(c, version));
    open.open();
    const packs = await Promise.all(compiled);
    expect(count()).toBe(1);
    expect(new Set(packs).size).toBe(1);
    expect(packs[0]!.pack.metadata.id).toBe('otherton');
  });

  it('do not keep a failed read: the next caller reads again', async () => {
    const [version] = await listVersions(t.db, 'testshire');
    let reads = 0;
    const failing = { query: async () => { reads++; throw new Error('store down'); }, exec: async () => {} } as Queryable;
    const services = { db: failing, plugins: new Map(testPlugins.map((p) => [p.id, p])), log: () => undefined };
    const c = { get: (name: string) => (name === 'services' ? services : undefined), var: {} } as unknown as Context<AppEnv>;
    // A version not compiled before: another label of the same content (the cache is by hash and label).
    const unseen = { ...version!, id: `${version!.id}-unseen`, version: `unseen-${kind.name}` };
    const waiting = [compiledVersion(c, unseen), compiledVersion(c, unseen)];
    for (const w of waiting) await expect(w).rejects.toThrow('store down');
    expect(reads).toBe(1);
    await expect(compiledVersion(c, unseen)).rejects.toThrow('store down');
    expect(reads).toBe(2);
  });
});
