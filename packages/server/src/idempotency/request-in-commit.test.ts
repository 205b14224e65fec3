import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { makeTestApp, signIn, TEST_PASSWORD, testPlugins } from '../app.test-helpers.js';
import type { Persona, TestApp } from '../app.test-helpers.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { signedOffVisit, submittedVisit } from '../reports/signed-off-visit.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';
import { replyLosingDb } from './reply-losing-db.test-helpers.js';
import { WRITE_ROUTES } from './write-routes.js';

/** One write sent with a key whose first reply is lost after its commit. */
interface LostWrite {
  route: string;
  method: string;
  path: string;
  /** A persona, the bearer token of a provider user, or a session's headers. */
  as: Persona | { token: string } | { headers: Record<string, string> };
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  /** Where a reader finds the same thing the reply shows (its body, and its ETag if any). */
  readBack?: string;
}

describe.each(testStoreKinds)('a retry after a lost reply gets the first reply back (request-in-commit), on $name', (kind) => {
  let t: TestApp;
  let lossy: ReturnType<typeof replyLosingDb>;
  let app: ReturnType<typeof createApp>;
  let providerId: string;
  let providerToken: string;
  let n = 0;
  const covered = new Set<string>();
  const base = '/api/councils/testshire';
  const report = (id: string) => `${base}/assessments/${id}/report`;

  beforeAll(async () => {
    t = await makeTestApp(kind);
    lossy = replyLosingDb(t.db);
    // No lease: each retry comes after its first attempt has ended.
    app = createApp({ db: lossy.db, plugins: testPlugins, log: () => undefined, idempotencyLeaseSeconds: 0 });
    providerId = (await t.call('POST', `${base}/providers`, { as: 'testshireOfficer', body: { name: 'Acme Care' } })).body.id;
    // A provider user of Acme Care, who comments on its reports and keeps its action plan.
    providerToken = newSecret('qaf_');
    await t.db.query("INSERT INTO users (id, email, name, password_hash) VALUES ('provider-a', 'provider-a@example.test', 'provider-a', 'x')");
    await t.db.query("INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ('tok-provider-a', 'provider-a', 'test', $1)", [hashSecret(providerToken)]);
    expect((await t.call('PUT', `${base}/providers/${providerId}/report-users/provider-a`, { as: 'testshireAdmin' })).status).toBe(204);
  });
  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  /** Rows in every table but the keys themselves: a second write of anything changes one of them. */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await t.db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'idempotency_keys'");
    const counts = await Promise.all(tables.map(async ({ name }) => [name, (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`))[0]!.n] as const));
    return Object.fromEntries(counts);
  }

  /**
   * Sends `w` with a new key, loses its reply after the commit, retries: the first reply comes back
   * (as a reader finds the thing now: an update made twice would show a later revision) and no row
   * is added twice.
   */
  async function lostThenRetried(w: LostWrite) {
    expect(['request-in-commit', 'reply-in-commit'], w.route).toContain(WRITE_ROUTES[w.route]?.kind);
    covered.add(w.route);
    const key = `lost-${kind.name}-${++n}`;
    const caller = typeof w.as === 'string' ? { authorization: `Bearer ${t.tokens[w.as]}` } : 'token' in w.as ? { authorization: `Bearer ${w.as.token}` } : w.as.headers;
    const send = () => app.request(w.path, {
      method: w.method,
      headers: { ...caller, 'idempotency-key': key, ...(w.body !== undefined ? { 'content-type': 'application/json' } : {}), ...w.headers },
      ...(w.body !== undefined ? { body: JSON.stringify(w.body) } : {}),
    });
    lossy.state.loseNext = true;
    const lost = await send();
    expect(lost.status, await lost.clone().text()).toBe(500);
    const written = await rowCounts();

    const retry = await send();
    const text = await retry.text();
    expect(retry.status, text).toBe(w.status);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('content-type')).toBe(w.status === 204 ? null : 'application/json');
    expect(await rowCounts()).toEqual(written);
    if (w.readBack) {
      const read = await t.call('GET', w.readBack, { as: 'testshireAdmin' });
      expect(JSON.parse(text)).toEqual(read.body);
      expect(retry.headers.get('etag')).toBe(read.headers.get('etag'));
    }
    const again = await send();
    expect([again.status, await again.text(), again.headers.get('etag')]).toEqual([w.status, text, retry.headers.get('etag')]);
    expect(await rowCounts()).toEqual(written);
    return (text === '' ? undefined : JSON.parse(text)) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  it('providers: an update, then a removal', async () => {
    const other = (await t.call('POST', `${base}/providers`, { as: 'testshireOfficer', body: { name: 'Beta Care' } })).body.id;
    const updated = await lostThenRetried({
      route: 'PUT /api/councils/{council}/providers/{id}', method: 'PUT', path: `${base}/providers/${other}`, as: 'testshireOfficer',
      body: { name: 'Beta Care Ltd' }, headers: { 'if-match': '"1"' }, status: 200, readBack: `${base}/providers/${other}`,
    });
    expect(updated).toMatchObject({ id: other, name: 'Beta Care Ltd', revision: 2 });
    await lostThenRetried({ route: 'DELETE /api/councils/{council}/providers/{id}', method: 'DELETE', path: `${base}/providers/${other}`, as: 'testshireAdmin', headers: { 'if-match': '"2"' }, status: 204 });
    expect((await t.call('GET', `${base}/providers/${other}`, { as: 'testshireAdmin' })).status).toBe(404);
  });

  it('a visit record from its creation to its sign-off, and one returned', async () => {
    const visit = await lostThenRetried({ route: 'POST /api/councils/{council}/visits', method: 'POST', path: `${base}/visits`, as: 'testshireOfficer', body: { providerId, date: '2025-03-01' }, status: 201 });
    expect(visit).toMatchObject({ providerId, status: 'draft' });
    const at = `${base}/visits/${visit.id}`;
    const draft = { date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } };
    const saved = await lostThenRetried({ route: 'PUT /api/councils/{council}/visits/{id}/draft', method: 'PUT', path: `${at}/draft`, as: 'testshireOfficer', body: draft, headers: { 'if-match': '"1"' }, status: 200, readBack: at });
    expect(saved.revision).toBe(2);
    const evidence = await lostThenRetried({ route: 'POST /api/councils/{council}/visits/{id}/evidence', method: 'POST', path: `${at}/evidence`, as: 'testshireOfficer', body: { target: 'c4', text: 'Complaints log seen' }, status: 201 });
    expect(evidence).toMatchObject({ target: 'c4', text: 'Complaints log seen' });
    const submitted = await lostThenRetried({ route: 'POST /api/councils/{council}/visits/{id}/submit', method: 'POST', path: `${at}/submit`, as: 'testshireOfficer', headers: { 'if-match': '"2"' }, status: 200, readBack: at });
    expect(submitted.status).toBe('submitted');
    expect(await t.db.query('SELECT id FROM assessments WHERE provider_id = $1', [providerId])).toEqual([{ id: submitted.assessmentId }]);
    const signed = await lostThenRetried({ route: 'POST /api/councils/{council}/visits/{id}/sign-off', method: 'POST', path: `${at}/sign-off`, as: 'testshireAdmin', status: 200, readBack: at });
    expect(signed.status).toBe('signed-off');

    const { visitId } = await submittedVisit(t, providerId, '2025-04-01', 2);
    const returned = await lostThenRetried({
      route: 'POST /api/councils/{council}/visits/{id}/return', method: 'POST', path: `${base}/visits/${visitId}/return`, as: 'testshireAdmin',
      body: { reason: 'Evidence missing for c2' }, status: 200, readBack: `${base}/visits/${visitId}`,
    });
    expect(returned.status).toBe('draft');
  });

  it("a report shared, commented on by its provider, answered, finalised, and the provider's action plan and its progress", async () => {
    const { assessmentId } = await signedOffVisit(t, providerId, '2025-05-01', 3);
    const shared = await lostThenRetried({ route: 'POST /api/councils/{council}/assessments/{id}/report/share', method: 'POST', path: `${report(assessmentId)}/share`, as: 'testshireOfficer', status: 200, readBack: report(assessmentId) });
    expect(shared.status).toBe('shared');
    const comment = await lostThenRetried({
      route: 'POST /api/councils/{council}/assessments/{id}/report/comments', method: 'POST', path: `${report(assessmentId)}/comments`, as: { token: providerToken },
      body: { finding: 'c4', comment: 'The complaints log was in the office' }, status: 201,
    });
    expect(comment).toMatchObject({ finding: 'c4', comment: 'The complaints log was in the office' });
    const plan = [{ action: 'Retrain staff on complaints', owner: 'Registered manager', due: '2025-07-01' }];
    const planned = await lostThenRetried({ route: 'PUT /api/councils/{council}/assessments/{id}/report/action-plan', method: 'PUT', path: `${report(assessmentId)}/action-plan`, as: { token: providerToken }, body: { actions: plan }, status: 200 });
    expect(planned.actionPlan).toEqual([{ ...plan[0], status: 'open', progress: [] }]);
    const answered = await lostThenRetried({
      route: 'POST /api/councils/{council}/assessments/{id}/report/comments/{comment}/answer', method: 'POST', path: `${report(assessmentId)}/comments/${comment.id}/answer`, as: 'testshireOfficer',
      body: { decision: 'rejected', reason: 'The log had no entries after January' }, status: 200, readBack: report(assessmentId),
    });
    expect(answered.comments[0]).toMatchObject({ answer: { decision: 'rejected' } });
    const final = await lostThenRetried({ route: 'POST /api/councils/{council}/assessments/{id}/report/finalise', method: 'POST', path: `${report(assessmentId)}/finalise`, as: 'testshireOfficer', status: 200, readBack: report(assessmentId) });
    expect(final.status).toBe('final');
    const progress = await lostThenRetried({
      route: 'POST /api/councils/{council}/assessments/{id}/report/action-plan/{action}/progress', method: 'POST', path: `${report(assessmentId)}/action-plan/1/progress`, as: { token: providerToken },
      body: { status: 'done', owner: 'Registered manager', on: '2025-07-01' }, status: 201,
    });
    expect(progress.actionPlan[0]).toMatchObject({ status: 'done' });
  });

  it("a person's recorded decision, and the redetermination of it under a later version", async () => {
    /** Publishes a version from `from` whose overall rating the team manager decides (Silver from `silverMin` Fully met). */
    const publish = async (silverMin: number, from: string, version: string) => {
      const draft = await t.call('GET', `${base}/draft`, { as: 'testshireAdmin' });
      const content = structuredClone(draft.body.content);
      content.decisions.overallRating.decidedBy = { role: 'team-manager', label: 'the team manager', values: ['Bronze', 'Silver', 'Gold'], reasonRequired: 'when-departing', within: { days: 14 }, source: content.decisions.overallRating.source };
      content.decisions.overallRating.rules.find((r: { id: string }) => r.id === 'silver').when.value = silverMin;
      content.metadata.effectiveFrom = from;
      const saved = await t.call('PUT', `${base}/draft`, { as: 'testshireAdmin', body: content, headers: { 'if-match': draft.headers.get('etag')! } });
      expect([saved.status, saved.body.errors]).toEqual([200, []]);
      const published = await t.call('POST', `${base}/draft/publish`, { as: 'testshireAdmin', body: { effectiveFrom: from, confirmPastDate: true, note: `Silver from ${silverMin}`, version, acknowledgeFindings: true } });
      expect(published.status, JSON.stringify(published.body)).toBe(201);
    };
    await publish(3, '2027-01-01', '2.0.0');
    const assessed = await t.call('POST', `${base}/assessments`, { as: 'testshireOfficer', body: { providerId, date: '2027-01-04', judgements: judgements(3), facts: { concerns: false } } });
    expect(assessed.body.determination.proposals?.[0]?.proposed).toBe('Silver');
    const decided = await lostThenRetried({
      route: 'POST /api/councils/{council}/assessments/{id}/decisions', method: 'POST', path: `${base}/assessments/${assessed.body.id}/decisions`, as: 'testshireAdmin',
      body: { decisions: { overallRating: { value: 'Silver', by: 'Team Manager', at: '2027-01-05' } } }, status: 201,
    });
    expect(decided.determination.headline).toMatchObject({ value: 'Silver' });
    await publish(4, '2027-01-02', '2.1.0');
    const redetermined = await lostThenRetried({
      route: 'POST /api/councils/{council}/redeterminations', method: 'POST', path: `${base}/redeterminations`, as: 'testshireAdmin',
      body: { reason: '2.1.0 in force from 2 January', assessmentIds: [decided.id] }, status: 200,
    });
    expect(JSON.stringify(redetermined)).toContain(decided.id);
    expect((await t.call('GET', `${base}/assessments/${decided.id}`, { as: 'testshireViewer' })).body.packVersion).toBe('2.1.0');

    // Rolled back to 2.0.0: 2.1.0 is withdrawn and 2.1.1 (2.0.0's content) published, once.
    const rolledBack = await lostThenRetried({
      route: 'POST /api/councils/{council}/versions/{version}/rollback', method: 'POST', path: `${base}/versions/2.0.0/rollback`, as: 'testshireAdmin', body: { note: 'Back to 2.0.0' }, status: 201,
    });
    expect(rolledBack).toMatchObject({ version: '2.1.1', withdrew: [{ version: '2.1.0' }] });
    expect(await t.db.query("SELECT version FROM pack_versions WHERE council_id = 'testshire' AND version LIKE '2.%' ORDER BY version")).toEqual([{ version: '2.0.0' }, { version: '2.1.0' }, { version: '2.1.1' }]);
  });

  it('a council, its report settings, and the officer and the provider users of a provider', async () => {
    const council = await lostThenRetried({ route: 'POST /api/councils', method: 'POST', path: '/api/councils', as: 'platformAdmin', body: { id: `lost-${kind.name}`, name: 'Lost Council' }, status: 201 });
    expect(council).toEqual({ id: `lost-${kind.name}`, name: 'Lost Council', currentVersion: null });
    const settings = await lostThenRetried({ route: 'PUT /api/councils/{council}/report-settings', method: 'PUT', path: `${base}/report-settings`, as: 'testshireAdmin', body: { challengeWindowDays: 10 }, status: 200, readBack: `${base}/report-settings` });
    expect(settings).toEqual({ challengeWindowDays: 10, default: false });
    const officer = `${base}/providers/${providerId}/officer`;
    const assigned = await lostThenRetried({ route: 'PUT /api/councils/{council}/providers/{id}/officer/{user}', method: 'PUT', path: `${officer}/${t.userIds.testshireOfficer}`, as: 'testshireAdmin', status: 200 });
    expect(assigned).toMatchObject({ providerId });
    await lostThenRetried({ route: 'DELETE /api/councils/{council}/providers/{id}/officer', method: 'DELETE', path: officer, as: 'testshireAdmin', status: 204 });
    const users = `${base}/providers/${providerId}/report-users`;
    await t.db.query("INSERT INTO users (id, email, name, password_hash) VALUES ('provider-b', 'provider-b@example.test', 'provider-b', 'x')");
    await lostThenRetried({ route: 'PUT /api/councils/{council}/providers/{id}/report-users/{user}', method: 'PUT', path: `${users}/provider-b`, as: 'testshireAdmin', status: 204 });
    await lostThenRetried({ route: 'DELETE /api/councils/{council}/providers/{id}/report-users/{user}', method: 'DELETE', path: `${users}/provider-b`, as: 'testshireAdmin', status: 204 });
  });

  it("accounts: a user made, changed and given a password by the platform admin; a member's roles and account by a council admin; API tokens revoked at once", async () => {
    const made = await lostThenRetried({
      route: 'POST /api/users', method: 'POST', path: '/api/users', as: 'platformAdmin',
      body: { email: `lost-${kind.name}@example.test`, name: 'Lost Reply', password: 'a long enough password 1', roles: { testshire: 'viewer' } }, status: 201,
    });
    expect(made).toMatchObject({ email: `lost-${kind.name}@example.test`, name: 'Lost Reply' });
    const user = `/api/users/${made.id}`;
    const changed = await lostThenRetried({ route: 'PATCH /api/users/{id}', method: 'PATCH', path: user, as: 'platformAdmin', body: { name: 'Lost Reply Again' }, status: 200 });
    expect(changed).toMatchObject({ id: made.id, name: 'Lost Reply Again' });
    await lostThenRetried({ route: 'POST /api/users/{id}/password', method: 'POST', path: `${user}/password`, as: 'platformAdmin', body: { password: 'another long password 2' }, status: 204 });
    expect((await signIn(app, `lost-${kind.name}@example.test`, 'another long password 2')).res.status).toBe(200);
    const member = `${base}/members/${made.id}`;
    await lostThenRetried({ route: 'PUT /api/councils/{council}/members/{userId}', method: 'PUT', path: member, as: 'testshireAdmin', body: { role: 'officer' }, status: 200 });
    await lostThenRetried({ route: 'PATCH /api/councils/{council}/members/{userId}', method: 'PATCH', path: member, as: 'testshireAdmin', body: { disabled: true }, status: 200 });
    await lostThenRetried({ route: 'DELETE /api/councils/{council}/members/{userId}', method: 'DELETE', path: member, as: 'testshireAdmin', status: 204 });

    // A token used (so cached), then revoked with the reply lost: it stops working at once, on this server too.
    const mine = (await t.call('POST', '/api/auth/tokens', { as: 'testshireOfficer', body: { name: 'to revoke' } })).body;
    const asMine = () => app.request('/api/auth/me', { headers: { authorization: `Bearer ${mine.token}` } });
    expect((await asMine()).status).toBe(200);
    await lostThenRetried({ route: 'DELETE /api/auth/tokens/{id}', method: 'DELETE', path: `/api/auth/tokens/${mine.id}`, as: 'testshireOfficer', status: 204 });
    expect((await asMine()).status).toBe(401);
    const theirs = (await t.call('POST', `${base}/members/${t.userIds.testshireViewer}/tokens`, { as: 'testshireAdmin', body: { name: 'handed over' } })).body;
    await lostThenRetried({
      route: 'DELETE /api/councils/{council}/members/{userId}/tokens/{tokenId}', method: 'DELETE', path: `${base}/members/${t.userIds.testshireViewer}/tokens/${theirs.id}`, as: 'testshireAdmin', status: 204,
    });
    expect((await app.request('/api/auth/me', { headers: { authorization: `Bearer ${theirs.token}` } })).status).toBe(401);
  });

  it('your own password, changed in a session (which stays signed in)', async () => {
    const session = await signIn(app, 'othertonofficer@example.test');
    expect(session.res.status).toBe(200);
    await lostThenRetried({
      route: 'POST /api/auth/password', method: 'POST', path: '/api/auth/password', as: { headers: { cookie: session.cookie, 'x-csrf-token': session.body.csrfToken } },
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password 3' }, status: 204,
    });
    expect((await signIn(app, 'othertonofficer@example.test', 'a brand new password 3')).res.status).toBe(200);
  });

  it('an action of a determination completed', async () => {
    const bronze = (await t.call('POST', `${base}/providers`, { as: 'testshireOfficer', body: { name: 'Bronze Late' } })).body.id;
    // Bronze on 1 June 2025: the improvement plan is due 7 days later (fixture pack, source 3).
    expect((await t.call('POST', `${base}/assessments`, { as: 'testshireOfficer', body: { providerId: bronze, date: '2025-06-01', judgements: judgements(1), facts: { concerns: false } } })).status).toBe(201);
    const done = await lostThenRetried({
      route: 'POST /api/councils/{council}/actions/complete', method: 'POST', path: `${base}/actions/complete`, as: 'testshireOfficer',
      body: { providerId: bronze, actionId: 'improvement-plan', completedOn: '2025-06-09' }, status: 201,
    });
    expect(done.action).toMatchObject({ id: 'improvement-plan', status: 'done', completedOn: '2025-06-09' });
  });

  it("a failing case's new result accepted in the draft", async () => {
    const draft = await t.call('GET', `${base}/draft`, { as: 'testshireAdmin' });
    const changed = structuredClone(draft.body.content);
    // The fixture's document says every criterion Fully met gives Gold; the case is made to expect Bronze.
    changed.cases[0].want.headline = 'Bronze';
    const saved = await t.call('PUT', `${base}/draft`, { as: 'testshireAdmin', body: changed, headers: { 'if-match': draft.headers.get('etag')! } });
    expect(saved.status).toBe(200);
    const accepted = await lostThenRetried({
      route: 'POST /api/councils/{council}/draft/cases/accept', method: 'POST', path: `${base}/draft/cases/accept`, as: 'testshireAdmin',
      body: { cases: [changed.cases[0].id], reason: 'Reviewed' }, headers: { 'if-match': saved.headers.get('etag')! }, status: 200,
    });
    expect(accepted.accepted[0].want.headline).toBe('Gold');
    // Accepted once: the draft moved on by one revision, as the replayed reply and its ETag say.
    const after = await t.call('GET', `${base}/draft`, { as: 'testshireAdmin' });
    expect(accepted.revision).toBe(Number(JSON.parse(saved.headers.get('etag')!)) + 1);
    expect(after.headers.get('etag')).toBe(`"${accepted.revision}"`);
  });

  it('covers every route the table runs in one commit', () => {
    const all = Object.entries(WRITE_ROUTES).filter(([, g]) => g.kind === 'request-in-commit').map(([r]) => r);
    expect([...covered].sort()).toEqual([...all, 'POST /api/councils/{council}/versions/{version}/rollback', 'POST /api/councils/{council}/draft/cases/accept'].sort());
  });
});
