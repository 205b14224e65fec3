import { describe, expect, it } from 'vitest';
import type { ChannelListener } from '../store/db.js';
import { TOKEN_CHANGE_CHANNEL, watchTokenChanges } from './token-change-watch.js';
import { TokenCache } from './token-cache.js';
import type { Principal } from './principal.js';

const someone: Principal = {
  via: 'token',
  user: { id: 'u1', email: 'a@example.test', name: 'A', platformAdmin: false },
  roles: {},
  scopes: ['read'],
};

/** A store that is in schema `ours` and hands the test the listener it is given. */
function fakeStore() {
  let listener: ChannelListener | undefined;
  let channel: string | undefined;
  let subscribed!: () => void;
  const ready = new Promise<void>((resolve) => (subscribed = resolve));
  const db = {
    query: async <T>() => [{ schema: 'ours' }] as T[],
    exec: async () => undefined,
    listen(name: string, l: ChannelListener) {
      channel = name;
      listener = l;
      subscribed();
      return () => undefined;
    },
  };
  return { db, ready, listener: () => listener!, channel: () => channel };
}

describe('watching the store for token changes', () => {
  it('trusts the cache only while listening, forgetting everything on each change to its own schema', async () => {
    const store = fakeStore();
    const cache = new TokenCache(3_600, () => new Date());
    watchTokenChanges(store.db as never, cache, () => undefined);
    expect(cache.trusted).toBe(false);
    await store.ready;
    expect(store.channel()).toBe(TOKEN_CHANGE_CHANNEL);
    store.listener().listening();
    expect(cache.trusted).toBe(true);

    cache.set('h', { ...someone }, null);
    store.listener().notify('someone-elses-schema');
    expect(cache.get('h')).toBeDefined();
    store.listener().notify('ours');
    expect(cache.get('h')).toBeUndefined();
  });

  it('fails closed when the listening connection is lost, and trusts again (starting empty) once it is back', async () => {
    const store = fakeStore();
    const cache = new TokenCache(3_600, () => new Date());
    const logged: string[] = [];
    watchTokenChanges(store.db as never, cache, (m) => logged.push(m));
    await store.ready;
    store.listener().listening();
    cache.set('h', { ...someone }, null);

    store.listener().lost(new Error('connection terminated'));
    expect(cache.trusted).toBe(false);
    expect(cache.get('h')).toBeUndefined();
    cache.set('h', { ...someone }, null);
    expect(cache.get('h')).toBeUndefined();
    expect(logged.join('\n')).toMatch(/looked up on every request.*connection terminated/);

    store.listener().listening();
    expect(cache.trusted).toBe(true);
    expect(cache.get('h')).toBeUndefined();
  });
});
