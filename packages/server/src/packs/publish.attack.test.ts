import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { tableFingerprint } from '../store/fingerprint.test-helpers.js';
import { faultyStore } from '../store/store-faults.test-helpers.js';
import type { FaultyStore } from '../store/store-faults.test-helpers.js';
import { STORE_RETRY_AFTER_SECONDS } from '../store/store-unreachable.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

describe.each(testStoreKinds)('publishing while the database goes away, on $name', (kind) => {
  let t: TestApp;
  let store: FaultyStore;
  beforeAll(async () => {
    store = await faultyStore(kind);
    t = await makeTestApp(store.kind);
  });
  afterAll(async () => t?.dispose());

  const publish = (note: string, etag: string) =>
    t.call('POST', '/api/councils/testshire/draft/publish', {
      as: 'testshireAdmin',
      body: { effectiveFrom: '2031-01-01', note, acknowledgeFindings: true },
      headers: { 'if-match': etag },
    });

  /** A draft edit to publish, and its ETag. */
  async function editedDraft(title: string): Promise<string> {
    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const content = { ...draft.body.content, metadata: { ...draft.body.content.metadata, title } };
    const saved = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': draft.headers.get('etag')! } });
    expect(saved.status).toBe(200);
    return saved.headers.get('etag')!;
  }

  // After the version row is written: the draft's move to it, and the audit record after that.
  it.each([/^\s*UPDATE drafts/, /INSERT INTO audit/])('is all or nothing when the connection is lost at %s, and answers 503 with Retry-After', async (at) => {
    const etag = await editedDraft(`Lost at ${at.source}`);
    const before = await tableFingerprint(store.healthy);
    const lost = store.loseConnectionAt(at);
    const res = await publish(`lost at ${at.source}`, etag);
    await lost;
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('store-unavailable');
    expect(res.headers.get('retry-after')).toBe(String(STORE_RETRY_AFTER_SECONDS));
    expect(await tableFingerprint(store.healthy)).toEqual(before);

    // Sent again, it publishes exactly one version.
    const again = await publish(`lost at ${at.source}`, etag);
    expect(again.status).toBe(201);
    const versions = await store.healthy.query<{ n: number }>("SELECT count(*)::int AS n FROM pack_versions WHERE note = $1", [`lost at ${at.source}`]);
    expect(versions[0]!.n).toBe(1);
  });

  it('answers 503 with Retry-After while the database is unreachable, writing nothing, and works again once it is back', async () => {
    const etag = await editedDraft('Published after the outage');
    const before = await tableFingerprint(store.healthy);
    store.cut();
    try {
      for (const res of [
        await publish('during the outage', etag),
        await t.call('GET', '/api/health'),
        await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' }),
        await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Unreachable House' } }),
      ]) {
        expect([res.status, res.body?.error?.code, res.headers.get('retry-after')]).toEqual([503, 'store-unavailable', String(STORE_RETRY_AFTER_SECONDS)]);
      }
    } finally {
      store.restore();
    }
    expect(await tableFingerprint(store.healthy)).toEqual(before);
    expect((await t.call('GET', '/api/health')).status).toBe(200);
    const published = await publish('after the outage', etag);
    expect(published.status).toBe(201);
  });
});
