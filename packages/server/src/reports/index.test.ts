import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';
import { addDays } from './challenge-window.js';
import { today } from './report-subject.js';
import { signedOffVisit, submittedVisit } from './signed-off-visit.test-helpers.js';

/** A user with an API token and no council role (a provider user once granted). */
async function makeUser(t: TestApp, id: string): Promise<string> {
  const token = newSecret('qaf_');
  await t.db.query("INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, 'x')", [id, `${id}@example.test`, id]);
  await t.db.query("INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, 'test', $3)", [`tok-${id}`, id, hashSecret(token)]);
  return token;
}

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe.each(testStoreKinds)('provider reports and the challenge on $name', (kind) => {
  let t: TestApp;
  let providerA: string;
  let providerB: string;
  let assessmentA: string;
  let assessmentB: string;
  let tokenA: string;
  const asA = (method: string, path: string, body?: unknown) =>
    t.app.request(path, { method, headers: { authorization: `Bearer ${tokenA}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const report = (id: string) => `/api/councils/testshire/assessments/${id}/report`;

  beforeAll(async () => {
    t = await makeTestApp(kind);
    providerA = (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Acme Care' } })).body.id;
    providerB = (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Beta Care' } })).body.id;
    assessmentA = (await signedOffVisit(t, providerA, '2025-03-01', 3, { note: 'Care plans sampled', evidence: [{ target: 'c4', text: 'Two complaints answered after 28 days' }] })).assessmentId;
    assessmentB = (await signedOffVisit(t, providerB, '2025-03-01', 1)).assessmentId;
    tokenA = await makeUser(t, 'provider-a');
    const grant = await t.call('PUT', `/api/councils/testshire/providers/${providerA}/report-users/provider-a`, { as: 'testshireAdmin' });
    expect(grant.status).toBe(204);
  });

  it('tells a provider user which providers it reports for (GET /api/auth/me), and council staff none', async () => {
    const me = (await (await asA('GET', '/api/auth/me')).json()) as { roles: object; providerOf: Record<string, string[]> };
    expect(me).toMatchObject({ roles: {}, providerOf: { testshire: [providerA] } });
    expect((await t.call('GET', '/api/auth/me', { as: 'testshireOfficer' })).body.providerOf).toEqual({});
  });
  afterAll(async () => t?.dispose());

  it('gives staff the draft, and the provider nothing until it is shared', async () => {
    const draft = await t.call('GET', report(assessmentA), { as: 'testshireViewer' });
    expect(draft.status).toBe(200);
    expect(draft.body.status).toBe('draft');
    // Silver under the fixture (three Fully met); Gold needs "Complaints are answered" Fully met too.
    expect(draft.body.report.bands[0]).toMatchObject({ band: 'Silver', nextBand: 'Gold', criteria: [{ wording: 'Complaints are answered', judgement: 'Partly met', needed: 'Fully met', evidence: ['Two complaints answered after 28 days'] }] });
    expect(draft.body.report.officer).toBe('testshireOfficer');
    // The reviewer is whoever signed the visit record off, and when.
    expect(draft.body.report).toMatchObject({ reviewer: 'testshireAdmin', reviewedOn: today() });
    expect(draft.body.visit).toMatchObject({ status: 'signed-off' });
    expect((await asA('GET', report(assessmentA))).status).toBe(404);
  });

  it('refuses to share a report whose visit record is not signed off (409, saying so) and changes nothing', async () => {
    const { visitId, assessmentId } = await submittedVisit(t, providerA, '2025-04-01', 2);
    const early = await t.call('POST', `${report(assessmentId)}/share`, { as: 'testshireOfficer' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'not-signed-off' });
    expect(early.body.error.message).toContain('is submitted: a reviewer signs it off');
    const direct = (await t.call('POST', '/api/councils/testshire/assessments', { as: 'testshireOfficer', body: { providerId: providerA, date: '2025-04-02', judgements: judgements(2), facts: { concerns: false } } })).body.id as string;
    const unvisited = await t.call('POST', `${report(direct)}/share`, { as: 'testshireOfficer' });
    expect(unvisited.status).toBe(409);
    expect(unvisited.body.error.message).toContain('has no visit record');
    expect(await t.db.query('SELECT assessment_id FROM report_shares WHERE assessment_id = ANY($1)', [[assessmentId, direct]])).toEqual([]);
    expect((await t.call('GET', `/api/councils/testshire/visits/${visitId}`, { as: 'testshireViewer' })).body.status).toBe('submitted');
    expect((await t.call('GET', report(assessmentId), { as: 'testshireViewer' })).body.status).toBe('draft');
  });

  it('shares the draft with the challenge window (the documented default, an interpretation) and lets its provider read it', async () => {
    expect((await t.call('POST', `${report(assessmentA)}/share`, { as: 'testshireViewer' })).status).toBe(403);
    const shared = await t.call('POST', `${report(assessmentA)}/share`, { as: 'testshireOfficer' });
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ status: 'shared', sharedOn: today(), visit: { status: 'shared' } });
    // Sharing is a step of the visit record's lifecycle: who and when.
    const visit = await t.call('GET', `/api/councils/testshire/visits/${shared.body.visit.id}`, { as: 'testshireViewer' });
    expect(visit.body.status).toBe('shared');
    expect(visit.body.events.at(-1)).toMatchObject({ from: 'signed-off', to: 'shared', by: t.userIds.testshireOfficer });
    expect(shared.body.report.challenge).toMatchObject({ days: 14, until: addDays(today(), 14), basis: 'council' });
    expect((await t.call('POST', `${report(assessmentA)}/share`, { as: 'testshireOfficer' })).status).toBe(409);
    const seen = await asA('GET', report(assessmentA));
    expect(seen.status).toBe(200);
    expect(((await seen.json()) as { status: string }).status).toBe('shared');
  });

  it("refuses a provider user another provider's report, even once shared", async () => {
    await t.call('POST', `${report(assessmentB)}/share`, { as: 'testshireOfficer' });
    expect((await asA('GET', report(assessmentB))).status).toBe(403);
    expect((await asA('GET', `${report(assessmentB)}.pdf`)).status).toBe(403);
    expect((await asA('POST', `${report(assessmentB)}/comments`, { finding: 'overallRating', comment: 'x' })).status).toBe(403);
    const list = (await (await asA('GET', '/api/councils/testshire/reports')).json()) as { reports: { assessmentId: string }[] };
    expect(list.reports).toEqual([{ assessmentId: assessmentA, providerId: providerA, providerName: 'Acme Care', visitDate: '2025-03-01', status: 'shared', sharedOn: today(), challengeUntil: addDays(today(), 14) }]);
  });

  it('takes comments per finding, refuses an unknown finding naming it, and finalises only when every comment is answered', async () => {
    const bad = await asA('POST', `${report(assessmentA)}/comments`, { finding: 'no-such-thing', comment: 'x' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { details: { pointer: string }[] } }).error.details[0]!.pointer).toBe('/finding');
    const made = await asA('POST', `${report(assessmentA)}/comments`, { finding: 'c4', comment: 'The complaints log was in the office' });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const staffComment = await t.call('POST', `${report(assessmentA)}/comments`, { as: 'testshireOfficer', body: { finding: 'c4', comment: 'x' } });
    expect(staffComment.status).toBe(403);
    const early = await t.call('POST', `${report(assessmentA)}/finalise`, { as: 'testshireOfficer' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('comments-unanswered');
    const badAnswer = await t.call('POST', `${report(assessmentA)}/comments/${id}/answer`, { as: 'testshireOfficer', body: { decision: 'maybe', reason: '' } });
    expect(badAnswer.status).toBe(422);
    const answered = await t.call('POST', `${report(assessmentA)}/comments/${id}/answer`, { as: 'testshireOfficer', body: { decision: 'rejected', reason: 'The log had no entries after January' } });
    expect(answered.body.comments[0]).toMatchObject({ finding: 'c4', answer: { decision: 'rejected', reason: 'The log had no entries after January' } });
    const final = await t.call('POST', `${report(assessmentA)}/finalise`, { as: 'testshireOfficer' });
    expect(final.body).toMatchObject({ status: 'final', visit: { status: 'final' } });
    const visit = await t.call('GET', `/api/councils/testshire/visits/${final.body.visit.id}`, { as: 'testshireViewer' });
    expect(visit.body.events.at(-1)).toMatchObject({ from: 'shared', to: 'final', by: t.userIds.testshireOfficer });
    expect((await asA('POST', `${report(assessmentA)}/comments`, { finding: 'c4', comment: 'again' })).status).toBe(409);
    const pdf = await asA('GET', `${report(assessmentA)}.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(await pdf.arrayBuffer());
    expect(text).toContain('Final report');
    // The PDF writes dates as the report page does: "7 December 2026".
    expect(text).toContain(`Reviewer: testshireAdmin, signed off on ${new Date(`${today()}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`);
    expect(text).toContain('Evidence: Two complaints answered after 28 days');
    expect(text).toContain('The complaints log was in the office');
    expect(text).toContain('Rejected: The log had no entries after January');
  });

  it('refuses comments once the window has closed', async () => {
    const id = (await signedOffVisit(t, providerA, '2025-05-01', 2)).assessmentId;
    await t.call('POST', `${report(id)}/share`, { as: 'testshireOfficer' });
    await t.db.query('UPDATE report_shares SET challenge_until = $1 WHERE assessment_id = $2', [addDays(today(), -1), id]);
    const late = await asA('POST', `${report(id)}/comments`, { finding: 'overallRating', comment: 'late' });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('challenge-window-closed');
  });

  it("uses the council's challenge window setting, and takes the provider's action plan with an owner and a date per action", async () => {
    expect((await t.call('PUT', '/api/councils/testshire/report-settings', { as: 'testshireOfficer', body: { challengeWindowDays: 10 } })).status).toBe(403);
    expect((await t.call('PUT', '/api/councils/testshire/report-settings', { as: 'testshireAdmin', body: { challengeWindowDays: 0 } })).status).toBe(422);
    expect((await t.call('PUT', '/api/councils/testshire/report-settings', { as: 'testshireAdmin', body: { challengeWindowDays: 10 } })).status).toBe(200);
    const id = (await signedOffVisit(t, providerA, '2025-06-01', 1)).assessmentId;
    const shared = await t.call('POST', `${report(id)}/share`, { as: 'testshireOfficer' });
    expect(shared.body.report.challenge).toMatchObject({ days: 10, until: addDays(today(), 10) });
    const bad = await asA('PUT', `${report(id)}/action-plan`, { actions: [{ action: 'Retrain staff', owner: 'Manager', due: '2025-13-01' }] });
    expect(bad.status).toBe(422);
    const plan = [{ action: 'Retrain staff on complaints', owner: 'Registered manager', due: '2025-07-01' }];
    expect((await asA('PUT', `${report(id)}/action-plan`, { actions: plan })).status).toBe(200);
    expect((await t.call('GET', report(id), { as: 'testshireViewer' })).body.actionPlan).toEqual([{ ...plan[0], status: 'open', progress: [] }]);
  });

  it('once the report is final, refuses to replace the action plan (409, nothing changed) and records progress per action, audited', async () => {
    const id = (await signedOffVisit(t, providerA, '2025-06-15', 1)).assessmentId;
    await t.call('POST', `${report(id)}/share`, { as: 'testshireOfficer' });
    const plan = [
      { action: 'Retrain staff on complaints', owner: 'Registered manager', due: '2025-08-01' },
      { action: 'Audit care plans', owner: 'Deputy manager', due: '2025-09-01' },
    ];
    expect((await asA('PUT', `${report(id)}/action-plan`, { actions: plan })).status).toBe(200);
    const progressOf = (n: number | string) => `${report(id)}/action-plan/${n}/progress`;
    // Before the report is final, the plan itself changes; progress waits.
    const early = await asA('POST', progressOf(1), { status: 'done', owner: 'Registered manager', on: '2025-07-01' });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('report-not-final');
    expect((await t.call('POST', `${report(id)}/finalise`, { as: 'testshireOfficer' })).status).toBe(200);

    const replaced = await asA('PUT', `${report(id)}/action-plan`, { actions: [{ action: 'Something else', owner: 'Nobody', due: '2025-10-01' }] });
    expect(replaced.status).toBe(409);
    const refusal = (await replaced.json()) as { error: { code: string; message: string } };
    expect(refusal.error.code).toBe('report-final');
    expect(refusal.error.message).toContain('can no longer be replaced');
    const unchanged = (await t.call('GET', report(id), { as: 'testshireViewer' })).body.actionPlan as { action: string; status: string }[];
    expect(unchanged.map((a) => [a.action, a.status])).toEqual([['Retrain staff on complaints', 'open'], ['Audit care plans', 'open']]);

    // A date in the future, an unknown action, a bad status: refused, naming what is wrong.
    const future = await asA('POST', progressOf(1), { status: 'done', owner: 'Registered manager', on: addDays(today(), 1) });
    expect(future.status).toBe(422);
    expect(((await future.json()) as { error: { details: { pointer: string }[] } }).error.details[0]!.pointer).toBe('/on');
    expect((await asA('POST', progressOf(3), { status: 'done', owner: 'X', on: '2025-07-01' })).status).toBe(404);
    expect((await asA('POST', progressOf(1), { status: 'finished', owner: 'X', on: '2025-07-01' })).status).toBe(422);

    const progress = await asA('POST', progressOf(1), { status: 'in-progress', owner: 'Training lead', on: '2025-07-01', note: 'Half the staff trained' });
    expect(progress.status).toBe(201);
    const done = await asA('POST', progressOf(1), { status: 'done', owner: 'Training lead', on: '2025-07-20' });
    expect(done.status).toBe(201);
    const after = (await t.call('GET', report(id), { as: 'testshireViewer' })).body.actionPlan as { action: string; owner: string; status: string; progress: { status: string; owner: string; on: string; by: string }[] }[];
    // The plan as sent stays; each action carries its own progress.
    expect(after[0]).toMatchObject({ action: 'Retrain staff on complaints', owner: 'Registered manager', status: 'done' });
    expect(after[0]!.progress.map((p) => [p.status, p.owner, p.on, p.by])).toEqual([['in-progress', 'Training lead', '2025-07-01', 'provider-a'], ['done', 'Training lead', '2025-07-20', 'provider-a']]);
    expect(after[1]).toMatchObject({ action: 'Audit care plans', status: 'open', progress: [] });
    // A done action takes nothing more.
    const again = await asA('POST', progressOf(1), { status: 'in-progress', owner: 'X', on: '2025-07-21' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain('was recorded as done on 2025-07-20');

    const audit = await t.call('GET', `/api/councils/testshire/audit?action=report-action-progress&entityId=${id}`, { as: 'testshireAdmin' });
    expect(audit.body.entries.map((e: { detail: { action: number; after: string } }) => [e.detail.action, e.detail.after])).toEqual([[1, 'done'], [1, 'in-progress']]);
    // Another provider's user records nothing on A's plan.
    const tokenB = await makeUser(t, 'provider-b-progress');
    await t.call('PUT', `/api/councils/testshire/providers/${providerB}/report-users/provider-b-progress`, { as: 'testshireAdmin' });
    const other = await t.app.request(progressOf(2), { method: 'POST', headers: { authorization: `Bearer ${tokenB}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'done', owner: 'X', on: '2025-07-01' }) });
    expect(other.status).toBe(403);
  });

  it('gives a provider user of A nothing of B and nothing of another council, over every route of the API', async () => {
    const doc = (await t.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, { 'x-access': string }>> };
    const bIds: Record<string, string> = { id: assessmentB, user: 'provider-a', comment: 'x', version: 'x', token: 'x', action: '1' };
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!path.includes('{council}')) {
          // Outside a council: only what any signed-in user may do about themselves, or public routes.
          expect(['public', 'signed-in', 'platform-admin'], `${method} ${path}`).toContain(op['x-access']);
          continue;
        }
        if (op['x-access'] === 'public') {
          // Councils and their published packs are public documents: only reads may be public.
          expect(method, `${method} ${path}`).toBe('get');
          continue;
        }
        for (const council of ['testshire', 'otherton']) {
          // Every id is B's (an assessment of provider B, provider B) or made up: nothing may answer 2xx.
          const url = path.replace('{council}', council).replace(/\{(\w+)\}/g, (_, name: string) => (name === 'id' && path.includes('/providers/{id}') ? providerB : bIds[name] ?? 'x'));
          if (council === 'testshire' && method === 'get' && path === '/api/councils/{council}/reports') continue; // its own list, checked above
          const res = await asA(method.toUpperCase(), url, method === 'get' ? undefined : {});
          expect(res.status, `${method.toUpperCase()} ${url}`).toBeGreaterThanOrEqual(400);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
    const other = await asA('GET', '/api/councils/otherton/reports');
    expect(other.status).toBe(403);
  });
});
