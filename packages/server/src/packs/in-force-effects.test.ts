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

  it('lists the final assessments of the period, and apart those whose visit record awaits sign-off', async () => {
    const refused = await publish();
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('past-in-force-date');
    expect(refused.body.error.message).toContain(': 1 stored assessment(s) fall in the period from then and 1 more await sign-off');
    expect(listed(refused.body)).toEqual([finalId, provisionalId]);
    const awaiting = refused.body.error.details.find((d: { assessmentId?: string }) => d.assessmentId === provisionalId);
    expect(awaiting).toMatchObject({ awaitingSignOff: { visitId }, before: 'Silver', after: 'Bronze' });
    expect(awaiting.message).toMatch(/^Visited Care, 2026-05-02 \(awaiting sign-off\): Silver -> Bronze \(Overall rating: Silver -> Bronze; /);
    expect(refused.body.error.details.find((d: { assessmentId?: string }) => d.assessmentId === finalId)).not.toHaveProperty('awaitingSignOff');
    expect((await t.call('GET', '/api/councils/testshire/versions')).body.versions).toHaveLength(1);
  });

  it('after publishing, lists the final one to determine again in one action, and the one awaiting sign-off apart, which that action does not touch', async () => {
    const ok = await t.call('POST', '/api/councils/testshire/draft/publish', {
      as: 'testshireAdmin',
      body: { acknowledgeFindings: true, note: 'Silver needs four', effectiveFrom: '2026-04-01', version: '1.1.0', confirmPastDate: true },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const listing = (await t.call('GET', '/api/councils/testshire/redeterminations', { as: 'testshireViewer' })).body;
    expect(listing.assessments.map((a: { assessmentId: string }) => a.assessmentId)).toEqual([finalId]);
    expect(listing.awaitingSignOff).toEqual([
      expect.objectContaining({ assessmentId: provisionalId, awaitingSignOff: { visitId }, decidedUnder: { version: '1.0.0', withdrawn: null }, inForce: { version: '1.1.0' }, before: 'Silver', after: 'Bronze' }),
    ]);
    const refused = await t.call('POST', '/api/councils/testshire/redeterminations', { as: 'testshireAdmin', body: { reason: 'x', assessmentIds: [provisionalId] } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([{ pointer: '/assessmentIds/0', message: `"${provisionalId}" is provisional: its visit record ${visitId} awaits sign-off, which determines it under the version in force` }]);
    const done = await t.call('POST', '/api/councils/testshire/redeterminations', { as: 'testshireAdmin', body: { reason: 'Silver needs four from April' } });
    expect(done.body.redetermined.map((a: { assessmentId: string }) => a.assessmentId)).toEqual([finalId]);
    const again = (await t.call('GET', '/api/councils/testshire/redeterminations', { as: 'testshireViewer' })).body;
    expect([again.assessments, again.awaitingSignOff.map((a: { assessmentId: string }) => a.assessmentId)]).toEqual([[], [provisionalId]]);
    const still = await t.call('GET', `/api/councils/testshire/assessments/${provisionalId}`, { as: 'testshireViewer' });
    expect([still.body.packVersion, still.body.determination.headline.value, still.body.provisional]).toEqual(['1.0.0', 'Silver', true]);
  });

  it('shows the reviewer what signing off will decide, and signs off only when told that version: determined again, the earlier kept as superseded', async () => {
    const visit = await t.call('GET', `/api/councils/testshire/visits/${visitId}`, { as: 'testshireAdmin' });
    expect(visit.body.notUnderVersionInForce).toMatchObject({ decidedUnder: { version: '1.0.0' }, inForce: { version: '1.1.0' }, before: 'Silver', after: 'Bronze' });
    const signOff = (query = '') => t.call('POST', `/api/councils/testshire/visits/${visitId}/sign-off${query}`, { as: 'testshireAdmin' });
    const unseen = await signOff();
    expect(unseen.status).toBe(409);
    expect(unseen.body.error.code).toBe('not-under-version-in-force');
    expect(unseen.body.error.message).toContain('submitted under version 1.0.0, which is no longer the version in force on its date: signing off determines it again under version 1.1.0 (Silver -> Bronze)');
    expect(unseen.body.error.details[0]).toEqual({ pointer: '/redetermineUnder', message: 'is required' });
    const wrong = await signOff('?redetermineUnder=1.0.0');
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.details[0]).toEqual({ pointer: '/redetermineUnder', message: 'is 1.0.0, not the version in force (1.1.0)' });
    expect((await t.call('GET', `/api/councils/testshire/visits/${visitId}`, { as: 'testshireViewer' })).body.status).toBe('submitted');

    const signed = await signOff('?redetermineUnder=1.1.0');
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.status).toBe('signed-off');
    expect(signed.body).not.toHaveProperty('notUnderVersionInForce');
    const record = await t.call('GET', `/api/councils/testshire/assessments/${provisionalId}`, { as: 'testshireViewer' });
    expect([record.body.packVersion, record.body.determination.headline.value, record.body.provisional]).toEqual(['1.1.0', 'Bronze', undefined]);
    const providerId = record.body.providerId as string;
    const timeline = await t.call('GET', `/api/councils/testshire/providers/${providerId}/timeline`, { as: 'testshireViewer' });
    expect(timeline.body.timeline[0].superseded).toEqual([expect.objectContaining({
      packVersion: '1.0.0',
      headline: expect.objectContaining({ value: 'Silver' }),
      actor: t.userIds.testshireAdmin,
      reason: 'Signed off under version 1.1.0, in force on 2026-05-02: submitted under version 1.0.0, which is no longer in force on that date',
    })]);
    const audit = await t.db.query<{ action: string; detail: { redetermined?: unknown } }>(
      `SELECT action, detail FROM audit_log WHERE entity_id IN ($1, $2) AND action IN ('visit-sign-off-redetermine', 'visit-signed-off') ORDER BY id`, [provisionalId, visitId]);
    expect(audit.map((a) => a.action)).toEqual(['visit-sign-off-redetermine', 'visit-signed-off']);
    expect(audit[1]!.detail.redetermined).toEqual({ decidedUnder: '1.0.0', inForce: '1.1.0', before: 'Silver', after: 'Bronze' });
    expect((await t.call('GET', '/api/councils/testshire/redeterminations', { as: 'testshireViewer' })).body).toEqual({ assessments: [], awaitingSignOff: [] });
  });
});
