import { caseAssessment } from '@openqaf/engine';
import type { PackCase } from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { replyLosingDb } from '../idempotency/reply-losing-db.test-helpers.js';
import { birminghamTestApp } from './birmingham-app.test-helpers.js';
import { COUNCIL_PLUGIN_PACKAGES, loadCouncilPlugins } from '../seed/council-plugins.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';

describe.each(testStoreKinds)('tracked actions on $name', (kind) => {
  let t: TestApp;
  let bronze: string;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    const p = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Bronze Late' } });
    bronze = p.body.id;
    // Bronze on 1 June 2025: the improvement plan is due 7 days later (fixture pack, source 3).
    await t.call('POST', '/api/councils/testshire/assessments', {
      as: 'testshireOfficer',
      body: { providerId: bronze, date: '2025-06-01', judgements: judgements(1), facts: { concerns: false } },
    });
  });
  afterAll(async () => t?.dispose());

  const list = async (query: string) => (await t.call('GET', `/api/councils/testshire/actions?${query}`, { as: 'testshireViewer' })).body.actions;

  it('gives each action its owner, due date and status: open until due, overdue after', async () => {
    expect((await list('today=2025-06-05')).map((a: any) => [a.id, a.owner, a.due, a.status])).toEqual([['improvement-plan', 'provider', '2025-06-08', 'open']]); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect((await list('today=2025-06-09'))[0].status).toBe('overdue');
    expect(await list('today=2025-06-09&status=open')).toEqual([]);
    expect(await list('today=2025-06-09&owner=council')).toEqual([]);
  });

  it('refuses a completion that names no action of the determination, or a date outside the assessment and today, and changes nothing', async () => {
    const bad = async (body: Record<string, unknown>) =>
      t.call('POST', '/api/councils/testshire/actions/complete', { as: 'testshireOfficer', body: { providerId: bronze, actionId: 'improvement-plan', completedOn: '2025-06-09', ...body } });
    const unknown = await bad({ actionId: 'no-such-action' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0].pointer).toBe('/actionId');
    const early = await bad({ completedOn: '2025-05-31' });
    expect(early.status).toBe(422);
    expect(early.body.error.details[0].pointer).toBe('/completedOn');
    const future = await bad({ completedOn: '2999-01-01' });
    expect(future.body.error.details[0].pointer).toBe('/completedOn');
    const notADate = await bad({ completedOn: '9 June' });
    expect(notADate.status).toBe(422);
    expect(notADate.body.error.details[0].pointer).toBe('/completedOn');
    expect((await bad({ providerId: 'nope' })).status).toBe(404);
    expect((await t.call('POST', '/api/councils/testshire/actions/complete', { as: 'testshireViewer', body: { providerId: bronze, actionId: 'improvement-plan', completedOn: '2025-06-09' } })).status).toBe(403);
    expect((await list('today=2025-06-09'))[0].status).toBe('overdue');
  });

  it('records a completion with its date once; the action is then done', async () => {
    const done = await t.call('POST', '/api/councils/testshire/actions/complete', {
      as: 'testshireOfficer',
      body: { providerId: bronze, actionId: 'improvement-plan', completedOn: '2025-06-09', note: 'Plan received by email' },
    });
    expect(done.status).toBe(201);
    expect(done.body.action).toMatchObject({ id: 'improvement-plan', status: 'done', completedOn: '2025-06-09' });
    expect(done.body.reevaluated).toBeUndefined();
    const [a] = await list('today=2025-07-01');
    expect(a).toMatchObject({ status: 'done', completedOn: '2025-06-09', completedBy: 'testshireofficer@example.test', note: 'Plan received by email' });
    const again = await t.call('POST', '/api/councils/testshire/actions/complete', { as: 'testshireOfficer', body: { providerId: bronze, actionId: 'improvement-plan', completedOn: '2025-06-10' } });
    expect(again.status).toBe(409);
  });
});

describe.each(testStoreKinds)('completing an action recomputes what depends on it ($name, Birmingham)', (kind) => {
  let t: TestApp;
  let provider: string;
  beforeAll(async () => {
    const app = await birminghamTestApp(kind);
    t = app.t;
    const birmingham = app.birmingham;
    provider = (await t.call('POST', '/api/councils/birmingham/providers', { as: 'testshireOfficer', body: { name: 'Home Support Bronze' } })).body.id;
    // Quality Ratings Guidance 2024, 4.1: Bronze on 3 March, IAP submitted within 7 days, approved or returned within 7 days of submission.
    const bronzeCase = birmingham.pack.cases!.find((c: PackCase) => c.id === 'bronze-process-actions')!;
    const res = await t.call('POST', '/api/councils/birmingham/assessments', { as: 'testshireOfficer', body: { providerId: provider, ...caseAssessment(birmingham.pack, bronzeCase) } });
    expect(res.status).toBe(201);
  }, 60_000);
  afterAll(async () => t?.dispose());

  it('the IAP submitted on 11 March: the council has until 18 March to approve it', async () => {
    const before = (await t.call('GET', '/api/councils/birmingham/actions?today=2025-03-11', { as: 'testshireOfficer' })).body.actions;
    expect(before.find((a: { id: string }) => a.id === 'iap-submit')).toMatchObject({ due: '2025-03-10', status: 'overdue', feeds: 'iapSubmittedDate' });
    const done = await t.call('POST', '/api/councils/birmingham/actions/complete', {
      as: 'testshireOfficer',
      body: { providerId: provider, actionId: 'iap-submit', completedOn: '2025-03-11' },
    });
    expect(done.status).toBe(201);
    expect(done.body.reevaluated).toMatchObject({ fact: 'iapSubmittedDate', value: '2025-03-11', headline: 'Bronze' });
    const after = (await t.call('GET', '/api/councils/birmingham/actions?today=2025-03-12', { as: 'testshireOfficer' })).body.actions;
    const byId = Object.fromEntries(after.map((a: { id: string }) => [a.id, a]));
    expect(byId['iap-submit']).toMatchObject({ status: 'done', completedOn: '2025-03-11' });
    expect(byId['iap-review']).toMatchObject({ due: '2025-03-18', status: 'open' });
  });

  it('the IAP returned for amendments and resubmitted on 20 March: the resubmission is the new submission date', async () => {
    const birmingham = (await loadCouncilPlugins(COUNCIL_PLUGIN_PACKAGES, () => undefined)).find((p) => p.id === 'birmingham')!;
    const returned = (await t.call('POST', '/api/councils/birmingham/providers', { as: 'testshireOfficer', body: { name: 'Home Support Returned' } })).body.id;
    // Quality Ratings Guidance 2024, 4.1 Step 3: the plan submitted on 11 March was returned; the provider resubmits by 25 March.
    const returnedCase = birmingham.pack.cases!.find((c: PackCase) => c.id === 'iap-returned-for-amendments')!;
    expect((await t.call('POST', '/api/councils/birmingham/assessments', { as: 'testshireOfficer', body: { providerId: returned, ...caseAssessment(birmingham.pack, returnedCase) } })).status).toBe(201);
    const before = (await t.call('GET', `/api/councils/birmingham/actions?today=2025-03-20&providerId=${returned}`, { as: 'testshireOfficer' })).body.actions;
    const resubmit = before.find((a: { id: string; providerId: string }) => a.id === 'iap-resubmit' && a.providerId === returned);
    expect(resubmit).toMatchObject({ due: '2025-03-25', status: 'open', feeds: 'iapSubmittedDate' });
    const done = await t.call('POST', '/api/councils/birmingham/actions/complete', {
      as: 'testshireOfficer',
      body: { providerId: returned, actionId: 'iap-resubmit', completedOn: '2025-03-20' },
    });
    expect(done.status).toBe(201);
    expect(done.body.reevaluated).toMatchObject({ fact: 'iapSubmittedDate', value: '2025-03-20', headline: 'Bronze' });
    // The next determination is made with the new submission date, the Council's decision kept.
    const next = await t.call('GET', `/api/councils/birmingham/assessments/${done.body.reevaluated.assessmentId}`, { as: 'testshireOfficer' });
    expect(next.body.input.facts).toMatchObject({ iapSubmittedDate: '2025-03-20', iapRequestDate: '2025-03-05' });
    expect(next.body.input.decisions.iapApproval.value).toBe('Returned for amendments');
    const after = (await t.call('GET', '/api/councils/birmingham/actions?today=2025-03-21', { as: 'testshireOfficer' })).body.actions;
    expect(after.find((a: { id: string; providerId: string }) => a.id === 'iap-resubmit' && a.providerId === returned)).toMatchObject({ status: 'done', completedOn: '2025-03-20' });
  });

  it('with an Idempotency-Key and the reply lost after the commit: the completion and its re-determination were made once, together, and the retry gets the reply', async () => {
    const birmingham = (await loadCouncilPlugins(COUNCIL_PLUGIN_PACKAGES, () => undefined)).find((p) => p.id === 'birmingham')!;
    const keyed = (await t.call('POST', '/api/councils/birmingham/providers', { as: 'testshireOfficer', body: { name: 'Home Support Keyed' } })).body.id;
    const bronzeCase = birmingham.pack.cases!.find((c: PackCase) => c.id === 'bronze-process-actions')!;
    expect((await t.call('POST', '/api/councils/birmingham/assessments', { as: 'testshireOfficer', body: { providerId: keyed, ...caseAssessment(birmingham.pack, bronzeCase) } })).status).toBe(201);
    const lossy = replyLosingDb(t.db);
    const app = createApp({ db: lossy.db, plugins: [...testPlugins, birmingham], log: () => undefined, idempotencyLeaseSeconds: 0 });
    try {
      const send = () => app.request('/api/councils/birmingham/actions/complete', {
        method: 'POST',
        headers: { authorization: `Bearer ${t.tokens.testshireOfficer}`, 'content-type': 'application/json', 'idempotency-key': `keyed-${kind.name}` },
        body: JSON.stringify({ providerId: keyed, actionId: 'iap-submit', completedOn: '2025-03-11' }),
      });
      const assessments = async () => (await t.db.query<{ id: string }>('SELECT id FROM assessments WHERE provider_id = $1 ORDER BY created_at', [keyed])).map((r) => r.id);
      lossy.state.loseNext = true;
      expect((await send()).status).toBe(500);
      const made = await assessments();
      expect(made).toHaveLength(2);
      const retry = await send();
      expect([retry.status, retry.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
      const body = (await retry.json()) as { reevaluated: { assessmentId: string; value: string } };
      expect(body.reevaluated).toMatchObject({ assessmentId: made[1], fact: 'iapSubmittedDate', value: '2025-03-11' });
      expect(await assessments()).toEqual(made);
      expect(await t.db.query('SELECT completed_on::text AS on FROM action_completions WHERE provider_id = $1', [keyed])).toEqual([{ on: '2025-03-11' }]);
    } finally {
      await app.close();
    }
  });

  it('maps the IAP steps whose completion is a date the pack reads, and no other', async () => {
    const rows = await t.db.query<{ action_id: string; fact: string }>("SELECT action_id, fact FROM action_completion_facts WHERE council_id = 'birmingham' ORDER BY action_id");
    // iap-implement is not mapped: iapCompletionDate is the date the approved plan gives (4.1 Step 4, "As agreed in IAP").
    expect(rows.map((r) => [r.action_id, r.fact])).toEqual([
      ['iap-request', 'iapRequestDate'],
      ['iap-resubmit', 'iapSubmittedDate'],
      ['iap-submit', 'iapSubmittedDate'],
    ]);
  });
});
