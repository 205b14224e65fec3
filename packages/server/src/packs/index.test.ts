import * as engine from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { testshirePack } from '../test-fixtures/testshire-pack.js';

describe.each(testStoreKinds)('packs and versions on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  async function draft(as: 'testshireAdmin' | 'othertonAdmin' = 'testshireAdmin', council = 'testshire') {
    const res = await t.call('GET', `/api/councils/${council}/draft`, { as });
    expect(res.status).toBe(200);
    return { etag: res.headers.get('etag')!, content: res.body.content };
  }

  it('publishes each seeded pack as version 1.0.0, readable without signing in', async () => {
    const list = await t.call('GET', '/api/councils');
    expect(list.status).toBe(200);
    expect(list.body.councils.map((c: { id: string }) => c.id).sort()).toEqual(['otherton', 'testshire']);
    const pack = await t.call('GET', '/api/councils/testshire/pack');
    expect(pack.status).toBe(200);
    expect(pack.body.version).toBe('1.0.0');
    expect(pack.body.hash).toBe(engine.packHash(testshirePack()));
    expect(pack.body.pack.metadata.id).toBe('testshire');
  });

  it('answers 404 in the one error shape for an unknown council or version', async () => {
    const res = await t.call('GET', '/api/councils/york/pack');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { status: 404, code: 'not-found', message: 'Council "york" was not found' } });
    expect((await t.call('GET', '/api/councils/testshire/versions/9.9.9')).status).toBe(404);
  });

  it('keeps the draft private to the council: anonymous 401, another council 403', async () => {
    expect((await t.call('GET', '/api/councils/testshire/draft')).status).toBe(401);
    expect((await t.call('GET', '/api/councils/testshire/draft', { as: 'othertonAdmin' })).status).toBe(403);
    expect((await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireViewer' })).status).toBe(200);
  });

  it('saves a draft only with the current ETag, so a stale edit is a 409 and nothing is lost', async () => {
    const { etag, content } = await draft();
    const noMatch = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content });
    expect(noMatch.status).toBe(428);
    const edited = { ...content, metadata: { ...content.metadata, title: 'Edited once' } };
    const first = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: edited, headers: { 'if-match': etag } });
    expect(first.status).toBe(200);
    expect(first.body.valid).toBe(true);
    expect(first.headers.get('etag')).not.toBe(etag);
    const stale = await t.call('PUT', '/api/councils/testshire/draft', {
      as: 'testshireAdmin',
      body: { ...content, metadata: { ...content.metadata, title: 'Lost update' } },
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect((await draft()).content.metadata.title).toBe('Edited once');
  });

  it('lets only a council admin of that council edit the draft', async () => {
    const { etag, content } = await draft();
    for (const as of ['testshireOfficer', 'testshireViewer', 'othertonAdmin'] as const) {
      const res = await t.call('PUT', '/api/councils/testshire/draft', { as, body: content, headers: { 'if-match': etag } });
      expect(res.status, as).toBe(403);
    }
  });

  it('saves an invalid draft but reports its problems with JSON pointers, and refuses to publish it', async () => {
    const { etag, content } = await draft();
    const broken = { ...content, decisions: { ...content.decisions, overallRating: { ...content.decisions.overallRating, scale: 'nope' } } };
    const saved = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: broken, headers: { 'if-match': etag } });
    expect(saved.status).toBe(200);
    expect(saved.body.valid).toBe(false);
    expect(saved.body.errors.some((e: { pointer: string }) => e.pointer.startsWith('/decisions/overallRating'))).toBe(true);
    const validate = await t.call('POST', '/api/councils/testshire/draft/validate', { as: 'testshireViewer' });
    expect(validate.body.valid).toBe(false);
    const publish = await t.call('POST', '/api/councils/testshire/draft/publish', { as: 'testshireAdmin', body: { effectiveFrom: '2030-01-01', note: 'try', acknowledgeFindings: true } });
    expect(publish.status).toBe(422);
    expect(publish.body.error.code).toBe('invalid-pack');
    expect((await t.call('GET', '/api/councils/testshire/pack')).body.version).toBe('1.0.0');
    const restore = await draft();
    await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': restore.etag } });
  });

  it('validates a pack sent in the body without saving it', async () => {
    const { etag, content } = await draft();
    const broken = { ...content, outcomes: { ...content.outcomes, headline: 'noSuchDecision' } };
    const res = await t.call('POST', '/api/councils/testshire/draft/validate', { as: 'testshireViewer', body: broken });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/outcomes/headline');
    expect((await draft()).etag).toBe(etag);
  });

  it('replies with schema errors and meaning errors together, in one list', async () => {
    const { content } = await draft();
    const broken = { ...content, metadata: { ...content.metadata, colour: 'blue' }, outcomes: { ...content.outcomes, headline: 'noSuchDecision' } };
    const res = await t.call('POST', '/api/councils/testshire/draft/validate', { as: 'testshireViewer', body: broken });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    const errors = res.body.errors as { pointer: string; message: string }[];
    expect(errors).toContainEqual(expect.objectContaining({ pointer: '/metadata', message: 'Unknown property "colour".' }));
    expect(errors.map((e) => e.pointer)).toContain('/outcomes/headline');
  });

  it('publishes the JSON Schema of an assessment under the current pack', async () => {
    const res = await t.call('GET', '/api/councils/testshire/pack/assessment-schema');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body.schema)).toContain('concerns');
    expect(JSON.stringify(res.body.schema)).toContain('c1');
  });

  it('refuses to publish a draft whose cases fail, naming the failing case', async () => {
    const { etag, content } = await draft();
    const wrong = structuredClone(content);
    wrong.cases[0].want.headline = 'Bronze';
    await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: wrong, headers: { 'if-match': etag } });
    const cases = await t.call('POST', '/api/councils/testshire/draft/cases', { as: 'testshireViewer' });
    expect(cases.body.failed).toBe(1);
    const publish = await t.call('POST', '/api/councils/testshire/draft/publish', { as: 'testshireAdmin', body: { effectiveFrom: '2030-01-01', note: 'x', acknowledgeFindings: true } });
    expect(publish.status).toBe(422);
    expect(publish.body.error.code).toBe('cases-failed');
    expect(publish.body.error.details[0].case).toBe('all-fully-met-gold');
    const restore = await draft();
    await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': restore.etag } });
  });

  it('needs analysis findings acknowledged, then records the acknowledgement, author and note', async () => {
    const { etag, content } = await draft();
    const changed = structuredClone(content);
    changed.decisions.overallRating.rules.find((r: { id: string }) => r.id === 'silver').when.value = 4;
    await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: changed, headers: { 'if-match': etag } });
    const analysis = await t.call('POST', '/api/councils/testshire/draft/analyse', { as: 'testshireAdmin' });
    expect(analysis.status).toBe(200);
    const findings: number = analysis.body.findings;
    const unacknowledged = await t.call('POST', '/api/councils/testshire/draft/publish', { as: 'testshireAdmin', body: { effectiveFrom: '2030-01-01', note: 'Silver needs all four' } });
    if (findings > 0) {
      expect(unacknowledged.status).toBe(422);
      expect(unacknowledged.body.error.code).toBe('findings-not-acknowledged');
      const ok = await t.call('POST', '/api/councils/testshire/draft/publish', {
        as: 'testshireAdmin',
        body: { effectiveFrom: '2030-01-01', note: 'Silver needs all four', acknowledgeFindings: true, version: '1.1.0' },
      });
      expect(ok.status).toBe(201);
      expect(ok.body.acknowledged).toHaveLength(findings);
    } else {
      expect(unacknowledged.status).toBe(201);
    }
    const current = await t.call('GET', '/api/councils/testshire/pack');
    expect(current.body.note).toBe('Silver needs all four');
    expect(current.body.author).toBe(t.userIds.testshireAdmin);
    expect(current.body.pack.decisions.overallRating.rules.find((r: { id: string }) => r.id === 'silver').when.value).toBe(4);
    expect(current.body.hash).toBe(engine.packHash(current.body.pack));
    const audit = await t.call('GET', '/api/councils/testshire/audit', { as: 'testshireAdmin' });
    const entry = audit.body.entries.find((e: { action: string }) => e.action === 'pack-publish');
    expect(entry).toMatchObject({ actor: t.userIds.testshireAdmin, afterHash: current.body.hash });
  });

  it('refuses a version number that is not newer than the latest', async () => {
    const res = await t.call('POST', '/api/councils/testshire/draft/publish', {
      as: 'testshireAdmin',
      body: { effectiveFrom: '2030-01-01', note: 'again', version: '1.0.0', acknowledgeFindings: true },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].pointer).toBe('/version');
  });

  it('lets exactly one of two racing publishes of the same draft win; the other gets 409', async () => {
    const { etag } = await draft();
    const attempt = () =>
      t.call('POST', '/api/councils/testshire/draft/publish', {
        as: 'testshireAdmin',
        body: { effectiveFrom: '2030-01-01', note: 'race', acknowledgeFindings: true },
        headers: { 'if-match': etag },
      });
    const results = await Promise.all([attempt(), attempt()]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const versions = await t.call('GET', '/api/councils/testshire/versions');
    expect(versions.body.versions.filter((v: { note: string }) => v.note === 'race')).toHaveLength(1);
  });

  it('refuses to publish a draft based on a version that is no longer the latest', async () => {
    const viewerDraft = await draft();
    await t.db.query("UPDATE drafts SET base_version_id = (SELECT id FROM pack_versions WHERE council_id = 'testshire' AND version = '1.0.0') WHERE council_id = 'testshire'");
    const res = await t.call('POST', '/api/councils/testshire/draft/publish', { as: 'testshireAdmin', body: { effectiveFrom: '2030-01-01', note: 'stale', acknowledgeFindings: true } });
    expect(res.status).toBe(409);
    await t.db.query("UPDATE drafts SET base_version_id = (SELECT id FROM pack_versions WHERE council_id = 'testshire' ORDER BY seq DESC LIMIT 1) WHERE council_id = 'testshire'");
    expect(viewerDraft.etag).toBeTruthy();
  });

  it('rolls back by withdrawing the later versions for their whole period and publishing the earlier content as a new version', async () => {
    const before = await t.call('GET', '/api/councils/testshire/versions');
    const head = before.body.versions[0];
    const res = await t.call('POST', '/api/councils/testshire/versions/1.0.0/rollback', { as: 'testshireAdmin', body: {} });
    expect(res.status).toBe(201);
    expect(res.body.note).toBe('Roll back to 1.0.0');
    expect(res.body.withdrew.map((v: { version: string }) => v.version)).toContain(head.version);
    expect(res.body.withdrew.every((v: { withdrawn?: { reason: string } }) => v.withdrawn?.reason === 'Roll back to 1.0.0')).toBe(true);
    const versions = await t.call('GET', '/api/councils/testshire/versions');
    expect(versions.body.versions).toHaveLength(before.body.versions.length + 1);
    const rolled = await t.call('GET', `/api/councils/testshire/versions/${res.body.version}`);
    const original = await t.call('GET', '/api/councils/testshire/versions/1.0.0');
    expect(rolled.body.pack.decisions).toEqual(original.body.pack.decisions);
    // The withdrawn version is in force on no date of its period: the roll back is, from its start.
    expect(res.body.effectiveFrom).toBe(head.effectiveFrom);
    const inForce = await t.call('GET', `/api/councils/testshire/pack/in-force?date=${head.effectiveFrom}&pack=false`);
    expect(inForce.body.version).toBe(res.body.version);
    expect((await t.call('GET', '/api/councils/testshire/pack/in-force?date=2023-12-31')).status).toBe(404);
    const again = await t.call('POST', `/api/councils/testshire/versions/${head.version}/rollback`, { as: 'testshireAdmin', body: {} });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('version-withdrawn');
  });

  it('lets a platform admin add a council whose first draft is then published as its first version', async () => {
    const created = await t.call('POST', '/api/councils', { as: 'platformAdmin', body: { id: 'newtown', name: 'Newtown Council' } });
    expect(created.status).toBe(201);
    expect((await t.call('POST', '/api/councils', { as: 'testshireAdmin', body: { id: 'elsetown', name: 'Else' } })).status).toBe(403);
    expect((await t.call('GET', '/api/councils/newtown/pack')).status).toBe(404);
    const put = await t.call('PUT', '/api/councils/newtown/draft', { as: 'platformAdmin', body: testshirePack({ id: 'newtown' }) });
    expect(put.status).toBe(200);
    const published = await t.call('POST', '/api/councils/newtown/draft/publish', {
      as: 'platformAdmin',
      body: { effectiveFrom: '2030-01-01', note: 'First framework', acknowledgeFindings: true },
    });
    expect(published.status).toBe(201);
    expect(published.body.version).toBe('1.0.0');
    expect((await t.call('GET', '/api/councils/newtown')).body.currentVersion.version).toBe('1.0.0');
  });

  it('never lets a published version change, even through SQL', async () => {
    await expect(t.db.query("UPDATE pack_versions SET note = 'rewritten' WHERE council_id = 'testshire'")).rejects.toThrow(/immutable/);
  });

  it("returns the engine's readable diff between two versions and against the draft", async () => {
    const res = await t.call('GET', '/api/councils/testshire/diff?from=1.0.0&to=1.1.0');
    expect(res.status).toBe(200);
    expect(res.body.changes.some((c: { pointer: string }) => c.pointer.includes('/decisions/overallRating'))).toBe(true);
    expect((await t.call('GET', '/api/councils/testshire/diff?from=1.0.0&to=draft')).status).toBe(401);
    expect((await t.call('GET', '/api/councils/testshire/diff?from=1.0.0&to=draft', { as: 'testshireViewer' })).status).toBe(200);
  });
});
