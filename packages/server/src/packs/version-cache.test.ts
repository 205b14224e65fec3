import { describe, expect, it } from 'vitest';
import type { Queryable } from '../store/index.js';
import { VersionCache, inForceOn } from './version-cache.js';
import type { PackVersion } from './versions.js';

function version(seq: number, effectiveFrom: string): PackVersion {
  return {
    id: `v${seq}`,
    councilId: 'testshire',
    seq,
    version: `1.${seq}.0`,
    hash: `sha256:${seq}`,
    author: null,
    note: '',
    publishedAt: '2025-01-01T00:00:00.000Z',
    effectiveFrom,
    basedOn: null,
    acknowledged: [],
  };
}

/** A store whose version rows the test sets, counting the reads. */
function fakeStore(rows: () => PackVersion[]) {
  const store = {
    reads: 0,
    async query<T>(): Promise<T[]> {
      store.reads++;
      return rows().map((v) => ({ ...v, council_id: v.councilId, published_at: new Date(v.publishedAt), effective_from: v.effectiveFrom, based_on: v.basedOn })) as T[];
    },
    async exec() {},
  };
  return store as typeof store & Queryable;
}

describe('the version in force from memory', () => {
  it('is, of the versions effective on the date, the one published last', () => {
    // Newest first: 3 was published last but takes effect later than 2.
    const versions = [version(3, '2026-01-01'), version(2, '2025-06-01'), version(1, '2025-01-01')];
    expect(inForceOn(versions, '2024-12-31')).toBeUndefined();
    expect(inForceOn(versions, '2025-01-01')?.id).toBe('v1');
    expect(inForceOn(versions, '2025-12-31')?.id).toBe('v2');
    expect(inForceOn(versions, '2026-01-01')?.id).toBe('v3');
    // A roll back published later with an earlier effective date wins from that date.
    expect(inForceOn([version(4, '2025-03-01'), ...versions], '2025-12-31')?.id).toBe('v4');
  });
});

describe('the version cache', () => {
  it('reads a council once for concurrent callers and again after being told to forget it', async () => {
    let rows = [version(1, '2025-01-01')];
    const store = fakeStore(() => rows);
    const cache = new VersionCache();
    const [a, b] = await Promise.all([cache.versions(store, 'testshire'), cache.versions(store, 'testshire')]);
    expect(a).toBe(b);
    expect(store.reads).toBe(1);
    rows = [version(2, '2025-06-01'), ...rows];
    expect((await cache.versions(store, 'testshire')).map((v) => v.id)).toEqual(['v1']);
    cache.forget('testshire');
    expect((await cache.versions(store, 'testshire')).map((v) => v.id)).toEqual(['v2', 'v1']);
    expect(store.reads).toBe(2);
  });

  it('does not remember a council with no versions (or an unknown one), nor a failed read', async () => {
    let rows: PackVersion[] = [];
    const store = fakeStore(() => rows);
    const cache = new VersionCache();
    expect(await cache.versions(store, 'testshire')).toEqual([]);
    rows = [version(1, '2025-01-01')];
    expect((await cache.versions(store, 'testshire')).map((v) => v.id)).toEqual(['v1']);
    const failing = { query: () => Promise.reject(new Error('store down')), exec: async () => {} } as unknown as Queryable;
    const fresh = new VersionCache();
    await expect(fresh.versions(failing, 'testshire')).rejects.toThrow('store down');
    expect((await fresh.versions(store, 'testshire')).map((v) => v.id)).toEqual(['v1']);
  });
});
