import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api-session.js';
import { birminghamAsShipped } from './birmingham-package.js';
import { hasChromium, launchChromium } from './chromium.js';
import { ADMIN, UI_DIR, startTestServer } from './start-server.js';
import type { TestServer } from './start-server.js';

const OUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const VIEWER = { email: 'viewer@birmingham.example', password: 'browser-test-viewer-pass' };

/** Every Birmingham criterion Fully met, except the given ones. */
function judgements(pack: { framework: { domains: { standards: { criteria: { id: string }[] }[] }[] } }, except: Record<string, string> = {}) {
  const all: Record<string, string> = {};
  for (const d of pack.framework.domains) for (const s of d.standards) for (const c of s.criteria) all[c.id] = except[c.id] ?? 'Fully met';
  return all;
}

describe.skipIf(!hasChromium)('the admin UI in a real browser against the real server', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let steady: string;
  /** The seeded Birmingham pack's number of cases, its version and the next (read from the package, not pinned). */
  let shipped: { cases: number; version: string; nextPatch: string };

  const shot = (name: string) => page.screenshot({ path: `${OUT}${name}.png`, fullPage: false });
  const go = async (hash: string) => {
    await page.goto(`${server.url}/#${hash}`);
  };

  beforeAll(async () => {
    if (!existsSync(`${UI_DIR}index.html`)) throw new Error('The admin UI is not built: run `pnpm build` in packages/admin-ui first.');
    mkdirSync(OUT, { recursive: true });
    server = await startTestServer();
    shipped = await birminghamAsShipped();
    const api = new ApiSession(server.url);
    await api.signIn(ADMIN.email, ADMIN.password);
    await api.ok('POST', '/api/users', { email: VIEWER.email, name: 'Vera Viewer', password: VIEWER.password, roles: { birmingham: 'viewer' } });
    const { pack } = await api.ok<{ pack: Parameters<typeof judgements>[0] }>('GET', '/api/councils/birmingham/pack');
    const partlyMet = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'Partly met']));
    // Involvement Bronze, Safeguarding exactly 12 of 15 Fully met (Silver at 12, Bronze at 13): Silver overall today.
    const borderline = await api.ok<{ id: string }>('POST', '/api/councils/birmingham/providers', { name: 'Alder Court Home Support', serviceType: 'Home Support', cqcLocationId: '1-100000001' });
    await api.ok('POST', '/api/councils/birmingham/assessments', {
      providerId: borderline.id,
      date: '2025-03-03',
      judgements: judgements(pack, partlyMet(['inv-05', 'inv-06', 'inv-07', 'inv-08', 'saf-06', 'saf-07', 'saf-08'])),
      facts: { serviceType: 'Home Support' },
    });
    // Involvement Bronze and Safeguarding 11 of 15 Fully met: Bronze under either threshold.
    const bronze = await api.ok<{ id: string }>('POST', '/api/councils/birmingham/providers', { name: 'Cedar Lodge', serviceType: 'Home Support' });
    await api.ok('POST', '/api/councils/birmingham/assessments', {
      providerId: bronze.id,
      date: '2025-01-20',
      judgements: judgements(pack, partlyMet(['inv-05', 'inv-06', 'inv-07', 'inv-08', 'saf-06', 'saf-07', 'saf-08', 'saf-09'])),
      facts: { serviceType: 'Home Support' },
    });
    const steadyProvider = await api.ok<{ id: string }>('POST', '/api/councils/birmingham/providers', { name: 'Birch House Care', serviceType: 'Home Support' });
    steady = steadyProvider.id;
    await api.ok('POST', '/api/councils/birmingham/assessments', { providerId: steady, date: '2025-02-01', judgements: judgements(pack), facts: { serviceType: 'Home Support' } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs the council lead in and lists only the councils they have a role in', async () => {
    await go('/');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('wrong');
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your councils' }).waitFor();
    for (const name of ['Birmingham City Council', 'Bolton Council']) await page.getByRole('link', { name }).waitFor();
    await shot('01-councils');
  });

  it('shows the pack as the document would: the five domain band tables with their numbers and citations', async () => {
    await go('/councils/birmingham/pack');
    // The domain numbers table, headed by the declared parameters' labels (the rules name each domain's number, never the label).
    const table = page.getByRole('table', { name: /Numbers for each care domain/ })
      .filter({ has: page.getByRole('columnheader', { name: 'Silver: criteria rated Fully met, at least' }) });
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: 'Safeguarding and safety' });
    await expect.poll(() => row.textContent()).toContain('12');
    // The Silver rule names each domain's number (000 s3.2.2: 9, 13, 12, 15, 13), not the parameter's label in quotes.
    await page.getByText("at least the domain's number of criteria judged Fully met (Involvement and information 9, Personalised care and support 13, Safeguarding and safety 12").first().waitFor();
    await page.getByText('000 s3.2.2').first().waitFor();
    await shot('02-pack-view');
  });

  it('refuses a bad threshold and a bad due time at the field, in plain words', async () => {
    await go('/councils/birmingham/draft/edit');
    const threshold = page.getByRole('spinbutton', { name: /Silver: criteria rated Fully met, at least \(Safeguarding and safety\)/ });
    await threshold.fill('-1');
    // The bounds are the declared parameter's (label, unit and bounds from the pack).
    await page.getByText('This must be from 0 to 40 criteria.').waitFor();
    expect(await page.getByRole('button', { name: 'Save draft' }).isDisabled()).toBe(true);
    const due = page.getByRole('spinbutton', { name: /Provider submits the Improvement Action Plan within/ }).first();
    await due.fill('-2');
    await page.getByText('This must be from 0 to 90 days.').first().waitFor();
    await shot('03-validation-error');
    await threshold.scrollIntoViewIfNeeded();
    await shot('03a-threshold-error');
    await due.fill('7');
    // The council raises the Safeguarding Silver threshold from 12 to 13 of 15 Fully met.
    await threshold.fill('13');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/Draft saved \(revision \d+\)\. It is valid\./).waitFor();
  });

  it('runs the cases and analysis on the draft: the stricter threshold fails the boundary case at 12 Fully met', async () => {
    await go('/councils/birmingham/draft/checks');
    await page.getByText(`Showing ${shipped.cases} of ${shipped.cases} cases.`).waitFor();
    await page.getByRole('button', { name: "Run the pack's cases" }).click();
    await page.getByText(`${shipped.cases - 1} passed, 1 failed`).waitFor({ timeout: 30_000 });
    // The list now shows the failing case only, with what differed in plain words.
    await page.getByText(`Showing 1 of ${shipped.cases} cases.`).waitFor();
    const failing = page.getByRole('row').filter({ hasText: 'safeguarding-silver-at-12-fully-met' });
    await failing.getByText('Domain rating — Safeguarding and safety: expected Silver, got Bronze').waitFor();
    await page.getByRole('button', { name: 'Run the analysis' }).click();
    await page.getByText(/findings? in \d+ decisions?/).waitFor({ timeout: 30_000 });
    await shot('04-cases-and-analysis');
  });

  it('runs what-if: the provider with exactly 12 Fully met in Safeguarding would move from Silver to Bronze, with the chart', async () => {
    await go('/councils/birmingham/draft/what-if');
    await page.getByRole('button', { name: 'Run what-if' }).click();
    await page.getByText('1 of 3 providers would change').waitFor({ timeout: 30_000 });
    const row = page.getByRole('row').filter({ hasText: 'Alder Court Home Support' });
    expect(await row.textContent()).toMatch(/Silver.*Bronze/);
    await page.getByRole('img', { name: 'Providers per band before and after the draft' }).waitFor();
    await shot('05-what-if');
  });

  it('refuses to publish while a case fails', async () => {
    await go('/councils/birmingham/draft/publish');
    await page.getByText(`Changes from the published version ${shipped.version}`).waitFor({ timeout: 30_000 });
    await page.getByLabel(/Why is this version published/).fill('Safeguarding Silver at 13');
    await page.getByLabel(/In force from/).fill('2030-01-01');
    if (await page.getByLabel(/I have read the/).count()) await page.getByLabel(/I have read the/).check();
    await page.getByRole('button', { name: 'Publish the draft' }).click();
    await page.getByText(/Not published: .*cases fail/).waitFor({ timeout: 30_000 });
  });

  it('updates the boundary cases in the case editor, without JSON, until every case passes', async () => {
    await go('/councils/birmingham/draft/checks');
    await page.getByText(`Showing 1 of ${shipped.cases} cases.`).waitFor();
    await page.getByLabel('Find a case').fill('safeguarding-silver-at-12');
    await page.getByRole('button', { name: 'Edit case safeguarding-silver-at-12-fully-met' }).click();
    const editor = page.locator('qaf-case-editor');
    await editor.getByRole('heading', { name: 'Case safeguarding-silver-at-12-fully-met' }).waitFor();
    await editor.getByText("Expected values come from the council's document").waitFor();
    // The revised rule: 12 of 15 Fully met is now Bronze. The person chooses it; nothing is copied from the engine.
    const expected = editor.getByLabel('Domain rating — Safeguarding and safety (expected)');
    expect(await expected.inputValue()).toBe('"Silver"');
    await expected.selectOption({ label: 'Bronze' });
    await editor.getByLabel(/^Note/).fill('Safeguarding and safety: exactly 12 of 15 Fully met incl. all 5 Mandatory, the rest Partly met -> Bronze (one short of the revised Silver threshold of 13)');
    // The last run is kept: the failure and the engine's value are shown beside the expectation.
    await editor.getByText('Last run (before your changes): failed').waitFor();
    await editor.getByText('Last run (before your changes): Bronze').waitFor();
    await editor.getByRole('heading', { name: 'Case safeguarding-silver-at-12-fully-met' }).evaluate((h) => {
      h.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -70);
    });
    await shot('14-case-editor');

    // The other side of the new boundary: a copy with 13 Fully met, expected Silver.
    await editor.getByRole('button', { name: 'Copy this case' }).click();
    await editor.getByLabel('Id of the copy').fill('safeguarding-silver-at-13-fully-met');
    await editor.getByRole('button', { name: 'Make the copy' }).click();
    await editor.getByRole('heading', { name: 'Case safeguarding-silver-at-13-fully-met' }).waitFor();
    await editor.locator('summary', { hasText: 'Safeguarding and safety' }).click();
    await editor.getByLabel(/^saf-08 /).selectOption({ label: 'Not set (Fully met)' });
    await editor.getByLabel('Domain rating — Safeguarding and safety (expected)').selectOption({ label: 'Silver' });
    await editor.getByLabel(/^Note/).fill('Safeguarding and safety: exactly 13 of 15 Fully met incl. all 5 Mandatory, the rest Partly met -> Silver (the revised threshold)');

    await page.getByRole('button', { name: "Run the pack's cases" }).click();
    await page.getByText(`${shipped.cases + 1} passed, 0 failed`).waitFor({ timeout: 30_000 });
    await page.getByText(/Draft saved \(revision \d+\)\. It is valid\./).waitFor();
  });

  it('publishes the threshold change with a note and shows its diff line', async () => {
    await go('/councils/birmingham/draft/publish');
    // The diff in the council's words: the domain's title, the declared parameter's label and unit.
    const thresholdLine = 'Safeguarding and safety, Silver: criteria rated Fully met, at least 12 -> 13 criteria';
    await page.locator('qaf-diff-view').getByText(thresholdLine).waitFor({ timeout: 30_000 });
    await page.locator('qaf-diff-view').getByText('added case safeguarding-silver-at-13-fully-met').waitFor();
    await shot('06-publish-diff');
    await page.getByLabel(/Why is this version published/).fill('Safeguarding Silver now needs 13 of 15 criteria Fully met; boundary cases updated');
    await page.getByLabel(/In force from/).fill('2030-01-01');
    if (await page.getByLabel(/I have read the/).count()) await page.getByLabel(/I have read the/).check();
    await page.getByRole('button', { name: 'Publish the draft' }).click();
    await page.getByRole('heading', { name: 'Version history' }).waitFor({ timeout: 30_000 });
    await page.getByRole('cell', { name: shipped.nextPatch }).first().waitFor();
    // Scheduled for 2030: the seeded version stays in force today, and the published one is next.
    const escape = (v: string) => v.replace(/\./g, '\\.');
    await page.getByText(new RegExp(`In force today \\(.*\\): ${escape(shipped.version)}\\. Next: ${escape(shipped.nextPatch)}, in force from 1 January 2030`)).waitFor();
    await page.locator('qaf-diff-view').getByText(thresholdLine).waitFor();
    await shot('07-version-history');
  });

  it('records an assessment with a live preview and explains the determination', async () => {
    await go(`/councils/birmingham/providers`);
    await page.getByRole('link', { name: 'Birch House Care' }).click();
    await page.getByRole('link', { name: 'New assessment' }).click();
    await page.getByLabel('Date of this visit', { exact: true }).fill('2025-06-02');
    await page.getByLabel('Judge every criterion not yet judged as').selectOption('Fully met');
    await page.getByRole('button', { name: 'Fill the rest' }).click();
    await page.getByLabel(/^Service type/).selectOption('Home Support');
    const preview = page.getByRole('region', { name: 'Live preview' });
    await expect.poll(() => preview.getByRole('status', { name: 'Headline' }).textContent(), { timeout: 20_000 }).toContain('Silver');
    await shot('08-assessment-preview');
    await page.getByRole('button', { name: 'Submit the assessment' }).click();
    await page.getByRole('heading', { name: /Quality assurance report: Birch House Care/ }).waitFor({ timeout: 20_000 });
    await page.getByText('What kept it from the next band up').first().waitFor();
    await page.getByText('Not Gold:').first().waitFor();
    await page.getByRole('heading', { name: 'Interpretations relied on' }).waitFor();
    await shot('09-determination');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${OUT}10-print-report.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: '← Birch House Care' }).click();
    await page.getByRole('img', { name: /Rating history: 2025-02-01 Silver, 2025-06-02 Silver/ }).waitFor();
    await shot('10a-provider-page');
  });

  it('renders every council\'s pack, draft editor and providers without a script error', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const council of ['bolton', 'herefordshire']) {
      await go(`/councils/${council}/pack`);
      await page.getByRole('heading', { name: 'Decisions' }).waitFor();
      await go(`/councils/${council}/draft/edit`);
      await page.getByRole('button', { name: 'Save draft' }).waitFor();
      await go(`/councils/${council}/draft/checks`);
      await page.getByRole('button', { name: /^Edit case / }).first().click();
      await page.locator('qaf-case-editor').getByRole('heading', { name: 'What is expected' }).waitFor();
      await go(`/councils/${council}/providers`);
      await page.getByText('No providers yet.').waitFor();
    }
    expect(errors).toEqual([]);
  });

  it('shows the provider list with filter at tablet width', async () => {
    await page.setViewportSize({ width: 768, height: 1000 });
    await go('/councils/birmingham/providers');
    await page.getByRole('link', { name: 'Alder Court Home Support' }).waitFor();
    await page.getByLabel('Current rating').selectOption('Bronze');
    await page.getByRole('link', { name: 'Cedar Lodge' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Birch House Care' }).count()).toBe(0);
    await shot('11-providers-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('validates the JSON editor as you type and places the engine\'s problem at its value', async () => {
    await go('/councils/birmingham/draft/json');
    await page.locator('.cm-content').waitFor();
    await page.getByText('No problems found').waitFor({ timeout: 20_000 });
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('{"metadata": 1, "x": ');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('}');
    await page.getByRole('heading', { name: 'Problems' }).waitFor({ timeout: 20_000 });
    await page.locator('.cm-lintRange-error').first().waitFor();
    await shot('13-json-editor');
  });

  it('lets a viewer read the draft but not edit or publish it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const viewer = await context.newPage();
    await viewer.goto(`${server.url}/#/councils/birmingham/draft/edit`);
    await viewer.getByLabel('Email').fill(VIEWER.email);
    await viewer.getByLabel('Password').fill(VIEWER.password);
    await viewer.getByRole('button', { name: 'Sign in' }).click();
    await viewer.getByText("You can read the draft. Only the council's admins can change it.").waitFor();
    expect(await viewer.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    expect(await viewer.getByRole('spinbutton', { name: /Silver: criteria rated Fully met, at least \(Safeguarding and safety\)/ }).getAttribute('readonly')).not.toBeNull();
    await viewer.goto(`${server.url}/#/councils/birmingham/draft/checks`);
    await viewer.getByText("only the council's admins can change cases.").waitFor();
    await viewer.getByText(`Showing ${shipped.cases + 1} of ${shipped.cases + 1} cases.`).waitFor();
    expect(await viewer.getByRole('button', { name: /^Edit case / }).count()).toBe(0);
    await viewer.goto(`${server.url}/#/councils/birmingham/draft/publish`);
    await viewer.getByText("Only the council's admins can publish.").waitFor();
    // The server refuses the viewer's edit too, whatever the page shows.
    const status = await viewer.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/councils/birmingham/draft', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken, 'if-match': '"1"' }, body: '{}' });
      return res.status;
    });
    expect(status).toBe(403);
    await viewer.screenshot({ path: `${OUT}12-viewer-read-only.png` });
    await context.close();
  });
});
