import { packHash } from '@openqaf/engine';
import type { Pack } from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { testshirePack } from '../test-fixtures/testshire-pack.js';
import { signedOffVisit } from './signed-off-visit.test-helpers.js';

/**
 * Two decisions taken per domain, written "domainRating" then "risk": `jsonb` gives object
 * members back shorter names first, so a report made from it would list "risk" first.
 */
function withTwoDomainDecisions(content: Record<string, any>): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const source = content.decisions.overallRating.source;
  const perDomain = (label: string, output: string) => ({
    label, scale: 'band', hitPolicy: 'first', forEach: 'domain', source,
    rules: [{ id: `${label.toLowerCase().replace(/ /g, '-')}-concerns`, label: 'Serious concerns', priority: 10, output: 'Inadequate', source, when: { fact: 'concerns', operator: 'equal', value: true } }],
    fallback: { output, source },
  });
  const { overallRating, ...rest } = content.decisions;
  return { ...content, decisions: { overallRating, domainRating: perDomain('Domain rating', 'Silver'), risk: perDomain('Risk', 'Gold'), ...rest } };
}

describe.each(testStoreKinds)('a provider report follows the pack\'s own member order, on $name', (kind) => {
  let t: TestApp;
  let assessmentId: string;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const saved = await t.call('PUT', '/api/councils/testshire/draft', {
      as: 'testshireAdmin', body: withTwoDomainDecisions(draft.body.content), headers: { 'if-match': draft.headers.get('etag')! },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.valid, JSON.stringify(saved.body.errors)).toBe(true);
    const published = await t.call('POST', '/api/councils/testshire/draft/publish', {
      as: 'testshireAdmin',
      body: { effectiveFrom: '2025-01-01', note: 'two per-domain decisions', acknowledgeFindings: true, confirmPastDate: true },
      headers: { 'if-match': saved.headers.get('etag')! },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const provider = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Acme Care' } });
    assessmentId = (await signedOffVisit(t, provider.body.id, '2025-03-01', 3)).assessmentId;
  });
  afterAll(async () => t?.dispose());

  it('lists the bands in the order the pack gives its decisions, not the order jsonb keeps them in', async () => {
    // The test can tell the two orders apart: the version's jsonb copy has "risk" first.
    const [stored] = await t.db.query<{ names: string[] }>(
      "SELECT array(SELECT jsonb_object_keys(content->'decisions')) AS names FROM pack_versions WHERE council_id = 'testshire' ORDER BY seq DESC LIMIT 1");
    expect(stored!.names).toEqual(['risk', 'domainRating', 'overallRating']);

    const report = await t.call('GET', `/api/councils/testshire/assessments/${assessmentId}/report`, { as: 'testshireOfficer' });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    // The headline first, then each per-domain decision in the pack's order (Silver and Gold by their fallbacks).
    expect(report.body.report.bands.map((b: { instance: string; band: string }) => [b.instance, b.band])).toEqual([
      ['overallRating', 'Silver'], ['domainRating.care', 'Silver'], ['risk.care', 'Gold'],
    ]);
  });
});

describe.each(testStoreKinds)('a version stored before its text was kept (migration 025) is shown in its package\'s order, on $name', (kind) => {
  let t: TestApp;
  let assessmentId: string;
  // The package ships the two per-domain decisions; the store holds the same content as jsonb only.
  const shipped = withTwoDomainDecisions({ ...testshirePack(), metadata: { ...testshirePack().metadata, version: '1.1.0', effectiveFrom: '2025-01-01' } }) as Pack;
  beforeAll(async () => {
    t = await makeTestApp(kind, { plugins: [{ ...testPlugins[0]!, pack: shipped }, testPlugins[1]!] });
    await t.db.query(
      `INSERT INTO pack_versions (id, council_id, seq, version, hash, content, note, effective_from)
        VALUES ('v-before-025', 'testshire', 2, '1.1.0', $1, $2::jsonb, 'published before migration 025', '2025-01-01')`,
      [packHash(shipped), JSON.stringify(shipped)]);
    const provider = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Acme Care' } });
    assessmentId = (await signedOffVisit(t, provider.body.id, '2025-03-01', 3)).assessmentId;
  });
  afterAll(async () => t?.dispose());

  it('lists the report\'s bands, and gives the version\'s pack, in the order the package wrote them', async () => {
    const report = await t.call('GET', `/api/councils/testshire/assessments/${assessmentId}/report`, { as: 'testshireOfficer' });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.report.framework.version).toBe('1.1.0');
    expect(report.body.report.bands.map((b: { instance: string }) => b.instance)).toEqual(['overallRating', 'domainRating.care', 'risk.care']);

    for (const path of ['/api/councils/testshire/versions/1.1.0', '/api/councils/testshire/pack']) {
      const version = await t.call('GET', path);
      expect(version.status).toBe(200);
      expect(JSON.stringify(version.body.pack), path).toBe(JSON.stringify(shipped));
      expect(version.body).not.toHaveProperty('contentSorted');
    }
  });
});
