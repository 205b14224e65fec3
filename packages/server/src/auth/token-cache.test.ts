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

