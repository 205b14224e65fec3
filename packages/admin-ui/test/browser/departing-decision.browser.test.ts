import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api-session.js';
import { seriousViolations } from './axe.js';
import { hasChromium, launchChromium } from './chromium.js';
import { signedInPage } from './sign-in.js';
import { ADMIN, startTestServer } from './start-server.js';
import type { TestServer } from './start-server.js';

/** Bolton's decision the Quality Assurance Team takes with the provider at a QM-1 meeting (003 s1.QM-1). */
const AREAS = 'Areas for improvement agreed with the provider';

/** A QM-1 meeting's facts: an extra care service, CQC regulated (003 s1.QM-1). */
const QM1 = { providerType: 'Adult social care - CQC regulated', serviceType: 'Extra Care', qaActivity: 'QM-1' };

/**
 * A decision departing from the proposal without a reason, on the provider's page (issue 10's human
 * decisions). Bolton, QM-1 meeting on Monday 1 June 2020 with no Appendix 3 indicator: the pack
 * proposes "No areas for improvement" (003 s1.QM-1). The officer records "Areas for improvement" in the
 * browser without a reason, which the shipped pack does not ask for. A version published afterwards,
 * in force from 1 May 2020, requires a reason when departing from the proposal; the assessment is
 * determined again under it: the decision stands, marked `departsWithoutReason`, and the provider's
 * page asks for the reason, due with the QM-1 form, ten working days after the meeting (003 s2:
 * 2-5 June and 8-12 June are nine, Monday 15 June the tenth; no bank holiday falls between).
 */
describe.skipIf(!hasChromium)("a decision departing without a reason, on the provider's page", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let api: ApiSession;
  let providerId: string;
  let answering: string;
  /** A second provider whose decision without a reason a later visit leaves on an earlier determination. */
  let secondId: string;
  let secondAnswering: string;

  beforeAll(async () => {
    server = await startTestServer();
    api = new ApiSession(server.url);
    await api.signIn(ADMIN.email, ADMIN.password);
    providerId = (await api.ok<{ id: string }>('POST', '/api/councils/bolton/providers', { name: 'Moss Lane Extra Care' })).id;
    secondId = (await api.ok<{ id: string }>('POST', '/api/councils/bolton/providers', { name: 'Bank Top Care Home' })).id;
    browser = await launchChromium();
    page = await signedInPage(browser, server.url, { viewport: { width: 1280, height: 900 }, timeoutMs: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records in the browser a decision departing from the proposal, which needs no reason under the shipped pack', async () => {
    const assessed = await api.ok<{ id: string; determination: { proposals?: { decision: string; proposed: unknown }[] } }>('POST', '/api/councils/bolton/assessments', {
      providerId, date: '2020-06-01', judgements: {}, facts: QM1,
    });
    expect(assessed.determination.proposals?.find((p) => p.decision === 'improvementAreas')?.proposed).toBe('No areas for improvement');
    await page.goto(`${server.url}/#/councils/bolton/assessments/${assessed.id}`);
    const proposal = page.getByRole('region', { name: `${AREAS}: proposal` });
    await proposal.getByLabel('Decision').selectOption('Areas for improvement');
    await proposal.getByRole('button', { name: 'Record the decision' }).click();
    // The page moves to the determination the decision made.
    await page.locator('#decision-answers').waitFor();
    answering = /\/assessments\/([^/]+)$/.exec(page.url())![1]!;
    expect(answering).not.toBe(assessed.id);
    // The second provider: the same meeting and decision, recorded through the API.
    const second = await api.ok<{ id: string }>('POST', '/api/councils/bolton/assessments', { providerId: secondId, date: '2020-06-01', judgements: {}, facts: QM1 });
    secondAnswering = (await api.ok<{ id: string }>('POST', `/api/councils/bolton/assessments/${second.id}/decisions`, { decisions: { improvementAreas: { value: 'Areas for improvement' } } })).id;
  });

  it('asks for the reason on the provider page once a version requiring one when departing determines it again', async () => {
    const draft = await api.call<{ content: { decisions: Record<string, { decidedBy: Record<string, unknown> }> } }>('GET', '/api/councils/bolton/draft');
    const content = structuredClone(draft.body.content);
    content.decisions.improvementAreas!.decidedBy.reasonRequired = 'when-departing';
    const saved = await api.call<{ errors: unknown[] }>('PUT', '/api/councils/bolton/draft', content, { 'if-match': draft.headers.get('etag')! });
    expect([saved.status, saved.body.errors]).toEqual([200, []]);
    await api.ok('POST', '/api/councils/bolton/draft/publish', { effectiveFrom: '2020-05-01', confirmPastDate: true, note: 'A reason when departing from the proposed areas for improvement', acknowledgeFindings: true });
    await api.ok('POST', '/api/councils/bolton/redeterminations', { reason: 'The version requiring a reason is in force from 1 May 2020', assessmentIds: [answering, secondAnswering] });

    await page.goto(`${server.url}/#/councils/bolton/providers/${providerId}`);
    const item = page.locator('qaf-departing-decisions section');
    await item.waitFor();
    await page.getByRole('heading', { name: 'Decisions without a reason', level: 2 }).waitFor();
    const words = (await item.textContent())!.replace(/\s+/g, ' ');
    expect(words).toContain(`${AREAS}: The decision of the Quality Assurance Team, with the provider, departs from the proposal and has no reason: add one.`);
    expect(words).toContain(`Recorded: Areas for improvement, by ${ADMIN.email} on `);
    expect(words).toContain('without a reason. The framework (pack ');
    expect(words).toContain('now proposes No areas for improvement. Overdue: the reason was due by 15 June 2020.');
    // The determinations table marks the row too, the provider's current determination.
    await page.getByText('A decision departs from the proposal without a reason').waitFor();
    const current = page.locator('tr.current');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toContain('Current');
    expect(await current.textContent()).toContain('A decision departs from the proposal without a reason: add it');

    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    // The work queue says what was recorded in the same words as the provider's page (one source, the engine's).
    const recorded = /Recorded: Areas for improvement, by \S+ on \d{1,2} \w+ \d{4}, without a reason\./.exec(words)![0];
    await page.goto(`${server.url}/#/councils/bolton/work-queue`);
    const row = page.locator('qaf-work-queue tr', { hasText: 'Moss Lane Extra Care' }).filter({ hasText: 'without a reason' });
    await row.first().waitFor();
    const queued = (await row.first().textContent())!.replace(/\s+/g, ' ');
    expect(queued).toContain(`Confirm ${AREAS} with a reason. ${recorded} The framework now proposes No areas for improvement.`);
    expect(queued).toContain('the Quality Assurance Team, with the provider');
    // Back to the provider's page, where the next test adds the reason.
    await page.goto(`${server.url}/#/councils/bolton/providers/${providerId}`);
    await page.locator('qaf-departing-decisions section').waitFor();
  });

  it('adds the reason from the provider page: the request is gone and the history says why', async () => {
    await page.getByLabel('Reason for Areas for improvement').fill('Two care plans were out of date at the meeting');
    await page.getByRole('button', { name: 'Add the reason' }).click();
    // The timeline reloads: the determination answered and the one the reason made both say who decided what, and why.
    const why = page.getByText(/^Decision recorded: Areas for improvement agreed with the provider Areas for improvement, by .* \(Two care plans were out of date at the meeting\)/);
    await why.first().waitFor();
    expect(await why.count()).toBe(2);
    expect(await page.locator('qaf-departing-decisions section').count()).toBe(0);
    expect(await page.getByText('A decision departs from the proposal without a reason').count()).toBe(0);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });

  it('asks nothing about a decision without a reason once a later visit is the current determination: it is history', async () => {
    // A QM-1 meeting on 6 July 2020 at the second provider: its determination is now the current one (the work queue's).
    const later = await api.ok<{ id: string }>('POST', '/api/councils/bolton/assessments', { providerId: secondId, date: '2020-07-06', judgements: {}, facts: QM1 });
    const queue = await api.ok<{ items: { providerId: string; assessmentId?: string; label: string }[] }>('GET', `/api/councils/bolton/work-queue?today=2020-07-07&days=365&kind=decision&providerId=${secondId}`);
    expect(queue.items.filter((i) => /with a reason/.test(i.label))).toEqual([]);

    await page.goto(`${server.url}/#/councils/bolton/providers/${secondId}`);
    const history = page.locator('qaf-departing-decisions details.earlier');
    await history.waitFor();
    expect(await page.getByRole('heading', { name: 'Decisions without a reason', level: 2 }).count()).toBe(0);
    expect(await page.locator('qaf-departing-decisions section').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add the reason' }).count()).toBe(0);
    await history.locator('summary').click();
    const words = (await history.textContent())!.replace(/\s+/g, ' ');
    expect(words).toContain('Decisions without a reason on earlier determinations: history, nothing to do');
    expect(words).toContain(`${AREAS}: Recorded: Areas for improvement, by ${ADMIN.email} on `);
    expect(words).not.toContain('Overdue');
    // The table: the later visit is current; the earlier row says its decision is history, asking nothing.
    const current = page.locator('tr.current');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toContain('6 July 2020');
    expect(await current.locator('a').getAttribute('href')).toBe(`#/councils/bolton/assessments/${later.id}`);
    await page.getByText('A decision departed from the proposal without a reason (history: a later determination is current)').waitFor();
    expect(await page.getByText('add it under "Decisions without a reason"').count()).toBe(0);

    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });
});
