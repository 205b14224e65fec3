import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { sha256Text } from '../audit/content-hash.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { replyLosingDb } from './reply-losing-db.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';

describe.each(testStoreKinds)('Idempotency-Key on $name', (kind) => {
  let t: TestApp;
  let providerId: string;
  let n = 0;
  const newKey = () => `key-${kind.name}-${++n}-${Math.random().toString(36).slice(2)}`;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    providerId = (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Keyed Care' } })).body.id;
  });
  afterAll(async () => t?.dispose());

  const assessment = (date = '2025-03-01') => ({ providerId, date, judgements: judgements(3), facts: { concerns: false } });
  const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n;

  it('replays the original status and body for the same key and request, writing once', async () => {
    const key = newKey();
    const before = await count('assessments');
    const first = await t.call('POST', '/api/councils/testshire/assessments', { as: 'testshireOfficer', body: assessment(), headers: { 'idempotency-key': key } });
    const again = await t.call('POST', '/api/councils/testshire/assessments', { as: 'testshireOfficer', body: assessment(), headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    expect(await count('assessments')).toBe(before + 1);
  });

  it('replays a provider creation with its ETag', async () => {
    const key = newKey();
    const before = await count('providers');
    const first = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Once Only' }, headers: { 'idempotency-key': key } });
    const again = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Once Only' }, headers: { 'idempotency-key': key } });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await count('providers')).toBe(before + 1);
  });

  it('refuses the same key with a different body with 422, writing nothing', async () => {
    const key = newKey();
    await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'First Body' }, headers: { 'idempotency-key': key } });
    const before = await count('providers');
    const res = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Second Body' }, headers: { 'idempotency-key': key } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('idempotency-key-reused');
    expect(res.body.error.details).toEqual([expect.objectContaining({ header: 'Idempotency-Key' })]);
    expect(await count('providers')).toBe(before);
  });

  it('answers 409 while the first request with the key is still under way', async () => {
    const key = newKey();
    const body = JSON.stringify({ name: 'Under Way' });
    const path = '/api/councils/testshire/providers';
    // The first request holds the key (as claimKey leaves it) and has not finished.
    await t.db.query(
      `INSERT INTO idempotency_keys (caller, key, request_hash, attempt, locked_until) VALUES ($1, $2, $3, 'first', now() + interval '1 hour')`,
      [t.userIds.testshireOfficer, key, sha256Text(`POST ${path}\n${body}`)],
    );
    const before = await count('providers');
    const res = await t.call('POST', path, { as: 'testshireOfficer', raw: body, headers: { 'idempotency-key': key } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('idempotency-key-in-use');
    expect(await count('providers')).toBe(before);
  });

  it('keeps keys apart per caller', async () => {
    const key = newKey();
    const mine = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Mine' }, headers: { 'idempotency-key': key } });
    const theirs = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireAdmin', body: { name: 'Mine' }, headers: { 'idempotency-key': key } });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('lets a key whose request failed be used again', async () => {
    const key = newKey();
    const bad = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: '' }, headers: { 'idempotency-key': key } });
    expect(bad.status).toBe(422);
    const good = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Fixed' }, headers: { 'idempotency-key': key } });
    expect(good.status).toBe(201);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const res = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'X' }, headers: { 'idempotency-key': 'has space' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ header: 'Idempotency-Key' })]);
  });

  it('replays the stored draft save and the publish rather than writing them twice', async () => {
    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const content = { ...draft.body.content, metadata: { ...draft.body.content.metadata, version: '9.0.0' } };
    const saveKey = newKey();
    const save = () =>
      t.call('PUT', '/api/councils/testshire/draft', {
        as: 'testshireAdmin',
        body: content,
        headers: { 'idempotency-key': saveKey, 'if-match': draft.headers.get('etag')! },
      });
    const saved = await save();
    const savedAgain = await save();
    expect(saved.status).toBe(200);
    expect(savedAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(savedAgain.body).toEqual(saved.body);

    const publishKey = newKey();
    const publish = () =>
      t.call('POST', '/api/councils/testshire/draft/publish', {
        as: 'testshireAdmin',
        body: { note: 'Keyed', effectiveFrom: '2030-01-01', acknowledgeFindings: true },
        headers: { 'idempotency-key': publishKey },
      });
    const published = await publish();
    expect(published.status).toBe(201);
    const publishedAgain = await publish();
    expect(publishedAgain.status).toBe(201);
    expect(publishedAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(publishedAgain.body).toEqual(published.body);
    const versions = await t.db.query("SELECT id FROM pack_versions WHERE council_id = 'testshire' AND version = '9.0.0'");
    expect(versions).toHaveLength(1);
  });

  describe('when the reply is lost after the write committed', () => {
    it('a retry of an assessment replays the stored one and writes no second', async () => {
      const lossy = replyLosingDb(t.db);
      const app = createApp({ db: lossy.db, plugins: testPlugins, log: () => undefined });
      const send = () =>
        app.request('/api/councils/testshire/assessments', {
          method: 'POST',
          headers: { authorization: `Bearer ${t.tokens.testshireOfficer}`, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(assessment('2025-05-05')),
        });
      const key = newKey();
      const before = await count('assessments');
      lossy.state.loseNext = true;
      const lost = await send();
      expect(lost.status).toBe(500);
      expect(await count('assessments')).toBe(before + 1);
      const retry = await send();
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      const [row] = await t.db.query<{ id: string }>("SELECT id FROM assessments WHERE assessment_date = '2025-05-05'");
      expect(((await retry.json()) as { id: string }).id).toBe(row!.id);
      expect(await count('assessments')).toBe(before + 1);
    });

    it('a retry of a provider creation replays the stored one and writes no second', async () => {
      const lossy = replyLosingDb(t.db);
      const app = createApp({ db: lossy.db, plugins: testPlugins, log: () => undefined });
      const key = newKey();
      const send = () =>
        app.request('/api/councils/testshire/providers', {
          method: 'POST',
          headers: { authorization: `Bearer ${t.tokens.testshireOfficer}`, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ name: 'Lost Reply Care' }),
        });
      lossy.state.loseNext = true;
      expect((await send()).status).toBe(500);
      const retry = await send();
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await t.db.query("SELECT id FROM providers WHERE name = 'Lost Reply Care'")).toHaveLength(1);
    });
  });
});
