import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from './app.test-helpers.js';
import type { TestApp } from './app.test-helpers.js';
import { testStoreKinds } from './store/test-stores.test-helpers.js';

describe('compressed JSON replies', () => {
  let t: TestApp;
  beforeAll(async () => { t = await makeTestApp(testStoreKinds[0]!); });
  afterAll(async () => t?.dispose());

  const pack = (encoding?: string) => t.app.request('/api/councils/testshire/pack', {
    headers: { authorization: `Bearer ${t.tokens.testshireAdmin}`, ...(encoding ? { 'accept-encoding': encoding } : {}) },
  });

  it('sends a pack gzipped to a client that accepts gzip, the same JSON once unzipped', async () => {
    const plain = await pack();
    expect(plain.headers.get('content-encoding')).toBeNull();
    // What a cache must know: the reply would have differed had the client accepted compression.
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    const text = await plain.text();
    const zipped = await pack('gzip, deflate, br');
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    const body = Buffer.from(await zipped.arrayBuffer());
    expect(body.length).toBeLessThan(text.length / 2);
    expect(JSON.parse(gunzipSync(body).toString('utf8'))).toEqual(JSON.parse(text));
  });

  it('leaves a reply as it is for a client that accepts no compression it can use', async () => {
    const identity = await pack('identity');
    expect(identity.status).toBe(200);
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(identity.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('adds no Vary to a reply that is not JSON', async () => {
    const res = await t.app.request('/api/councils/testshire/providers/export', { headers: { authorization: `Bearer ${t.tokens.testshireAdmin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('vary')).toBeNull();
  });
});
