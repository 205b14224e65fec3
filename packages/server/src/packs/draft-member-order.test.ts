import { packHash } from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

type Json = null | boolean | number | string | Json[] | { [member: string]: Json };

/** `value` with the members of every object in reverse order: neither alphabetical nor by length. */
function reversedMembers(value: Json): Json {
  if (Array.isArray(value)) return value.map(reversedMembers);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedMembers(v)]));
}

describe.each(testStoreKinds)('a draft reads back exactly as saved, on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  const getDraft = () => t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
  const save = (content: unknown, etag: string) =>
    t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': etag } });

  it('keeps the order of every member, in the draft and in the version published from it (with the same content hash)', async () => {
    const before = await getDraft();
    const content = reversedMembers({ ...before.body.content, metadata: { ...before.body.content.metadata, title: 'Members in reverse' } }) as Record<string, Json>;
    // The order written is not the one jsonb would give back: the test can tell the two apart.
    const [asJsonb] = await t.db.query<{ c: unknown }>('SELECT $1::jsonb AS c', [JSON.stringify(content)]);
    expect(JSON.stringify(asJsonb!.c)).not.toBe(JSON.stringify(content));

    const saved = await save(content, before.headers.get('etag')!);
    expect(saved.status).toBe(200);
    const after = await getDraft();
    expect(JSON.stringify(after.body.content)).toBe(JSON.stringify(content));

    const published = await t.call('POST', '/api/councils/testshire/draft/publish', {
      as: 'testshireAdmin',
      body: { effectiveFrom: '2031-01-01', note: 'in the order written', acknowledgeFindings: true },
      headers: { 'if-match': saved.headers.get('etag')! },
    });
    expect(published.status).toBe(201);
    const latest = await t.call('GET', '/api/councils/testshire/pack');
    const metadata = content.metadata as Record<string, Json>;
    const expected = { ...content, metadata: { ...metadata, version: latest.body.version, effectiveFrom: '2031-01-01' } };
    expect(JSON.stringify(latest.body.pack)).toBe(JSON.stringify(expected));
    expect(latest.body.hash).toBe(packHash(expected));
    // The draft moved to the published version keeps the order too.
    expect(JSON.stringify((await getDraft()).body.content)).toBe(JSON.stringify(expected));
  });

  it('reports a dependency cycle from the same decision at save and at publish', async () => {
    const before = await getDraft();
    const content = structuredClone(before.body.content) as { decisions: Record<string, { source: unknown; rules: unknown[] }> };
    const source = content.decisions.overallRating!.source;
    // Written after overallRating, "tier" would come back first from jsonb (shorter names first).
    content.decisions.overallRating!.rules.push({ id: 'tier-gold', label: 'Tier Gold', priority: 10, output: 'Bronze', source, when: { fact: 'tier', operator: 'equal', value: 'Gold' } });
    content.decisions.tier = {
      label: 'Tier', scale: 'band', hitPolicy: 'first', source,
      rules: [{ id: 'rated-gold', label: 'Rated Gold', priority: 10, output: 'Gold', source, when: { fact: 'overallRating', operator: 'equal', value: 'Gold' } }],
      fallback: { output: 'Inadequate', source },
    } as never;
    const saved = await save(content, before.headers.get('etag')!);
    expect(saved.status).toBe(200);
    const cycleAtSave = saved.body.errors.filter((e: { code: string }) => e.code === 'cycle');
    expect(cycleAtSave.map((e: { message: string }) => e.message)).toEqual([expect.stringMatching(/^Decisions refer to each other in a cycle: overallRating -> tier -> overallRating/)]);

    const refused = await t.call('POST', '/api/councils/testshire/draft/publish', {
      as: 'testshireAdmin',
      body: { effectiveFrom: '2032-01-01', note: 'cycle', acknowledgeFindings: true },
      headers: { 'if-match': saved.headers.get('etag')! },
    });
    expect(refused.status).toBe(422);
    const cycleAtPublish = refused.body.error.details.filter((e: { code: string }) => e.code === 'cycle');
    expect(cycleAtPublish).toEqual(cycleAtSave);
  });
});
