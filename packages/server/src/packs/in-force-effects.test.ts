import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';

// "Today" for these tests; the seeded version 1.0.0 is in force from 2024-01-01.
const TODAY = '2026-06-15';

describe.each(testStoreKinds)('assessments affected by a past in-force date on $name', (kind) => {
  let t: TestApp;
  let finalId: string;
  let provisionalId: string;
  let visitId: string;
  beforeAll(async () => {
    t = await makeTestApp(kind, { now: () => new Date(`${TODAY}T12:00:00Z`) });
    const provider = async (name: string) => (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name } })).body.id as string;
    // Three criteria Fully met: Silver under 1.0.0 (Silver needs three), Bronze once Silver needs four.
    const final = await t.call('POST', '/api/councils/testshire/assessments', {
      as: 'testshireOfficer',
      body: { providerId: await provider('Entered Care'), date: '2026-05-01', judgements: judgements(3), facts: { concerns: false } },
    });
    expect(final.status).toBe(201);
    finalId = final.body.id;
    // The same judgements through a visit record, submitted but not signed off: provisional.
    const visit = await t.call('POST', '/api/councils/testshire/visits', { as: 'testshireOfficer', body: { providerId: await provider('Visited Care'), date: '2026-05-02' } });
    visitId = visit.body.id;
    const saved = await t.call('PUT', `/api/councils/testshire/visits/${visitId}/draft`, {
      as: 'testshireOfficer',
      body: { date: '2026-05-02', judgements: judgements(3), facts: { concerns: false } },
      headers: { 'if-match': '"1"' },
    });
    expect(saved.status).toBe(200);
    const submitted = await t.call('POST', `/api/councils/testshire/visits/${visitId}/submit`, { as: 'testshireOfficer', headers: { 'if-match': '"2"' } });
    expect(submitted.status).toBe(200);
    provisionalId = submitted.body.assessmentId;
    expect((await t.call('GET', `/api/councils/testshire/assessments/${provisionalId}`, { as: 'testshireViewer' })).body.provisional).toBe(true);

    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const content = structuredClone(draft.body.content);
    content.decisions.overallRating.rules.find((r: { id: string }) => r.id === 'silver').when.value = 4;
    const put = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': draft.headers.get('etag')! } });
    expect(put.status).toBe(200);
  });
  afterAll(async () => t?.dispose());

  const publish = () =>
    t.call('POST', '/api/councils/testshire/draft/publish', {
      as: 'testshireAdmin',
      body: { acknowledgeFindings: true, note: 'Silver needs four', effectiveFrom: '2026-04-01', version: '1.1.0' },
    });
  const listed = (body: { error: { details: { assessmentId?: string }[] } }) =>
    body.error.details.filter((d) => d.assessmentId).map((d) => d.assessmentId);

  it('lists only final assessments of the period: a visit record not signed off is left out', async () => {
    const refused = await publish();
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('past-in-force-date');
    expect(refused.body.error.message).toContain(': 1 stored assessment(s) fall in the period');
    expect(listed(refused.body)).toEqual([finalId]);
    expect((await t.call('GET', '/api/councils/testshire/versions')).body.versions).toHaveLength(1);
  });

  it('lists the visit\'s assessment once the record is signed off', async () => {
    const signedOff = await t.call('POST', `/api/councils/testshire/visits/${visitId}/sign-off`, { as: 'testshireAdmin' });
    expect(signedOff.status).toBe(200);
    const refused = await publish();
    expect(refused.status).toBe(422);
    expect(listed(refused.body)).toEqual([finalId, provisionalId]);
  });
});
