import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { determineAgain, publishTestshire } from './redetermination.test-helpers.js';
import { judgements, testshirePack } from '../test-fixtures/testshire-pack.js';
import { NO_DATE_WORDS } from '../work-queue/queue-item.js';

/**
 * An officer's override recorded earlier without a reason, and a later version that requires one:
 * under 2.0.0 an officer may override the overall rating without giving a reason; three Fully met
 * give Silver and the officer overrides it to Bronze, without one. Version 2.1.0, in force from the
 * day after 2.0.0, requires the reason of every override. Determining the assessment again must not
 * be refused, nor re-label the override: it stands, marked as departing without a reason, the
 * officer asked for it (`roleLabel` 'the officer', no due date: the pack sets none). Recorded now,
 * an override without its reason is refused.
 */
describe.each(testStoreKinds)("an officer's override recorded earlier when its assessment is determined again on $name", (kind) => {
  let t: TestApp;
  let providerId: string;
  let overridden: string;
  /** Publishes the testshire pack as `version`, in force from `from`, its override's reason required or not. */
  const publish = (version: string, from: string, reasonRequired: boolean) =>
    publishTestshire(t, () => testshirePack({ version, effectiveFrom: from, officerOverride: { reasonRequired } }), { version, from, note: `Override reason required: ${reasonRequired}` });
  const override = (assessmentId: string, decision: Record<string, unknown>) =>
    t.call('POST', `/api/councils/testshire/assessments/${assessmentId}/decisions`, { as: 'testshireAdmin', body: { decisions: { overallRating: decision } } });

  beforeAll(async () => {
    t = await makeTestApp(kind);
    providerId = (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Acme Care' } })).body.id;
    await publish('2.0.0', '2027-01-01', false);
    // Three Fully met, no concerns: the rules give Silver (section 2); the officer overrides it to Bronze, without a reason.
    const assessed = await t.call('POST', '/api/councils/testshire/assessments', { as: 'testshireOfficer', body: { providerId, date: '2027-01-04', judgements: judgements(3), facts: { concerns: false } } });
    expect(assessed.body.determination.headline.value).toBe('Silver');
    const recorded = await override(assessed.body.id, { value: 'Bronze', by: 'A. Officer', at: '2027-01-05' });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.determination.decidedBy.overallRating).toEqual({ value: 'Bronze', by: 'A. Officer', at: '2027-01-05', computed: 'Silver', kind: 'override' });
    overridden = recorded.body.id;
    await publish('2.1.0', '2027-01-02', true);
  });
  afterAll(async () => t?.dispose());

  it('determines it again: the override stands, marked as departing without the reason 2.1.0 requires, the officer asked for it', async () => {
    const after = await determineAgain(t, overridden, { from: '2.0.0', to: '2.1.0', headline: 'Bronze', reason: '2.1.0 in force from 2 January' });
    expect(after.determination.decidedBy.overallRating).toEqual({
      value: 'Bronze', by: 'A. Officer', at: '2027-01-05', computed: 'Silver', kind: 'override',
      departsWithoutReason: true, roleLabel: 'the officer', source: 'qaf s2',
    });
    expect(after.determination.proposals ?? []).toEqual([]);
  });

  it("says on the provider's timeline who decided, on the determination made again only", async () => {
    const timeline = await t.call('GET', `/api/councils/testshire/providers/${providerId}/timeline`, { as: 'testshireViewer' });
    const flagged = timeline.body.timeline.filter((e: { decidedBy?: Record<string, { departsWithoutReason?: true }> }) => e.decidedBy?.overallRating?.departsWithoutReason);
    expect(flagged.map((e: { assessmentId: string }) => e.assessmentId)).toEqual([overridden]);
    expect(flagged[0]).toMatchObject({ packVersion: '2.1.0', headline: { value: 'Bronze' } });
    expect(flagged[0].decidedBy.overallRating).toMatchObject({ kind: 'override', by: 'A. Officer', at: '2027-01-05', value: 'Bronze', computed: 'Silver', roleLabel: 'the officer' });
    expect(flagged[0].decidedBy.overallRating).not.toHaveProperty('due');
    // The provider's current rating is the override's.
    const provider = await t.call('GET', `/api/councils/testshire/providers/${providerId}`, { as: 'testshireViewer' });
    expect(provider.body.latest).toMatchObject({ assessmentId: overridden, rating: 'Bronze', packVersion: '2.1.0' });
  });

  it("asks the officer who overrode it for the override's reason in the work queue, undated, as an override and not a proposal", async () => {
    const queue = await t.call('GET', '/api/councils/testshire/work-queue?today=2027-01-11&days=30&kind=decision', { as: 'testshireViewer' });
    // The provider's page says the same sentences (admin-ui: qaf-departing-decisions.test.ts), dates the UK way.
    expect(queue.body.items).toEqual([expect.objectContaining({
      kind: 'decision', providerId, id: 'overallRating', dueWords: NO_DATE_WORDS, overdue: false, assessmentId: overridden, source: 'qaf s2',
      label: 'Give the reason for the override of Overall rating. Overridden to Bronze by A. Officer on 5 January 2027, without a reason. The framework gives Silver.',
      // The pack gives an override to no role: the item is the officer's who overrode it (`by`).
      owner: 'A. Officer', ownerLabel: 'the officer who overrode it (A. Officer)',
    })]);
  });

  it('finds the override\'s item by its owner, the officer who overrode it, and not by a role', async () => {
    const mine = await t.call('GET', `/api/councils/testshire/work-queue?today=2027-01-11&days=30&owner=${encodeURIComponent('A. Officer')}`, { as: 'testshireViewer' });
    expect(mine.body.items.map((i: { id: string; assessmentId: string }) => [i.id, i.assessmentId])).toEqual([['overallRating', overridden]]);
    const role = await t.call('GET', '/api/councils/testshire/work-queue?today=2027-01-11&days=30&owner=team-manager', { as: 'testshireViewer' });
    expect(role.body.items).toEqual([]);
  });

  it('refuses an override recorded now without a reason (422 naming the field), and takes it with one', async () => {
    const refused = await override(overridden, { value: 'Bronze' });
    expect([refused.status, refused.body.error?.details]).toEqual([422, [expect.objectContaining({ pointer: '/decisions/overallRating/reason' })]]);
    const unchanged = await t.call('GET', `/api/councils/testshire/providers/${providerId}`, { as: 'testshireViewer' });
    expect(unchanged.body.latest.assessmentId).toBe(overridden);

    const given = await override(overridden, { value: 'Bronze', reason: 'Staffing fell short at the visit' });
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    expect(given.body.determination.decidedBy.overallRating).toMatchObject({ kind: 'override', value: 'Bronze', reason: 'Staffing fell short at the visit' });
    expect(given.body.determination.decidedBy.overallRating).not.toHaveProperty('departsWithoutReason');
    const queue = await t.call('GET', '/api/councils/testshire/work-queue?today=2027-01-11&days=30&kind=decision', { as: 'testshireViewer' });
    expect(queue.body.items).toEqual([]);
  });
});
