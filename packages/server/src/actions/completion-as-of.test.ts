import { caseAssessment } from '@openqaf/engine';
import type { Pack } from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../app.test-helpers.js';
import type { CouncilPlugin } from '../engine/index.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { birminghamCase, birminghamTestApp } from './birmingham-app.test-helpers.js';

/**
 * A determination made because something happened after the visit is made as of that day, and keeps
 * it. Birmingham 1.2.9 (ratings-in-effect-on-the-determination-date): an IAP submission dated after
 * the determination date has not happened, so only a determination made as of the submission's day
 * shows the Council's review (Quality Ratings Guidance 2024, 4.1 Step 3: "Within 7 days of
 * submission": submitted 11 March, due 18 March).
 */
describe.each(testStoreKinds)('a completion is determined as of its own day ($name, Birmingham)', (kind) => {
  let t: TestApp;
  let visitAssessment: string;
  let completed: string;
  let provider: string;
  let birmingham: CouncilPlugin;
  beforeAll(async () => {
    ({ t, birmingham } = await birminghamTestApp(kind));
    await t.db.query("INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, 'birmingham', 'council-admin')", [t.userIds.testshireAdmin]);
    provider = (await t.call('POST', '/api/councils/birmingham/providers', { as: 'testshireOfficer', body: { name: 'Home Support As Of' } })).body.id;
    // Bronze at the visit on 3 March 2025, the IAP requested on 5 March (the pack's case bronze-process-actions).
    const visit = await t.call('POST', '/api/councils/birmingham/assessments', {
      as: 'testshireOfficer',
      body: { providerId: provider, ...caseAssessment(birmingham.pack, birminghamCase(birmingham, 'bronze-process-actions')) },
    });
    expect(visit.status).toBe(201);
    visitAssessment = visit.body.id;
  }, 60_000);
  afterAll(async () => t?.dispose());

  const assessment = async (id: string) => (await t.call('GET', `/api/councils/birmingham/assessments/${id}`, { as: 'testshireOfficer' })).body;
  const actionIds = (determination: { actions: { id: string; due?: string }[] }) => determination.actions.map((a) => `${a.id} ${a.due ?? ''}`.trim());

  it('the IAP submitted on 11 March, recorded done: the determination is made as of 11 March, and says so', async () => {
    const visit = await assessment(visitAssessment);
    expect(visit.determination.asOf).toBe('2025-03-03');
    const done = await t.call('POST', '/api/councils/birmingham/actions/complete', {
      as: 'testshireOfficer',
      body: { providerId: provider, actionId: 'iap-submit', completedOn: '2025-03-11' },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.reevaluated).toMatchObject({ fact: 'iapSubmittedDate', value: '2025-03-11', asOf: '2025-03-11' });
    completed = done.body.reevaluated.assessmentId;
    const stored = await assessment(completed);
    expect([stored.date, stored.input.facts.iapSubmittedDate, stored.determination.asOf]).toEqual(['2025-03-03', '2025-03-11', '2025-03-11']);
    expect(stored.determination.proposals).toContainEqual(expect.objectContaining({ decision: 'iapApproval', proposed: "Awaiting the Council's review", due: '2025-03-18' }));
    expect(actionIds(stored.determination)).toContain('iap-review 2025-03-18');
    // Reproduced (and explained) as of the day it was made: the same determination.
    const again = await t.call('POST', `/api/councils/birmingham/assessments/${completed}/reevaluate`, { as: 'testshireOfficer' });
    expect([again.status, again.body.identical, again.body.reproduced.asOf]).toEqual([200, true, '2025-03-11']);
  });

  it('a recorded decision on it keeps that day: the IAP returned for amendments, resubmission due 7 days after the 7 to approve (25 March)', async () => {
    const decided = await t.call('POST', `/api/councils/birmingham/assessments/${completed}/decisions`, {
      as: 'testshireAdmin',
      body: { decisions: { iapApproval: { value: 'Returned for amendments', reason: 'Timescales too vague' } } },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    expect(decided.body.determination.asOf).toBe('2025-03-11');
    expect(actionIds(decided.body.determination)).toContain('iap-resubmit 2025-03-25');
    completed = decided.body.id;
  });

  it('a version published in force from before the visit determines it again as of that same day, and nothing changes', async () => {
    const draft = await t.call('GET', '/api/councils/birmingham/draft', { as: 'testshireAdmin' });
    const content = structuredClone(draft.body.content) as Pack;
    const iapApproval = content.decisions.iapApproval as { description?: string };
    iapApproval.description = `${iapApproval.description ?? ''} (Republished.)`;
    const saved = await t.call('PUT', '/api/councils/birmingham/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': draft.headers.get('etag')! } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const published = await t.call('POST', '/api/councils/birmingham/draft/publish', {
      as: 'testshireAdmin',
      body: { effectiveFrom: '2025-03-01', confirmPastDate: true, note: 'Republished from 1 March', version: '1.3.0', acknowledgeFindings: true },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const listing = (await t.call('GET', '/api/councils/birmingham/redeterminations', { as: 'testshireOfficer' })).body;
    const listed = listing.assessments.find((a: { assessmentId: string }) => a.assessmentId === completed);
    // Evaluated as of 3 March it would lose the review and the resubmission: nothing differs as of 11 March.
    expect(listed).toMatchObject({ inForce: { version: '1.3.0' }, before: 'Bronze', after: 'Bronze', differences: [] });
    const done = await t.call('POST', '/api/councils/birmingham/redeterminations', { as: 'testshireAdmin', body: { reason: 'Republished', assessmentIds: [completed] } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const after = await assessment(completed);
    expect([after.packVersion, after.determination.asOf]).toEqual(['1.3.0', '2025-03-11']);
    expect(actionIds(after.determination)).toContain('iap-resubmit 2025-03-25');
    const again = await t.call('POST', `/api/councils/birmingham/assessments/${completed}/reevaluate`, { as: 'testshireOfficer' });
    expect([again.body.identical, again.body.reproduced.asOf]).toEqual([true, '2025-03-11']);
  });

  it('a what-if compares the provider as of that day: a draft giving the Council 8 days to approve moves its review from 18 to 19 March', async () => {
    const other = (await t.call('POST', '/api/councils/birmingham/providers', { as: 'testshireOfficer', body: { name: 'Home Support What If' } })).body.id;
    const bronzeCase = birminghamCase(birmingham, 'bronze-process-actions');
    expect((await t.call('POST', '/api/councils/birmingham/assessments', { as: 'testshireOfficer', body: { providerId: other, ...caseAssessment(birmingham.pack, bronzeCase) } })).status).toBe(201);
    const done = await t.call('POST', '/api/councils/birmingham/actions/complete', { as: 'testshireOfficer', body: { providerId: other, actionId: 'iap-submit', completedOn: '2025-03-11' } });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    const draft = await t.call('GET', '/api/councils/birmingham/draft', { as: 'testshireAdmin' });
    const content = structuredClone(draft.body.content) as Pack;
    (content.parameters!.iapApprovalDays as { value: number }).value = 8;
    const saved = await t.call('PUT', '/api/councils/birmingham/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': draft.headers.get('etag')! } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const whatIf = await t.call('POST', '/api/councils/birmingham/what-if', { as: 'testshireOfficer' });
    expect(whatIf.status, JSON.stringify(whatIf.body)).toBe(200);
    // As of 3 March the plan is not yet submitted: no review, and nothing would change.
    const changed = whatIf.body.changed.find((c: { providerId: string }) => c.providerId === other);
    expect(changed, JSON.stringify(whatIf.body.changed)).toMatchObject({ assessmentId: done.body.reevaluated.assessmentId, headlineChanged: false });
    expect(JSON.stringify(changed.differences)).toContain('2025-03-19');
  });
});
