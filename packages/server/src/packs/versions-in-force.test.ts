import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';

// "Today" for these tests; the seeded version 1.0.0 is in force from 2024-01-01.
const TODAY = '2026-06-15';

describe.each(testStoreKinds)('versions in force on $name', (kind) => {
  let t: TestApp;
  let providerId: string;
  let lastWeek: string;
  beforeAll(async () => {
    t = await makeTestApp(kind, { now: () => new Date(`${TODAY}T12:00:00Z`) });
    const p = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Threshold Care' } });
    providerId = p.body.id;
    // Three criteria Fully met: Silver under 1.0.0 (Silver needs three), Bronze once Silver needs four.
    const visit = await submit('2026-05-01');
    expect([visit.status, visit.body.determination.headline.value]).toEqual([201, 'Silver']);
  });
  afterAll(async () => t?.dispose());

  function submit(date: string, fullyMet = 3) {
    return t.call('POST', '/api/councils/testshire/assessments', {
      as: 'testshireOfficer',
      body: { providerId, date, judgements: judgements(fullyMet), facts: { concerns: false } },
    });
  }

  async function draftSilverNeeds(n: number) {
    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const content = structuredClone(draft.body.content);
    content.decisions.overallRating.rules.find((r: { id: string }) => r.id === 'silver').when.value = n;
    const saved = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': draft.headers.get('etag')! } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  }

  const publish = (body: Record<string, unknown>) =>
    t.call('POST', '/api/councils/testshire/draft/publish', { as: 'testshireAdmin', body: { acknowledgeFindings: true, ...body } });

  it('refuses to publish without an explicit in-force date, naming the field, and publishes nothing', async () => {
    await draftSilverNeeds(4);
    const res = await publish({ note: 'Silver needs four' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { pointer: string }) => d.pointer)).toContain('/effectiveFrom');
    expect((await t.call('GET', '/api/councils/testshire/versions')).body.versions).toHaveLength(1);
  });

  it('shows which stored assessments fall in a past period and what would change for each, and publishes once confirmed', async () => {
    const refused = await publish({ note: 'Silver needs four', effectiveFrom: '2026-04-01', version: '1.1.0' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('past-in-force-date');
    const listed = refused.body.error.details.filter((d: { assessmentId?: string }) => d.assessmentId);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ providerName: 'Threshold Care', date: '2026-05-01', before: 'Silver', after: 'Bronze' });
    expect(listed[0].differences[0]).toMatchObject({ kind: 'headline', explanation: 'Overall rating: Silver -> Bronze' });
    expect((await t.call('GET', '/api/councils/testshire/versions')).body.versions).toHaveLength(1);

    const ok = await publish({ note: 'Silver needs four', effectiveFrom: '2026-04-01', version: '1.1.0', confirmPastDate: true });
    expect(ok.status).toBe(201);
    expect(ok.body.effectiveFrom).toBe('2026-04-01');
    // The earlier visit was decided under 1.0.0: it is listed to be determined again under 1.1.0.
    const listing = await t.call('GET', '/api/councils/testshire/redeterminations', { as: 'testshireViewer' });
    expect(listing.body.assessments.map((a: { date: string; decidedUnder: { version: string }; inForce: { version: string } }) => [a.date, a.decidedUnder.version, a.inForce.version])).toEqual([
      ['2026-05-01', '1.0.0', '1.1.0'],
    ]);
  });

  it('publishes a version scheduled for a future date without confirmation, and says which is in force today and which is next', async () => {
    await draftSilverNeeds(2);
    const res = await publish({ note: 'Silver needs two from next year', effectiveFrom: '2027-01-01', version: '1.2.0' });
    expect(res.status).toBe(201);
    const schedule = await t.call('GET', '/api/councils/testshire/pack/schedule');
    expect([schedule.body.today, schedule.body.inForce.version, schedule.body.next.version]).toEqual([TODAY, '1.1.0', '1.2.0']);
    // Two criteria Fully met: Silver under 1.2.0, Bronze under 1.0.0 and 1.1.0.
    const scheduled = await submit('2027-01-02', 2);
    expect([scheduled.body.packVersion, scheduled.body.determination.headline.value]).toEqual(['1.2.0', 'Silver']);
  });

  it('withdraws rolled-back versions for their whole period: a visit dated last week, recorded afterwards, is not decided under them', async () => {
    const res = await t.call('POST', '/api/councils/testshire/versions/1.0.0/rollback', { as: 'testshireAdmin', body: { note: 'Threshold changed by mistake' } });
    expect(res.status).toBe(201);
    expect(res.body.withdrew.map((v: { version: string }) => v.version).sort()).toEqual(['1.1.0', '1.2.0']);
    expect(res.body.effectiveFrom).toBe('2026-04-01');
    lastWeek = '2026-06-08';
    const visit = await submit(lastWeek);
    expect([visit.body.packVersion, visit.body.determination.headline.value]).toEqual([res.body.version, 'Silver']);
    const schedule = await t.call('GET', '/api/councils/testshire/pack/schedule');
    expect([schedule.body.inForce.version, schedule.body.next]).toEqual([res.body.version, null]);
    const versions = await t.call('GET', '/api/councils/testshire/versions');
    const withdrawn = versions.body.versions.find((v: { version: string }) => v.version === '1.1.0');
    expect(withdrawn.withdrawn).toMatchObject({ reason: 'Threshold changed by mistake', replacedBy: res.body.version });
  });

  it('lists assessments decided under a withdrawn version, marks them, and re-determines them in one action keeping the earlier determination as superseded', async () => {
    const listing = await t.call('GET', '/api/councils/testshire/redeterminations', { as: 'testshireViewer' });
    const underWithdrawn = listing.body.assessments.find((a: { date: string }) => a.date === '2027-01-02');
    expect(underWithdrawn).toMatchObject({ decidedUnder: { version: '1.2.0', withdrawn: 'Threshold changed by mistake' }, before: 'Silver', after: 'Bronze' });
    const record = await t.call('GET', `/api/councils/testshire/assessments/${underWithdrawn.assessmentId}`, { as: 'testshireViewer' });
    expect(record.body.packVersionWithdrawn).toBe('Threshold changed by mistake');

    const unknown = await t.call('POST', '/api/councils/testshire/redeterminations', { as: 'testshireAdmin', body: { reason: 'x', assessmentIds: ['nope'] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0].pointer).toBe('/assessmentIds/0');
    expect((await t.call('POST', '/api/councils/testshire/redeterminations', { as: 'testshireOfficer', body: { reason: 'x' } })).status).toBe(403);

    const done = await t.call('POST', '/api/councils/testshire/redeterminations', { as: 'testshireAdmin', body: { reason: '1.1.0 and 1.2.0 withdrawn' } });
    expect(done.status).toBe(200);
    expect(done.body.redetermined).toHaveLength(listing.body.assessments.length);
    expect((await t.call('GET', '/api/councils/testshire/redeterminations', { as: 'testshireViewer' })).body.assessments).toEqual([]);

    const after = await t.call('GET', `/api/councils/testshire/assessments/${underWithdrawn.assessmentId}`, { as: 'testshireViewer' });
    expect(after.body.determination.headline.value).toBe('Bronze');
    expect(after.body.packVersionWithdrawn).toBeUndefined();
    const timeline = await t.call('GET', `/api/councils/testshire/providers/${providerId}/timeline`, { as: 'testshireViewer' });
    const entry = timeline.body.timeline.find((e: { assessmentId: string }) => e.assessmentId === underWithdrawn.assessmentId);
    expect(entry.superseded).toEqual([
      expect.objectContaining({ packVersion: '1.2.0', reason: '1.1.0 and 1.2.0 withdrawn', actor: t.userIds.testshireAdmin, headline: expect.objectContaining({ value: 'Silver' }) }),
    ]);
    const audit = await t.call('GET', '/api/councils/testshire/audit', { as: 'testshireAdmin' });
    expect(audit.body.entries.filter((e: { action: string }) => e.action === 'assessment-redetermine')).toHaveLength(done.body.redetermined.length);
  });
});
