import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import type { TestStore } from '../store/test-stores.test-helpers.js';
import { claimKey, recordReply, releaseKey } from './keys.js';

describe.each(testStoreKinds)('idempotency keys on $name', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await kind.open();
  });
  afterAll(async () => store?.dispose());

  const reply = { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"a"}' };
  /** Makes the key's lease run out, as if its server had died. */
  const expireLease = (key: string) =>
    store.db.query("UPDATE idempotency_keys SET locked_until = now() - interval '1 second' WHERE key = $1", [key]);

  it('lets a retry take over a key whose holder died, and refuses the old attempt its record', async () => {
    const first = await claimKey(store.db, { caller: 'u1', key: 'k-takeover', requestHash: 'h', leaseSeconds: 60 });
    expect(first.kind).toBe('claimed');
    expect((await claimKey(store.db, { caller: 'u1', key: 'k-takeover', requestHash: 'h', leaseSeconds: 60 })).kind).toBe('in-progress');
    await expireLease('k-takeover');
    const retry = await claimKey(store.db, { caller: 'u1', key: 'k-takeover', requestHash: 'h', leaseSeconds: 60 });
    expect(retry.kind).toBe('claimed');
    // The first attempt, had it still been running, can no longer complete the key: its write rolls back.
    if (first.kind !== 'claimed' || retry.kind !== 'claimed') throw new Error('unreachable');
    expect(await recordReply(store.db, first.request, reply)).toBe(false);
    expect(await recordReply(store.db, retry.request, reply)).toBe(true);
    expect(await claimKey(store.db, { caller: 'u1', key: 'k-takeover', requestHash: 'h', leaseSeconds: 60 })).toEqual({ kind: 'replay', reply });
  });

  it('never lets a different request take over an expired lease', async () => {
    await claimKey(store.db, { caller: 'u1', key: 'k-other', requestHash: 'h1', leaseSeconds: 60 });
    await expireLease('k-other');
    expect((await claimKey(store.db, { caller: 'u1', key: 'k-other', requestHash: 'h2', leaseSeconds: 60 })).kind).toBe('different-request');
  });

  it('frees a released key for the next request, and never releases a recorded one', async () => {
    const held = await claimKey(store.db, { caller: 'u1', key: 'k-release', requestHash: 'h1', leaseSeconds: 60 });
    if (held.kind !== 'claimed') throw new Error('not claimed');
    await releaseKey(store.db, held.request);
    const next = await claimKey(store.db, { caller: 'u1', key: 'k-release', requestHash: 'h2', leaseSeconds: 60 });
    if (next.kind !== 'claimed') throw new Error('not claimed');
    await recordReply(store.db, next.request, reply);
    await releaseKey(store.db, next.request);
    expect((await claimKey(store.db, { caller: 'u1', key: 'k-release', requestHash: 'h2', leaseSeconds: 60 })).kind).toBe('replay');
  });
});
