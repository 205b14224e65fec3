import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { determineAgain, publishTestshire } from './redetermination.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';

/**
 * A person's recorded decision and a later pack version whose proposal differs: the team manager
 * agreed with the proposal Silver without a reason (none was needed then); the version published
 * afterwards, in force on the same date, proposes Bronze. Determining the assessment again must not
 * be refused, nor re-label the decision: it stands, the determination says it departs without a
 * reason, and the work queue asks the team manager to confirm it with one.
 */
describe.each(testStoreKinds)('a recorded decision when its assessment is determined again on $name', (kind) => {
  let t: TestApp;
  let providerId: string;
  let answering: string;
  /** Publishes the team manager's decision (a reason when departing) with Silver from `silverMin` Fully met. */
  const publish = (silverMin: number, from: string, version: string) => publishTestshire(t, (content) => {
    const overall = content.decisions.overallRating!;
    overall.decidedBy = { role: 'team-manager', label: 'the team manager', values: ['Bronze', 'Silver', 'Gold'], reasonRequired: 'when-departing', within: { days: 14 }, source: overall.source! };
    (overall.rules!.find((r) => r.id === 'silver')!.when as { value: number }).value = silverMin;
    content.metadata.effectiveFrom = from;
    return content;
  }, { version, from, note: `Silver from ${silverMin}` });
  const decide = (assessmentId: string, decision: Record<string, unknown>) =>
    t.call('POST', `/api/councils/testshire/assessments/${assessmentId}/decisions`, { as: 'testshireAdmin', body: { decisions: { overallRating: decision } } });

  beforeAll(async () => {
    t = await makeTestApp(kind);
    providerId = (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Acme Care' } })).body.id;
    await publish(3, '2027-01-01', '2.0.0');
    // Three Fully met: the rules propose Silver; the team manager agrees, without a reason.
    const assessed = await t.call('POST', '/api/councils/testshire/assessments', { as: 'testshireOfficer', body: { providerId, date: '2027-01-04', judgements: judgements(3), facts: { concerns: false } } });
    expect(assessed.body.determination.proposals?.[0]?.proposed).toBe('Silver');
    const agreed = await decide(assessed.body.id, { value: 'Silver', by: 'Team Manager', at: '2027-01-05' });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(201);
    answering = agreed.body.id;
    // Version 2.1.0, in force from 2 January: Silver needs four Fully met, so three propose Bronze.
    await publish(4, '2027-01-02', '2.1.0');
  });
  afterAll(async () => t?.dispose());

  it('determines it again: the decision stands, marked as departing from the new proposal without a reason', async () => {
    const after = await determineAgain(t, answering, { from: '2.0.0', to: '2.1.0', headline: 'Silver', reason: '2.1.0 in force from 2 January' });
    expect(after.determination.decidedBy.overallRating).toEqual({
      value: 'Silver', by: 'Team Manager', at: '2027-01-05', computed: 'Bronze', kind: 'decision', role: 'team-manager',
      departsWithoutReason: true, roleLabel: 'the team manager', source: 'qaf s2', due: '2027-01-18',
    });
  });

  it("carries it in the provider's timeline, on the determination made again, and only there", async () => {
    const timeline = await t.call('GET', `/api/councils/testshire/providers/${providerId}/timeline`, { as: 'testshireViewer' });
    const flagged = timeline.body.timeline.filter((e: { decidedBy?: Record<string, { departsWithoutReason?: true }> }) => e.decidedBy?.overallRating?.departsWithoutReason);
    expect(flagged.map((e: { assessmentId: string }) => e.assessmentId)).toEqual([answering]);
    expect(flagged[0].decidedBy.overallRating).toMatchObject({ value: 'Silver', computed: 'Bronze', roleLabel: 'the team manager', due: '2027-01-18' });
    // The first determination took no decision: it carries none.
    expect(timeline.body.timeline[0]).not.toHaveProperty('decidedBy');
  });

  it("puts the confirmation in the team manager's work queue", async () => {
    const queue = await t.call('GET', '/api/councils/testshire/work-queue?today=2027-01-11&days=30&kind=decision', { as: 'testshireViewer' });
    expect(queue.body.items).toEqual([expect.objectContaining({
      kind: 'decision', providerId, id: 'overallRating', owner: 'team-manager', ownerLabel: 'the team manager', due: '2027-01-18', overdue: false, assessmentId: answering,
      // The provider's page says the same sentences (admin-ui: qaf-departing-decisions.test.ts), dates the UK way.
      label: 'Confirm Overall rating with a reason. Recorded: Silver, by Team Manager on 5 January 2027, without a reason. The framework now proposes Bronze.',
    })]);
    const owned = await t.call('GET', '/api/councils/testshire/work-queue?today=2027-01-11&days=30&owner=team-manager', { as: 'testshireViewer' });
    expect(owned.body.items.map((i: { id: string; assessmentId: string }) => [i.id, i.assessmentId])).toEqual([['overallRating', answering]]);
  });

  it('refuses the same decision recorded anew without a reason, and takes it with one', async () => {
    const refused = await decide(answering, { value: 'Silver' });
    expect([refused.status, refused.body.error?.details]).toEqual([422, [expect.objectContaining({ pointer: '/decisions/overallRating/reason' })]]);
    const confirmed = await decide(answering, { value: 'Silver', reason: 'Improvements seen since the visit' });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    expect(confirmed.body.determination.decidedBy.overallRating).not.toHaveProperty('departsWithoutReason');
    const queue = await t.call('GET', '/api/councils/testshire/work-queue?today=2027-01-11&days=30&kind=decision', { as: 'testshireViewer' });
    expect(queue.body.items).toEqual([]);
  });
});
