import { describe, expect, it } from 'vitest';
import type { Principal } from './principal.js';
import { TokenCache } from './token-cache.js';

/** A clock the test moves by hand. */
function manualClock(start = Date.now()) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

const someone: Principal = {
  via: 'token',
  user: { id: 'u1', email: 'a@example.test', name: 'A', platformAdmin: false },
  roles: { testshire: 'officer' },
  scopes: ['read', 'write'],
};

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

  it('does not remember a lookup that raced a clear, since the token may have been revoked meanwhile', () => {
    const cache = new TokenCache(5, manualClock().now);
    const before = cache.generation;
    cache.clear();
    cache.set('h', { ...someone }, null, before);
    expect(cache.get('h')).toBeUndefined();
    cache.set('h', { ...someone }, null, cache.generation);
    expect(cache.get('h')?.user?.id).toBe('u1');
  });

  it('hands out and remembers nothing while distrusted, and starts empty when trusted again', () => {
    const cache = new TokenCache(5, manualClock().now);
    cache.set('h', { ...someone }, null);
    cache.distrust();
    expect(cache.trusted).toBe(false);
    expect(cache.get('h')).toBeUndefined();
    cache.set('h', { ...someone }, null);
    cache.trust();
    expect(cache.get('h')).toBeUndefined();
    cache.set('h', { ...someone }, null);
    expect(cache.get('h')?.user?.id).toBe('u1');
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


describe('looking a token up when the cache misses', () => {
  /** A lookup the test answers by hand, counting the store reads. */
  function heldLookup() {
    let reads = 0;
    let answer!: (found: Awaited<ReturnType<Parameters<TokenCache['lookUp']>[1]>>) => void;
    let fail!: (error: Error) => void;
    const fetch = () => {
      reads++;
      return new Promise<Awaited<ReturnType<Parameters<TokenCache['lookUp']>[1]>>>((resolve, reject) => {
        answer = resolve;
        fail = reject;
      });
    };
    return { fetch, reads: () => reads, answer: (...a: Parameters<typeof answer>) => answer(...a), fail: (e: Error) => fail(e) };
  }

  it('reads the store once for every request carrying the token meanwhile, and remembers the principal', async () => {
    const cache = new TokenCache(5, manualClock().now);
    const lookup = heldLookup();
    const waiting = Array.from({ length: 20 }, () => cache.lookUp('h', lookup.fetch));
    expect(lookup.reads()).toBe(1);
    lookup.answer({ live: { principal: { ...someone, user: { ...someone.user! } }, expiresAt: null } });
    const found = await Promise.all(waiting);
    expect(new Set(found.map((f) => (f && 'live' in f ? f.live.principal : undefined))).size).toBe(1);
    expect(Object.isFrozen(found[0] && 'live' in found[0] ? found[0].live.principal : undefined)).toBe(true);
    expect(cache.get('h')?.user?.id).toBe('u1');
  });

  it('shares a failed lookup with those waiting, remembers nothing, and reads again for the next request', async () => {
    const cache = new TokenCache(5, manualClock().now);
    const lookup = heldLookup();
    const waiting = [cache.lookUp('h', lookup.fetch), cache.lookUp('h', lookup.fetch)];
    lookup.fail(new Error('store down'));
    for (const w of waiting) await expect(w).rejects.toThrow('store down');
    expect(cache.get('h')).toBeUndefined();
    const again = cache.lookUp('h', lookup.fetch);
    expect(lookup.reads()).toBe(2);
    lookup.answer(undefined);
    expect(await again).toBeUndefined();
  });

  it('does not hand a lookup started before a clear to a request arriving after it', async () => {
    const cache = new TokenCache(5, manualClock().now);
    const stale = heldLookup();
    const early = cache.lookUp('h', stale.fetch);
    cache.clear(); // e.g. the token was revoked meanwhile
    const fresh = heldLookup();
    const late = cache.lookUp('h', fresh.fetch);
    expect([stale.reads(), fresh.reads()]).toEqual([1, 1]);
    fresh.answer(undefined);
    stale.answer({ live: { principal: { ...someone }, expiresAt: null } });
    expect(await late).toBeUndefined();
    expect(await early).toBeDefined();
    // Read before the clear, it is not remembered either.
    expect(cache.get('h')).toBeUndefined();
  });

  it('shares nothing with a TTL of 0 or while distrusted: every request reads the store', async () => {
    const distrusted = new TokenCache(5, manualClock().now);
    distrusted.distrust();
    for (const cache of [new TokenCache(0, manualClock().now), distrusted]) {
      let reads = 0;
      const fetch = async () => {
        reads++;
        return undefined;
      };
      await Promise.all([cache.lookUp('h', fetch), cache.lookUp('h', fetch), cache.lookUp('h', fetch)]);
      expect(reads).toBe(3);
    }
  });
});
