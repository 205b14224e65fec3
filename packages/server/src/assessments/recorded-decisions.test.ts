import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';
import { withRecorder } from './recorded-decisions.js';

describe('withRecorder', () => {
  it('fills who and when from the signed-in user and the day, keeping what the request gave', () => {
    expect(withRecorder({ date: '2027-01-04', decisions: { overallRating: { value: 'Silver', reason: 'r' } as never, other: { value: 'Gold', by: 'Chair', at: '2027-01-02' } } }, { email: 'o@x.test' }, '2027-01-05').decisions)
      .toEqual({ overallRating: { value: 'Silver', reason: 'r', by: 'o@x.test', at: '2027-01-05' }, other: { value: 'Gold', by: 'Chair', at: '2027-01-02' } });
  });
});

describe.each(testStoreKinds)('recorded decisions of assessments on $name', (kind) => {
  let t: TestApp;
  let providerId: string;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    providerId = (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Acme Care' } })).body.id;
    // From 2027 the overall rating is the team manager's decision, within 10 working days; the
    // manager records Bronze, Silver or Gold (Inadequate is not theirs to record, for the test).
    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const content = structuredClone(draft.body.content);
    content.decisions.overallRating.decidedBy = { role: 'team-manager', label: 'the team manager', within: { workingDays: 10 }, values: ['Bronze', 'Silver', 'Gold'], source: content.decisions.overallRating.source };
    content.metadata.effectiveFrom = '2027-01-01';
    const saved = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': draft.headers.get('etag')! } });
    expect([saved.status, saved.body.errors, saved.body.error]).toEqual([200, [], undefined]);
    const published = await t.call('POST', '/api/councils/testshire/draft/publish', { as: 'testshireAdmin', body: { effectiveFrom: '2027-01-01', confirmPastDate: true, note: 'Team manager decides', version: '2.0.0', acknowledgeFindings: true } });
    expect(published.status).toBe(201);
  });
  afterAll(async () => t?.dispose());

  const submit = (body: Record<string, unknown>) =>
    t.call('POST', '/api/councils/testshire/assessments', { as: 'testshireOfficer', body: { providerId, date: '2027-01-04', judgements: judgements(3), facts: { concerns: false }, ...body } });

  it('proposes the value and names who decides and by when, until the decision is recorded', async () => {
    const res = await submit({});
    expect(res.status).toBe(201);
    expect(res.body.determination.proposals).toEqual([{ decision: 'overallRating', proposed: 'Silver', role: 'team-manager', roleLabel: 'the team manager', due: '2027-01-18', source: expect.any(String), meanwhile: 'proposed' }]);
    expect(res.body.determination.headline).toMatchObject({ value: 'Silver', pending: true });
  });

  it('stores the recorded decision with the signed-in user as who decided, audits it, and reproduces it', async () => {
    const res = await submit({ decisions: { overallRating: { value: 'Bronze', reason: 'Staffing shortfalls seen at the visit' } } });
    expect(res.status).toBe(201);
    const d = res.body.determination;
    expect(d.headline).toEqual({ decision: 'overallRating', value: 'Bronze', scale: 'band' });
    expect(d.proposals).toBeUndefined();
    expect(d.decidedBy.overallRating).toMatchObject({ value: 'Bronze', by: 'testshireofficer@example.test', computed: 'Silver', kind: 'decision', reason: 'Staffing shortfalls seen at the visit' });
    // Downstream outcomes read the decided value: Bronze needs an improvement plan.
    expect(d.actions.map((a: { id: string }) => a.id)).toEqual(['improvement-plan']);
    const stored = await t.call('GET', `/api/councils/testshire/assessments/${res.body.id}`, { as: 'testshireViewer' });
    expect(stored.body.input.decisions.overallRating).toMatchObject({ value: 'Bronze', by: 'testshireofficer@example.test' });
    const audit = await t.db.query<{ actor: string; detail: { recordedDecisions: Record<string, { value: string; by: string }> } }>(
      "SELECT actor, detail FROM audit_log WHERE entity_id = $1 AND action = 'assessment-create'", [res.body.id]);
    expect(audit).toEqual([{ actor: 'user-testshireOfficer', detail: expect.objectContaining({ recordedDecisions: { overallRating: expect.objectContaining({ value: 'Bronze', by: 'testshireofficer@example.test' }) } }) }]);
    const again = await t.call('POST', `/api/councils/testshire/assessments/${res.body.id}/reevaluate`, { as: 'testshireViewer' });
    expect(again.body.identical).toBe(true);
  });

  it('refuses a value off the scale or not one a person records, an unknown decision and an unknown member with 422 and a pointer, storing nothing', async () => {
    const before = (await t.call('GET', '/api/councils/testshire/assessments', { as: 'testshireViewer' })).body.assessments.length;
    const off = await submit({ decisions: { overallRating: { value: 'Platinum' } } });
    expect([off.status, off.body.error.code]).toEqual([422, 'invalid-assessment']);
    expect(off.body.error.details).toEqual([expect.objectContaining({ pointer: '/decisions/overallRating/value', fact: 'overallRating' })]);
    const unknown = await submit({ decisions: { rating: { value: 'Gold' } } });
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ pointer: '/decisions/rating' })]);
    const member = await submit({ decisions: { overallRating: { value: 'Gold', who: 'x' } } });
    expect(member.status).toBe(422);
    expect(JSON.stringify(member.body.error.details)).toContain('/decisions/overallRating');
    const kept = await submit({ decisions: { overallRating: { value: 'Inadequate', reason: 'r' } } });
    expect([kept.status, kept.body.error.code]).toEqual([422, 'invalid-assessment']);
    expect(kept.body.error.details).toEqual([expect.objectContaining({ pointer: '/decisions/overallRating/value', message: '"Inadequate" is not a value a person records for "overallRating": record one of "Bronze", "Silver", "Gold".' })]);
    const after = (await t.call('GET', '/api/councils/testshire/assessments', { as: 'testshireViewer' })).body.assessments.length;
    expect(after).toBe(before);
  });
});
