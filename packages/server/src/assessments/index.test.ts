import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { contentHash, sha256Text } from '../audit/content-hash.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';

describe.each(testStoreKinds)('assessments and determinations on $name', (kind) => {
  let t: TestApp;
  let providerId: string;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    providerId = (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Acme Care' } })).body.id;
  });
  afterAll(async () => t?.dispose());

  const submit = (body: Record<string, unknown>, as: 'testshireOfficer' | 'testshireViewer' | 'othertonOfficer' = 'testshireOfficer') =>
    t.call('POST', '/api/councils/testshire/assessments', { as, body: { providerId, ...body } });

  it('evaluates and stores an assessment, returning the determination with its explanation', async () => {
    // Three of four Fully met and no concerns: Silver under the fixture's 3-criteria threshold.
    const res = await submit({ date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } });
    expect(res.status).toBe(201);
    expect(res.body.packVersion).toBe('1.0.0');
    expect(res.body.determination.headline.value).toBe('Silver');
    expect(res.body.determination.pack.hash).toBe(res.body.packHash);
    expect(res.body.determination.trace).toBeUndefined();
    expect(res.body.determination.explanation.format).toBe(3);
    expect(res.body.determination.explanation.entries.length).toBeGreaterThan(0);
    expect(res.body.determination.schedule).toEqual([expect.objectContaining({ id: 'annual-visit', nextDue: '2026-03-01' })]);
    const stored = await t.call('GET', `/api/councils/testshire/assessments/${res.body.id}`, { as: 'testshireViewer' });
    expect(stored.body.input).toEqual({ date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } });
    const { explanation, ...record } = res.body.determination;
    expect(stored.body.determination).toEqual(record);
    const explained = await t.call('GET', `/api/councils/testshire/assessments/${res.body.id}?explain=true`, { as: 'testshireViewer' });
    expect(explained.body.determination).toEqual({ ...record, explanation });
  });

  it('gives due dates from the assessment date for an improvement plan', async () => {
    const res = await submit({ date: '2025-04-10', judgements: judgements(1), facts: { concerns: false } });
    expect(res.body.determination.headline.value).toBe('Bronze');
    expect(res.body.determination.actions).toEqual([expect.objectContaining({ id: 'improvement-plan', due: '2025-04-17' })]);
  });

  it("refuses an assessment that does not fit the pack's inputs with 422 naming the fact, storing nothing", async () => {
    const before = (await t.call('GET', '/api/councils/testshire/assessments', { as: 'testshireViewer' })).body.assessments.length;
    const res = await submit({ date: '2025-03-01', judgements: judgements(4), facts: {} });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid-assessment');
    expect(res.body.error.details.some((d: { fact: string }) => d.fact === 'concerns')).toBe(true);
    const after = (await t.call('GET', '/api/councils/testshire/assessments', { as: 'testshireViewer' })).body.assessments.length;
    expect(after).toBe(before);
  });

  it('refuses a NUL character, which PostgreSQL cannot store, with 422 naming where it is, storing nothing', async () => {
    const before = (await t.call('GET', '/api/councils/testshire/assessments', { as: 'testshireViewer' })).body.assessments.length;
    const res = await submit({ date: '2025-03-01', judgements: judgements(4), facts: { concerns: false }, note: 'seen by\u0000 the officer' });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ pointer: '/note', message: expect.stringContaining('NUL character') }]);
    const inKey = await submit({ date: '2025-03-01', judgements: { ...judgements(4), 'c/\u00001': 'Fully met' }, facts: { concerns: false } });
    expect(inKey.body.error.details).toEqual([{ pointer: '/judgements/c~1\u00001', message: expect.stringContaining('NUL character') }]);
    const after = (await t.call('GET', '/api/councils/testshire/assessments', { as: 'testshireViewer' })).body.assessments.length;
    expect(after).toBe(before);
  });

  it('refuses an assessment dated before any version is in force', async () => {
    const res = await submit({ date: '2023-06-01', judgements: judgements(4), facts: { concerns: false } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('no-pack-in-force');
  });

  it('answers 404 for an unknown provider and 403 for a viewer or another council', async () => {
    const unknown = await t.call('POST', '/api/councils/testshire/assessments', {
      as: 'testshireOfficer',
      body: { providerId: 'nope', date: '2025-03-01', facts: { concerns: false } },
    });
    expect(unknown.status).toBe(404);
    expect((await submit({ date: '2025-03-01', facts: { concerns: false } }, 'testshireViewer')).status).toBe(403);
    expect((await submit({ date: '2025-03-01', facts: { concerns: false } }, 'othertonOfficer')).status).toBe(403);
  });

  it('previews a determination without storing it', async () => {
    const before = (await t.call('GET', '/api/councils/testshire/assessments', { as: 'testshireViewer' })).body.assessments.length;
    const res = await t.call('POST', '/api/councils/testshire/assessments/preview', {
      as: 'testshireOfficer',
      body: { providerId, date: '2025-05-01', judgements: judgements(4), facts: { concerns: false } },
    });
    expect(res.status).toBe(200);
    expect(res.body.determination.headline.value).toBe('Gold');
    const after = (await t.call('GET', '/api/councils/testshire/assessments', { as: 'testshireViewer' })).body.assessments.length;
    expect(after).toBe(before);
  });

  it('evaluates under the version in force on the assessment date, and reproduces stored determinations exactly', async () => {
    // Publish 1.1.0 from 2026-01-01 with Silver needing all four criteria at least Fully met.
    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const content = structuredClone(draft.body.content);
    content.decisions.overallRating.rules.find((r: { id: string }) => r.id === 'silver').when.value = 4;
    content.metadata.effectiveFrom = '2026-01-01';
    await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': draft.headers.get('etag')! } });
    const published = await t.call('POST', '/api/councils/testshire/draft/publish', {
      as: 'testshireAdmin',
      body: { effectiveFrom: '2026-01-01', confirmPastDate: true, note: 'Silver needs four', version: '1.1.0', acknowledgeFindings: true },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);

    const old = await submit({ date: '2025-12-31', judgements: judgements(3), facts: { concerns: false } });
    const fresh = await submit({ date: '2026-01-01', judgements: judgements(3), facts: { concerns: false } });
    expect([old.body.packVersion, old.body.determination.headline.value]).toEqual(['1.0.0', 'Silver']);
    expect([fresh.body.packVersion, fresh.body.determination.headline.value]).toEqual(['1.1.0', 'Bronze']);

    for (const id of [old.body.id, fresh.body.id]) {
      const again = await t.call('POST', `/api/councils/testshire/assessments/${id}/reevaluate`, { as: 'testshireViewer' });
      expect(again.status).toBe(200);
      expect(again.body.identical).toBe(true);
      expect(again.body.reproduced).toEqual(again.body.stored);
    }
  });

  it("lists a provider's timeline: every determination with its pack version, oldest first", async () => {
    const res = await t.call('GET', `/api/councils/testshire/providers/${providerId}/timeline`, { as: 'testshireViewer' });
    expect(res.status).toBe(200);
    const dates = res.body.timeline.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(res.body.timeline.map((e: { packVersion: string }) => e.packVersion)).toContain('1.1.0');
    const provider = await t.call('GET', `/api/councils/testshire/providers/${providerId}`, { as: 'testshireViewer' });
    expect(provider.body.latest).toMatchObject({ assessmentDate: '2026-01-01', rating: 'Bronze', packVersion: '1.1.0', nextVisitDue: '2027-01-01' });
  });

  it('writes the assessment, its determination and an audit entry together', async () => {
    const rows = await t.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM assessments a
         JOIN determinations d ON d.assessment_id = a.id
         JOIN audit_log l ON l.entity_id = a.id AND l.action = 'assessment-create'
        WHERE a.council_id = 'testshire'`,
    );
    const all = await t.db.query<{ n: number }>("SELECT count(*) AS n FROM assessments WHERE council_id = 'testshire'");
    expect(rows[0]!.n).toBe(all[0]!.n);
    expect(all[0]!.n).toBe(4);
  });

  it("audits each stored assessment with the input's content hash and the hash of the determination as stored", async () => {
    const input = { date: '2025-06-02', facts: { concerns: false }, judgements: judgements(2) };
    const res = await submit(input);
    const [entry] = await t.db.query<{ after_hash: string; detail: { determinationHash: string; packHash: string } }>(
      "SELECT after_hash, detail FROM audit_log WHERE action = 'assessment-create' AND entity_id = $1",
      [res.body.id],
    );
    expect(entry!.after_hash).toBe(contentHash(input));
    const again = await t.call('POST', `/api/councils/testshire/assessments/${res.body.id}/reevaluate`, { as: 'testshireViewer' });
    // Reproducing the determination under its pack hash reproduces its hash.
    expect(entry!.detail.determinationHash).toBe(sha256Text(JSON.stringify(again.body.reproduced)));
    expect(entry!.detail.packHash).toBe(res.body.packHash);
  });

  it("refuses, storing nothing, a provider of another council, even once the council's versions are in memory", async () => {
    const elsewhere = (await t.call('POST', '/api/councils/otherton/providers', { as: 'othertonOfficer', body: { name: 'Not Here' } })).body.id;
    expect((await submit({ date: '2025-03-01', judgements: judgements(4), facts: { concerns: false } })).status).toBe(201);
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM assessments'))[0]!.n;
    const before = await count();
    const res = await t.call('POST', '/api/councils/testshire/assessments', {
      as: 'testshireOfficer',
      body: { providerId: elsewhere, date: '2025-03-01', judgements: judgements(4), facts: { concerns: false } },
    });
    expect(res.status).toBe(404);
    // An unknown provider is reported before what is wrong with the assessment itself.
    const both = await t.call('POST', '/api/councils/testshire/assessments', {
      as: 'testshireOfficer',
      body: { providerId: elsewhere, date: '2025-03-01', judgements: judgements(4), facts: {} },
    });
    expect(both.status).toBe(404);
    expect(await count()).toBe(before);
  });
});

describe.each(testStoreKinds)('storing assessments on two servers sharing one $name store', (kind) => {
  let here: TestApp;
  let elsewhere: ReturnType<typeof createApp>;
  let providerId: string;
  beforeAll(async () => {
    here = await makeTestApp(kind);
    elsewhere = createApp({ db: here.db, plugins: testPlugins, log: () => undefined });
    providerId = (await here.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Shared Care' } })).body.id;
  });
  afterAll(async () => here?.dispose());

  const submit = (date: string) =>
    here.call('POST', '/api/councils/testshire/assessments', {
      as: 'testshireOfficer',
      body: { providerId, date, judgements: judgements(3), facts: { concerns: false } },
    });
  const asAdmin = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    elsewhere.request(path, {
      method,
      headers: { authorization: `Bearer ${here.tokens.testshireAdmin}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('uses a version published by the other server from the very next assessment it affects', async () => {
    expect((await submit('2026-02-01')).body.packVersion).toBe('1.0.0');
    const draft = await asAdmin('GET', '/api/councils/testshire/draft');
    const content = ((await draft.json()) as { content: { metadata: Record<string, unknown>; decisions: Record<string, { rules: { id: string; when: { value: number } }[] }> } }).content;
    content.decisions.overallRating!.rules.find((r) => r.id === 'silver')!.when.value = 4;
    content.metadata.effectiveFrom = '2026-01-01';
    expect((await asAdmin('PUT', '/api/councils/testshire/draft', content, { 'if-match': draft.headers.get('etag')! })).status).toBe(200);
    const published = await asAdmin('POST', '/api/councils/testshire/draft/publish', { effectiveFrom: '2026-01-01', confirmPastDate: true, note: 'Silver needs four', version: '1.1.0', acknowledgeFindings: true });
    expect(published.status).toBe(201);

    const affected = await submit('2026-02-01');
    expect(affected.status).toBe(201);
    expect([affected.body.packVersion, affected.body.determination.headline.value]).toEqual(['1.1.0', 'Bronze']);
    const [stored] = await here.db.query<{ version: string }>(
      'SELECT v.version FROM determinations d JOIN pack_versions v ON v.id = d.pack_version_id WHERE d.assessment_id = $1',
      [affected.body.id],
    );
    expect(stored!.version).toBe('1.1.0');
    // An earlier date is still under the version in force then.
    expect((await submit('2025-12-31')).body.packVersion).toBe('1.0.0');
  });
});
