import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api-session.js';
import { hasChromium, launchChromium } from './chromium.js';
import { focusedId, recordVisitByKeyboard } from './keyboard-visit.js';
import { ADMIN, startTestServer } from './start-server.js';
import type { TestServer } from './start-server.js';

const OFFICER = { email: 'officer@birmingham.example', password: 'browser-test-officer-pass' };

describe.skipIf(!hasChromium)('the visit record in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let api: ApiSession;
  let providerId: string;

  const signIn = async (p: Page, who: { email: string; password: string }) => {
    await p.goto(`${server.url}/#/`);
    await p.getByLabel('Email').fill(who.email);
    await p.getByLabel('Password').fill(who.password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('heading', { name: 'Your councils' }).waitFor();
  };

  beforeAll(async () => {
    server = await startTestServer();
    api = new ApiSession(server.url);
    await api.signIn(ADMIN.email, ADMIN.password);
    await api.ok('POST', '/api/users', { email: OFFICER.email, name: 'Olu Officer', password: OFFICER.password, roles: { birmingham: 'officer' } });
    providerId = (await api.ok<{ id: string }>('POST', '/api/councils/birmingham/providers', { name: 'Rowan Home Support', serviceType: 'Home Support', cqcLocationId: '1-200000001' })).id;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, OFFICER);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records a full Birmingham visit by keyboard only in under 200 key presses, and a second person signs it off', async () => {
    await page.goto(`${server.url}/#/councils/birmingham/providers/${providerId}`);
    const presses = await recordVisitByKeyboard(page, {
      // Involvement: inv-05..08 Partly met; Safeguarding: saf-06..08 Partly met (12 of 15 Fully met).
      partly: [['Involvement and information', ['inv-05', 'inv-06', 'inv-07', 'inv-08']], ['Safeguarding and safety', ['saf-06', 'saf-07', 'saf-08']]],
      evidence: 'Two of five care plans not reviewed in 12 months',
      beforeSubmit: async () => {
        // The service type was filled from the provider record.
        expect(await page.getByLabel(/Service type/).inputValue()).toBe('Home Support');
        expect(await page.locator('#fill').inputValue()).toBe('Fully met');
        // 000 s3.2.2 bands: Safeguarding Silver at 12 of 15 Fully met; Involvement with 4 of 12 Partly met is Bronze.
        await page.getByRole('heading', { name: /Safeguarding and safety — band Silver/ }).waitFor();
        await page.getByRole('heading', { name: /Involvement and information — band Bronze/ }).waitFor();
      },
    });
    console.log(`[visit-record] a full Birmingham visit by keyboard: ${presses} key presses`);
    expect(presses).toBeLessThan(200);
    expect(presses).toBeGreaterThan(20);

    // A second person (the council lead) reviews and signs it off.
    const reviewer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(reviewer, ADMIN);
    await reviewer.goto(page.url());
    await reviewer.getByRole('button', { name: 'Sign off the visit record' }).waitFor();
    await reviewer.getByText('Two of five care plans not reviewed in 12 months').waitFor();
    // The officer's confirmation of the facts from the provider record was saved with the draft.
    expect(await reviewer.locator('qaf-visit-review #facts-confirmed').textContent()).toMatch(/Service type: Home Support.*were confirmed by/);
    await reviewer.getByRole('button', { name: 'Sign off the visit record' }).click();
    await reviewer.getByText('the determination is final').waitFor();
    await reviewer.close();
  });

  it('records a Bolton visit (indicators as facts) and a Herefordshire visit (measures) through the same form', async () => {
    const lead = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    lead.setDefaultTimeout(20_000);
    await signIn(lead, ADMIN);
    const bolton = await api.ok<{ id: string }>('POST', '/api/councils/bolton/providers', { name: 'Moss Lane Care' });
    await lead.goto(`${server.url}/#/councils/bolton/providers/${bolton.id}`);
    await lead.getByRole('button', { name: 'Start a visit record' }).click();
    await lead.getByLabel('Date of the visit').waitFor();
    // Bolton's required facts by the pack's titles (003): no judgements, no fill.
    expect(await lead.locator('#fill').count()).toBe(0);
    await lead.getByRole('button', { name: 'Continue to check your answers' }).click();
    await lead.getByRole('link', { name: 'Choose provider type' }).waitFor();
    await lead.getByLabel(/^Provider type/).selectOption('Adult social care - non-regulated');
    await lead.getByLabel(/^QA activity recorded/).selectOption('QM-1');
    await lead.getByRole('button', { name: 'Continue to check your answers' }).click();
    await lead.getByRole('button', { name: 'Submit the visit record for sign-off' }).click();
    await lead.getByText('Submitted, awaiting sign-off').first().waitFor();

    const hereford = await api.ok<{ id: string }>('POST', '/api/councils/herefordshire/providers', { name: 'Wye View' });
    await lead.goto(`${server.url}/#/councils/herefordshire/providers/${hereford.id}`);
    await lead.getByRole('button', { name: 'Start a visit record' }).click();
    await lead.getByLabel('Date of the visit').waitFor();
    // 004 A1: measures judged Area for improvement, Good, Good practice; fill the rest with Good.
    await lead.locator('#fill').selectOption('Good');
    await lead.getByRole('button', { name: 'Fill the rest' }).click();
    await lead.getByText('0 left').waitFor();
    await lead.getByRole('button', { name: 'Continue to check your answers' }).click();
    await lead.getByRole('heading', { name: 'Check your answers before submitting' }).waitFor();
    await lead.getByRole('button', { name: 'Submit the visit record for sign-off' }).click();
    await lead.getByText('Submitted, awaiting sign-off').first().waitFor();
    // The submitter cannot sign off their own record.
    await lead.getByText('You submitted this visit record: a second person signs it off.').waitFor();
    await lead.close();
  });

  it('feeds a decision for a person, recorded from the visit form, into the determination made at submit (Herefordshire)', async () => {
    const lead = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    lead.setDefaultTimeout(20_000);
    await signIn(lead, ADMIN);
    const hereford = await api.ok<{ id: string }>('POST', '/api/councils/herefordshire/providers', { name: 'Lugg Meadow' });
    const visit = await api.ok<{ id: string; revision: number }>('POST', '/api/councils/herefordshire/visits', { providerId: hereford.id });
    // 004 3.4.2: Level 1 indicators (CQC Outstanding or Good, feedback generally positive, little or no quality concerns).
    const facts = { overallCqcRatingOutstandingOrGood: true, feedbackGenerallyPositive: true, littleOrNoQualityConcerns: true };
    const today = new Date().toISOString().slice(0, 10);
    const saved = await api.call('PUT', `/api/councils/herefordshire/visits/${visit.id}/draft`, { date: today, judgements: {}, facts }, { 'if-match': `"${visit.revision}"` });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await lead.goto(`${server.url}/#/councils/herefordshire/visits/${visit.id}`);
    await lead.locator('#fill').selectOption('Good');
    await lead.getByRole('button', { name: 'Fill the rest' }).click();
    // 004 3.4.4: the level is the team manager's or the panel's decision; the pack proposes Level 1.
    const proposal = lead.getByRole('region', { name: 'Quality threshold level: proposal' });
    await proposal.getByText('Proposed: Level 1').waitFor();
    await proposal.getByLabel('Decision').selectOption('Level 2');
    await proposal.getByLabel('Reason').fill('The panel escalated after the visit');
    await proposal.getByRole('button', { name: 'Record the decision' }).click();
    await lead.getByText('All changes saved.').waitFor();
    await lead.getByRole('button', { name: 'Continue to check your answers' }).click();
    await lead.getByRole('button', { name: 'Submit the visit record for sign-off' }).click();
    await lead.getByText('Submitted, awaiting sign-off').first().waitFor();
    const submitted = await api.ok<{ assessmentId: string; draft: { decisions?: Record<string, { value: string }> } }>('GET', `/api/councils/herefordshire/visits/${visit.id}`);
    expect(submitted.draft.decisions?.qualityThresholdLevel?.value).toBe('Level 2');
    const stored = await api.ok<{ determination: { decisions: Record<string, unknown>; proposals?: { decision: string }[] } }>('GET', `/api/councils/herefordshire/assessments/${submitted.assessmentId}`);
    expect(stored.determination.decisions.qualityThresholdLevel).toBe('Level 2');
    expect((stored.determination.proposals ?? []).map((p) => p.decision)).not.toContain('qualityThresholdLevel');
    await lead.close();
  });

  it('lets the reviewer return a submitted record with a reason, which the officer sees on the draft', async () => {
    const visit = await api.ok<{ id: string }>('POST', '/api/councils/birmingham/visits', { providerId });
    const reviewer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(reviewer, ADMIN);
    // The officer fills and submits it.
    await page.goto(`${server.url}/#/councils/birmingham/visits/${visit.id}`);
    await page.getByLabel('Date of the visit').waitFor();
    await page.getByLabel('The facts from the provider record are right').check();
    await page.getByRole('button', { name: 'Fill the rest' }).click();
    await page.getByText('All changes saved.').waitFor();
    await page.getByRole('button', { name: 'Continue to check your answers' }).click();
    await page.getByRole('button', { name: 'Submit the visit record for sign-off' }).click();
    await page.getByText('Submitted, awaiting sign-off').first().waitFor();
    await reviewer.goto(page.url());
    await reviewer.getByRole('button', { name: 'Return to the officer' }).click();
    await reviewer.getByRole('alert').filter({ hasText: 'Enter the reason' }).waitFor();
    await reviewer.getByLabel('Or return it to the officer, saying why').fill('No evidence recorded for Safeguarding');
    await reviewer.getByRole('button', { name: 'Return to the officer' }).click();
    await reviewer.getByText('Returned by the reviewer').waitFor();
    await reviewer.close();
    await page.reload();
    await page.getByText('Returned by the reviewer: “No evidence recorded for Safeguarding”').waitFor();
    await page.getByLabel('Date of the visit').waitFor();
  });

  it('resumes a draft after a reload, with the judgement saved as it was entered', async () => {
    const visit = await api.ok<{ id: string }>('POST', '/api/councils/birmingham/visits', { providerId });
    await page.goto(`${server.url}/#/councils/birmingham/visits/${visit.id}`);
    await page.getByLabel('Date of the visit').waitFor();
    const radio = page.locator('#j-inv-01-1');
    await radio.check();
    await page.getByLabel('The facts from the provider record are right').check();
    await page.getByText('All changes saved.').waitFor();
    await page.reload();
    await page.getByLabel('Date of the visit').waitFor();
    expect(await page.locator('#j-inv-01-1').isChecked()).toBe(true);
    // The tick was saved with the draft, and is cleared by changing a fact from the provider record.
    expect(await page.getByLabel('The facts from the provider record are right').isChecked()).toBe(true);
    expect(await page.locator('#j-inv-01').isChecked()).toBe(false);
    // A file of a type the server refuses: its reason is shown at the criterion, nothing is added.
    await page.getByText('Evidence for this criterion (0)').first().click();
    await page.locator('#evf-inv-01').setInputFiles({ name: 'run.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Not added' }).first().textContent()).toContain('Evidence files may be PDF, images or office documents');
    expect(await page.getByText('Evidence for this criterion (0)').first().isVisible()).toBe(true);
  });

  it('warns before the page is left while a change is not saved (beforeunload prevented), and not once it is', async () => {
    const visit = await api.ok<{ id: string }>('POST', '/api/councils/birmingham/visits', { providerId });
    await page.goto(`${server.url}/#/councils/birmingham/visits/${visit.id}`);
    await page.getByLabel('Date of the visit').waitFor();
    const leaving = () => page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(await leaving()).toBe(false);
    // The save is held until the test lets it through: the change stays unsaved however slow the machine.
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/visits/*/draft', async (route) => {
      await held;
      await route.continue();
    });
    await page.locator('#j-inv-01-1').check();
    expect(await leaving()).toBe(true);
    release();
    await page.getByText('All changes saved.').waitFor();
    expect(await leaving()).toBe(false);
    await page.unroute('**/visits/*/draft');
  });

  it('lists every problem in an error summary linking to its field, in the pack words', async () => {
    const visit = await api.ok<{ id: string }>('POST', '/api/councils/birmingham/visits', { providerId });
    await page.goto(`${server.url}/#/councils/birmingham/visits/${visit.id}`);
    await page.getByRole('button', { name: 'Continue to check your answers' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    const confirm = page.getByRole('link', { name: 'Confirm the facts from the provider record, or correct them' });
    await confirm.waitFor();
    const summary = await page.getByRole('alert').filter({ hasText: 'There is a problem' }).textContent();
    expect(summary).not.toMatch(/inv-\d\d/);
    await page.getByRole('link', { name: /^Choose a judgement for "/ }).first().click();
    expect(await focusedId(page)).toBe('j-inv-01');
  });
});
