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

  const decide = (assessmentId: string, body: unknown, as: 'testshireOfficer' | 'testshireAdmin' | 'testshireViewer' = 'testshireAdmin') =>
    t.call('POST', `/api/councils/testshire/assessments/${assessmentId}/decisions`, { as, body });
  const countOf = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  it('records a decision on a stored determination as the provider\'s next determination, linked both ways and audited under the provider', async () => {
    const { body: own } = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Decided Care' } });
    const first = await t.call('POST', '/api/councils/testshire/assessments', {
      as: 'testshireOfficer', body: { providerId: own.id, date: '2027-01-04', judgements: judgements(3), facts: { concerns: false } },
    });
    expect(first.body.determination.headline).toMatchObject({ value: 'Silver', pending: true });
    const firstDetermination = (await t.db.query<{ id: string }>('SELECT id FROM determinations WHERE assessment_id = $1', [first.body.id]))[0]!.id;

    expect((await decide(first.body.id, { decisions: { overallRating: { value: 'Bronze' } } }, 'testshireViewer')).status).toBe(403);
    const res = await decide(first.body.id, { decisions: { overallRating: { value: 'Bronze', reason: 'Staffing shortfalls seen at the visit' } } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.id).not.toBe(first.body.id);
    expect(res.body.determination.headline).toEqual({ decision: 'overallRating', value: 'Bronze', scale: 'band' });
    expect(res.body.determination.actions.map((a: { id: string }) => a.id)).toEqual(['improvement-plan']);
    expect(res.body.decisionRecord).toEqual({
      id: expect.any(String),
      providerId: own.id,
      visitId: null,
      answers: { assessmentId: first.body.id, determinationId: firstDetermination },
      assessmentId: res.body.id,
      determinationId: expect.any(String),
      decisions: { overallRating: { value: 'Bronze', by: 'testshireadmin@example.test', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reason: 'Staffing shortfalls seen at the visit' } },
      recordedBy: t.userIds.testshireAdmin,
      recordedAt: expect.any(String),
    });
    // Both determinations stay readable, each naming the other.
    const answered = await t.call('GET', `/api/councils/testshire/assessments/${first.body.id}`, { as: 'testshireViewer' });
    expect([answered.body.determination.headline.value, answered.body.answeredBy.assessmentId]).toEqual(['Silver', res.body.id]);
    const made = await t.call('GET', `/api/councils/testshire/assessments/${res.body.id}`, { as: 'testshireViewer' });
    expect([made.body.answers.answers.assessmentId, made.body.input.decisions.overallRating.value, made.body.input.judgements]).toEqual([first.body.id, 'Bronze', judgements(3)]);
    // The provider's history says who decided what, when and why; the decision is now the provider's rating.
    const timeline = (await t.call('GET', `/api/councils/testshire/providers/${own.id}/timeline`, { as: 'testshireViewer' })).body.timeline;
    expect(timeline.map((e: { assessmentId: string; headline: { value: string }; answeredBy?: { assessmentId: string }; answers?: { answers: { assessmentId: string } } }) =>
      [e.assessmentId, e.headline.value, e.answeredBy?.assessmentId ?? null, e.answers?.answers.assessmentId ?? null])).toEqual([
      [first.body.id, 'Silver', res.body.id, null],
      [res.body.id, 'Bronze', null, first.body.id],
    ]);
    expect((await t.call('GET', `/api/councils/testshire/providers/${own.id}`, { as: 'testshireViewer' })).body.latest.rating).toBe('Bronze');
    const audit = await t.db.query<{ actor: string; entity_id: string; detail: { answers: unknown; decisions: unknown } }>(
      "SELECT actor, entity_id, detail FROM audit_log WHERE action = 'decision-record' AND entity = 'provider' AND entity_id = $1", [own.id]);
    expect(audit).toEqual([{ actor: t.userIds.testshireAdmin, entity_id: own.id, detail: expect.objectContaining({ answers: res.body.decisionRecord.answers, decisions: res.body.decisionRecord.decisions }) }]);

    // A determination is answered once: the next decision is recorded on the one the first made.
    const twice = await decide(first.body.id, { decisions: { overallRating: { value: 'Gold', reason: 'r' } } });
    expect([twice.status, twice.body.error.code, twice.body.error.details[0].assessmentId]).toEqual([409, 'already-answered', res.body.id]);
  });

  it('refuses a value that is not one a person records, an unknown assessment and an empty body, writing nothing', async () => {
    const a = await submit({});
    const before = [await countOf('assessments'), await countOf('recorded_decisions'), await countOf('audit_log')];
    const refused = await decide(a.body.id, { decisions: { overallRating: { value: 'Inadequate', reason: 'r' } } });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'invalid-assessment']);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ pointer: '/decisions/overallRating/value' })]);
    const empty = await decide(a.body.id, { decisions: {} });
    expect([empty.status, empty.body.error.details[0].pointer]).toEqual([422, '/decisions']);
    expect((await decide('nope', { decisions: { overallRating: { value: 'Gold' } } })).status).toBe(404);
    expect([await countOf('assessments'), await countOf('recorded_decisions'), await countOf('audit_log')]).toEqual(before);
  });

  it('belongs to the visit record of the assessment decided on: refused while it awaits sign-off, then listed in the record', async () => {
    const { body: own } = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Visited Care' } });
    const base = '/api/councils/testshire/visits';
    const visit = (await t.call('POST', base, { as: 'testshireOfficer', body: { providerId: own.id, date: '2027-01-04' } })).body;
    await t.call('PUT', `${base}/${visit.id}/draft`, { as: 'testshireOfficer', body: { date: '2027-01-04', judgements: judgements(3), facts: { concerns: false } }, headers: { 'if-match': '"1"' } });
    const submitted = await t.call('POST', `${base}/${visit.id}/submit`, { as: 'testshireOfficer', headers: { 'if-match': '"2"' } });
    const assessmentId = submitted.body.assessmentId as string;
    const early = await decide(assessmentId, { decisions: { overallRating: { value: 'Silver', reason: 'Agreed with the officer' } } });
    expect([early.status, early.body.error.code]).toEqual([409, 'provisional']);
    expect(early.body.error.message).toContain(visit.id);
    expect(await countOf(`recorded_decisions WHERE visit_id = '${visit.id}'`)).toBe(0);

    expect((await t.call('POST', `${base}/${visit.id}/sign-off`, { as: 'testshireAdmin' })).status).toBe(200);
    const decided = await decide(assessmentId, { decisions: { overallRating: { value: 'Silver', reason: 'Agreed with the officer' } } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    expect(decided.body.decisionRecord.visitId).toBe(visit.id);
    // A later decision, on the determination the first one made, belongs to the same visit record.
    const later = await decide(decided.body.id, { decisions: { overallRating: { value: 'Bronze', reason: 'Improvement plan not received' } } });
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    expect(later.body.decisionRecord.visitId).toBe(visit.id);
    const record = await t.call('GET', `${base}/${visit.id}`, { as: 'testshireViewer' });
    expect(record.body.decisionsRecorded.map((d: { answers: { assessmentId: string }; assessmentId: string; decisions: { overallRating: { value: string; reason: string } } }) =>
      [d.answers.assessmentId, d.assessmentId, d.decisions.overallRating.value, d.decisions.overallRating.reason])).toEqual([
      [assessmentId, decided.body.id, 'Silver', 'Agreed with the officer'],
      [decided.body.id, later.body.id, 'Bronze', 'Improvement plan not received'],
    ]);
    // The visit record still stands for the determination it was signed off with.
    expect(record.body.assessmentId).toBe(assessmentId);
  });
});
