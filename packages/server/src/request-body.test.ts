import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from './app.test-helpers.js';
import type { Persona, TestApp } from './app.test-helpers.js';
import { MAX_JSON_DEPTH } from './json-value-check.js';
import { tableFingerprint } from './store/fingerprint.test-helpers.js';
import { testStoreKinds } from './store/test-stores.test-helpers.js';

const DEEP = 10_000;

describe.each(testStoreKinds)('request bodies that cannot be stored as sent, on $name', (kind) => {
  let t: TestApp;
  let etag: string;
  let draft: Record<string, unknown>;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    const res = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    etag = res.headers.get('etag')!;
    draft = res.body.content;
  });
  afterAll(async () => t?.dispose());

  /** Sends `body` (JSON text or raw bytes) and checks the reply; every table must be unchanged. */
  async function refused(method: string, path: string, body: string | Uint8Array, as: Persona = 'testshireAdmin') {
    const before = await tableFingerprint(t.db);
    const res = await t.app.request(path, {
      method,
      headers: { authorization: `Bearer ${t.tokens[as]}`, 'content-type': 'application/json', 'if-match': etag },
      body,
    });
    const reply = (await res.json()) as { error: { status: number; code: string; details?: Record<string, unknown>[] } };
    expect(await tableFingerprint(t.db)).toEqual(before);
    return { status: res.status, error: reply.error };
  }

  /** The draft as JSON text with `title` spliced in verbatim (so it can carry escapes JSON.stringify would not write). */
  const draftWithTitle = (title: string) =>
    JSON.stringify({ ...draft, metadata: { ...(draft.metadata as object), title: 'TITLE' } }).replace('"TITLE"', title);

  it('refuses a lone surrogate in a draft with 422 and its pointer, instead of storing U+FFFD', async () => {
    const r = await refused('PUT', '/api/councils/testshire/draft', draftWithTitle('"Care \\ud800 homes"'));
    expect(r.status).toBe(422);
    expect(r.error.details).toEqual([{ pointer: '/metadata/title', message: expect.stringContaining('lone surrogate (\\uD800)') }]);
  });

  it('refuses a lone surrogate in a member name, naming that member', async () => {
    const r = await refused('PUT', '/api/councils/testshire/draft', draftWithTitle('"x", "\\udc00odd": 1'));
    expect(r.status).toBe(422);
    expect(r.error.details?.[0]).toMatchObject({ pointer: '/metadata/\udc00odd', message: expect.stringContaining('member name') });
  });

  it('refuses a lone surrogate in an assessment note and in a token name', async () => {
    const note = await refused(
      'POST',
      '/api/councils/testshire/assessments',
      '{"providerId": "p-1", "date": "2025-01-01", "note": "seen \\udfff"}',
      'testshireOfficer',
    );
    expect([note.status, note.error.details?.[0]?.pointer]).toEqual([422, '/note']);
    const token = await refused('POST', '/api/auth/tokens', '{"name": "\\ud83d"}');
    expect([token.status, token.error.details?.[0]?.pointer]).toEqual([422, '/name']);
  });

  it(`refuses a draft nested ${DEEP} deep with 422 and the pointer where it passes ${MAX_JSON_DEPTH} levels`, async () => {
    const r = await refused('PUT', '/api/councils/testshire/draft', draftWithTitle(`${'['.repeat(DEEP)}${']'.repeat(DEEP)}`));
    expect(r.status).toBe(422);
    expect(r.error.details).toEqual([
      { pointer: `/metadata/title${'/0'.repeat(MAX_JSON_DEPTH - 1)}`, message: `is nested deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
  });

  it('refuses very deep JSON with a NUL anywhere, deep or shallow, with 422', async () => {
    const deepNul = `{"note": ${'['.repeat(DEEP)}"\\u0000"${']'.repeat(DEEP)}}`;
    expect((await refused('POST', '/api/auth/tokens', deepNul)).status).toBe(422);
    const shallowNul = `{"name": "a\\u0000b", "deep": ${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}`;
    const r = await refused('POST', '/api/auth/tokens', shallowNul);
    expect(r.status).toBe(422);
    expect(r.error.details?.[0]).toEqual({ pointer: '/name', message: expect.stringContaining('NUL') });
  });

  it('answers malformed JSON nested too deep to scan with 400 and a line and column, not a stack overflow', async () => {
    const r = await refused('PUT', '/api/councils/testshire/draft', `{"a": ${'['.repeat(DEEP)}`);
    expect(r.status).toBe(400);
    expect(r.error.details?.[0]).toMatchObject({ line: 1, column: 7 + MAX_JSON_DEPTH });
  });

  it('refuses a number that overflows to infinity (size.beds: 1e400) instead of storing null', async () => {
    const r = await refused('POST', '/api/councils/testshire/providers', '{"name": "Big House", "size": {"beds": 1e400}}');
    expect(r.status).toBe(422);
    expect(r.error.details).toEqual([{ pointer: '/size/beds', message: expect.stringContaining('infinity') }]);
    const negative = await refused('POST', '/api/councils/testshire/providers', '{"name": "Big House", "size": {"beds": -1e400}}');
    expect(negative.error.details?.[0]?.pointer).toBe('/size/beds');
  });

  it('refuses bytes that are not UTF-8 with 400 naming the byte offset, instead of storing U+FFFD', async () => {
    const head = new TextEncoder().encode('{"name": "Caf');
    const body = new Uint8Array([...head, 0xe9, ...new TextEncoder().encode(' Home"}')]);
    const r = await refused('POST', '/api/councils/testshire/providers', body);
    expect(r.status).toBe(400);
    expect(r.error.code).toBe('invalid-utf8');
    expect(r.error.details).toEqual([{ message: 'invalid UTF-8 sequence', offset: head.length }]);
  });

  it('still stores well-formed text outside the basic plane exactly as sent', async () => {
    const res = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireAdmin', body: { name: 'Sunny 😀 House \u00e9' } });
    expect(res.status).toBe(201);
    const [row] = await t.db.query<{ name: string }>('SELECT name FROM providers WHERE id = $1', [res.body.id]);
    expect(row?.name).toBe('Sunny 😀 House \u00e9');
  });
});
