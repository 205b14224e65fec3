import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { tableFingerprint } from '../store/fingerprint.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

const PATH = '/api/councils/testshire/draft/criteria';
const HEADER = 'id,wording,domain,standard,mandatory,advanced';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describe.each(testStoreKinds)('loading the criteria list into the draft from CSV, on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await makeTestApp(kind); });
  afterAll(async () => { await t?.dispose(); });

  const etag = async () => (await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' })).headers.get('etag')!;
  const put = (text: string, headers: Record<string, string>) =>
    t.call('PUT', PATH, { as: 'testshireAdmin', raw: text, headers: { 'content-type': 'text/csv', ...headers } });

  it('refuses every bad row with its line, column and what is wrong, and changes nothing', async () => {
    const before = await tableFingerprint(t.db);
    const res = await put(csv(
      'c1,Care plans are agreed and reviewed,care,care-s1,yes,no',
      'c2,Staff are trained,safety,care-s1,no,no',
      'c1,Again,care,care-s1,no,no',
      'c3,,Care,Good care,perhaps,no',
      'c4,Complaints are answered,care,care-s1,no,yes',
    ), { 'if-match': await etag() });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid-criteria');
    expect(res.body.error.message).toBe('The criteria list was not loaded: 4 line(s) are wrong; the draft is unchanged');
    expect(res.body.error.details).toEqual([
      { line: 3, csvColumn: 'domain', message: 'Unknown domain "safety"; the domains are care' },
      { line: 4, csvColumn: 'id', message: 'Duplicate id "c1" (first on line 2)' },
      { line: 5, csvColumn: 'wording', message: 'Missing wording' },
      { line: 5, csvColumn: 'mandatory', message: '"perhaps" is not yes or no' },
      { line: 6, csvColumn: 'advanced', message: 'The framework defines no "advanced" flag' },
    ]);
    expect(await tableFingerprint(t.db)).toEqual(before);
  });

  it('needs text/csv and If-Match naming the current revision, changing nothing otherwise', async () => {
    const before = await tableFingerprint(t.db);
    const good = csv('c1,Care plans are agreed,care,care-s1,yes,no');
    expect((await put(good, {})).status).toBe(428);
    expect((await put(good, { 'if-match': '"999"' })).status).toBe(409);
    const json = await t.call('PUT', PATH, { as: 'testshireAdmin', body: { csv: good }, headers: { 'if-match': await etag() } });
    expect([json.status, json.body.error.code]).toEqual([415, 'unsupported-media-type']);
    expect((await t.call('PUT', PATH, { as: 'testshireOfficer', raw: good, headers: { 'content-type': 'text/csv', 'if-match': await etag() } })).status).toBe(403);
    expect(await tableFingerprint(t.db)).toEqual(before);
  });

  it('loads a good list into the draft, audited, and answers its validation and the counts per domain', async () => {
    const tag = await etag();
    const res = await put(csv(
      'c1,"Care plans are agreed with the person, and reviewed",care,care-s1,yes,no',
      'c2,Staff are trained for the care they give,Care,Good care,no,no',
      'c3,People are involved in decisions,care,care-s1,NO,no',
      'c4,Complaints are answered within 28 days,care,care-s1,no,no',
    ), { 'if-match': tag });
    expect(res.status, res.text).toBe(200);
    const revision = Number(JSON.parse(tag)) + 1;
    expect(res.body).toEqual({ revision, valid: true, errors: [], criteria: 4, domains: [{ domain: 'care', criteria: 4, mandatory: 1, advanced: 0 }], parameters: [] });
    expect(res.headers.get('etag')).toBe(`"${revision}"`);
    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    expect(draft.body.content.framework.domains[0].standards[0].criteria).toEqual([
      { id: 'c1', title: 'Care plans are agreed with the person, and reviewed', flags: ['mandatory'] },
      { id: 'c2', title: 'Staff are trained for the care they give' },
      { id: 'c3', title: 'People are involved in decisions' },
      { id: 'c4', title: 'Complaints are answered within 28 days' },
    ]);
    const [audit] = await t.db.query<{ action: string; entity: string }>("SELECT action, entity FROM audit_log WHERE council_id = 'testshire' ORDER BY id DESC LIMIT 1");
    expect(audit).toEqual({ action: 'draft-criteria-import', entity: 'draft' });
    const cases = await t.call('POST', '/api/councils/testshire/draft/cases', { as: 'testshireAdmin' });
    expect([cases.status, cases.body.failed]).toEqual([200, 0]);
  });
});
