import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';

describe.each(testStoreKinds)('a reason for departing from the proposal on $name', (kind) => {
  let t: TestApp;
  let providerId: string;
  /** Publishes the team manager's decision with `reasonRequired` from `from`. */
  const publish = async (reasonRequired: 'when-departing' | 'always', from: string, version: string) => {
    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const content = structuredClone(draft.body.content);
    content.decisions.overallRating.decidedBy = { role: 'team-manager', label: 'the team manager', values: ['Bronze', 'Silver', 'Gold'], reasonRequired, source: content.decisions.overallRating.source };
    content.metadata.effectiveFrom = from;
    const saved = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': draft.headers.get('etag')! } });
    expect([saved.status, saved.body.errors]).toEqual([200, []]);
    const published = await t.call('POST', '/api/councils/testshire/draft/publish', { as: 'testshireAdmin', body: { effectiveFrom: from, confirmPastDate: true, note: `Reason ${reasonRequired}`, version, acknowledgeFindings: true } });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
  };
  beforeAll(async () => {
    t = await makeTestApp(kind);
    providerId = (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Acme Care' } })).body.id;
    await publish('when-departing', '2027-01-01', '2.0.0');
    await publish('always', '2027-06-01', '3.0.0');
  });
  afterAll(async () => t?.dispose());

  // Judgements of 3 throughout make the rules propose Silver.
  const assess = async (date: string) => {
    const res = await t.call('POST', '/api/councils/testshire/assessments', { as: 'testshireOfficer', body: { providerId, date, judgements: judgements(3), facts: { concerns: false } } });
    expect(res.body.determination.proposals?.[0]?.proposed).toBe('Silver');
    return res.body.id as string;
  };
  const decide = (assessmentId: string, decision: Record<string, unknown>) =>
    t.call('POST', `/api/councils/testshire/assessments/${assessmentId}/decisions`, { as: 'testshireAdmin', body: { decisions: { overallRating: decision } } });
  const counts = async () => Promise.all(['assessments', 'recorded_decisions', 'audit_log'].map(async (table) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n));

  it('refuses a decision departing from the proposal without a reason with 422 at /decisions/<id>/reason, saying what is missing and storing nothing', async () => {
    const id = await assess('2027-01-04');
    const before = await counts();
    for (const reason of [undefined, '  ']) {
      const res = await decide(id, { value: 'Bronze', ...(reason === undefined ? {} : { reason }) });
      expect([res.status, res.body.error.code]).toEqual([422, 'invalid-assessment']);
      expect(res.body.error.details).toEqual([expect.objectContaining({
        pointer: '/decisions/overallRating/reason',
        message: 'The reason is missing: the decision records "Bronze" for "overallRating", departing from the proposal "Silver", and the pack requires the team manager to say why when departing from it.',
      })]);
    }
    expect(await counts()).toEqual(before);
    // With its reason, the same departure is recorded.
    const given = await decide(id, { value: 'Bronze', reason: 'Staffing shortfalls seen at the visit' });
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    expect(given.body.determination.headline.value).toBe('Bronze');
  });

  it('records a decision that agrees with the proposal without a reason', async () => {
    const res = await decide(await assess('2027-01-05'), { value: 'Silver' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.decisionRecord.decisions.overallRating).toEqual({ value: 'Silver', by: 'testshireadmin@example.test', at: expect.any(String) });
  });

  it('refuses any decision without a reason where the pack always requires one, storing nothing', async () => {
    const id = await assess('2027-06-07');
    const before = await counts();
    const res = await decide(id, { value: 'Silver' });
    expect([res.status, res.body.error.details]).toEqual([422, [expect.objectContaining({ pointer: '/decisions/overallRating/reason', message: 'The reason for the decision on "overallRating" is missing: the pack requires the team manager to say why, whatever the value.' })]]);
    expect(await counts()).toEqual(before);
  });
});
