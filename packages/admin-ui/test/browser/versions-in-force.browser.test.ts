import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api-session.js';
import { birminghamAsShipped } from './birmingham-package.js';
import { hasChromium, launchChromium } from './chromium.js';
import { signedInPage } from './sign-in.js';
import { ADMIN, startTestServer } from './start-server.js';
import type { TestServer } from './start-server.js';

const OFFICER = { email: 'officer@birmingham.example', password: 'browser-test-officer-pass' };
const BASE = '/api/councils/birmingham';
/** Publishing and rolling back run the pack's validation, cases and analysis: slow on a loaded machine. */
const PACK_WORK_MS = 240_000;

/**
 * Issue 13, "Versions in force", end to end with the Birmingham pack: a version published with a
 * past in-force date lists the stored assessments of that period; a roll back withdraws it and lists
 * what was decided under it (and, apart, the visit record awaiting sign-off); one action determines
 * them again, the earlier determination kept in the provider's history as superseded, with why; the
 * reviewer is shown that signing off decides the visit under the version in force.
 */
describe.skipIf(!hasChromium)('versions in force, roll back and re-determination in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let officer: ApiSession;
  let alder: string;
  let birch: string;
  let visitId: string;
  let judgements: Record<string, string>;
  /** Birmingham's seeded version, as its package ships it. */
  let seededVersion: string;

  const go = (hash: string) => page.goto(`${server.url}/#${hash}`);

  beforeAll(async () => {
    server = await startTestServer();
    seededVersion = (await birminghamAsShipped()).version;
    admin = new ApiSession(server.url);
    await admin.signIn(ADMIN.email, ADMIN.password);
    await admin.ok('POST', '/api/users', { email: OFFICER.email, name: 'Olu Officer', password: OFFICER.password, roles: { birmingham: 'officer' } });
    officer = new ApiSession(server.url);
    await officer.signIn(OFFICER.email, OFFICER.password);
    alder = (await admin.ok<{ id: string }>('POST', `${BASE}/providers`, { name: 'Alder Home Support', serviceType: 'Home Support' })).id;
    birch = (await admin.ok<{ id: string }>('POST', `${BASE}/providers`, { name: 'Birch Home Support', serviceType: 'Home Support' })).id;
    const { pack } = await admin.ok<{ pack: { framework: { domains: { standards: { criteria: { id: string }[] }[] }[] } } }>('GET', `${BASE}/pack`);
    judgements = Object.fromEntries(pack.framework.domains.flatMap((d) => d.standards.flatMap((s) => s.criteria.map((c) => [c.id, 'Fully met']))));
    // Recorded before the new version: decided under Birmingham's seeded version.
    await officer.ok('POST', `${BASE}/assessments`, { providerId: alder, date: '2026-03-02', judgements, facts: { serviceType: 'Home Support' } });
    // A draft that differs from the seeded version only in the words of an interpretation, so every case still passes.
    const draft = await admin.call<{ content: { interpretations: Record<string, { note: string }> } }>('GET', `${BASE}/draft`);
    const content = structuredClone(draft.body.content);
    content.interpretations['criteria-layout']!.note += ' Reviewed by the quality lead.';
    const saved = await admin.call('PUT', `${BASE}/draft`, content, { 'if-match': draft.headers.get('etag')! });
    if (saved.status !== 200) throw new Error(`draft not saved: ${saved.status} ${JSON.stringify(saved.body)}`);
    browser = await launchChromium();
    page = await signedInPage(browser, server.url, { viewport: { width: 1280, height: 900 }, timeoutMs: 90_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('publishing with a past in-force date lists the stored assessments of that period, and publishes once confirmed', async () => {
    await go('/councils/birmingham/draft/publish');
    await page.getByLabel(/Why is this version published/).fill('Interpretation reworded');
    await page.getByLabel('Version (optional)').fill('1.3.0');
    await page.getByLabel(/In force from/).fill('2026-01-01');
    if (await page.getByLabel(/I have read the/).count()) await page.getByLabel(/I have read the/).check();
    await page.getByRole('button', { name: 'Publish the draft' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Not published' });
    await refused.waitFor();
    const words = (await refused.textContent())!.replace(/\s+/g, ' ');
    expect(words).toMatch(/1 stored assessment\(s\) fall in the period/);
    expect(words).toMatch(/Alder Home Support, 2026-03-02: (\w+) -> \1/);
    await page.getByLabel(/I have reviewed the stored assessments/).check();
    await page.getByRole('button', { name: 'Publish the draft' }).click();
    await page.getByRole('heading', { name: 'Version history' }).waitFor();
    await page.getByText(/In force today \(.*\): 1\.3\.0\./).waitFor();
  }, PACK_WORK_MS);

  it('a roll back lists what was decided under the withdrawn version, and the visit awaiting sign-off apart; one action determines them again, the earlier kept as superseded', async () => {
    // Decided under 1.3.0: an assessment entered directly, and a visit record submitted but not signed off.
    await officer.ok('POST', `${BASE}/assessments`, { providerId: alder, date: '2026-11-09', judgements, facts: { serviceType: 'Home Support' } });
    const visit = await officer.ok<{ id: string }>('POST', `${BASE}/visits`, { providerId: birch, date: '2026-11-02' });
    visitId = visit.id;
    const saved = await officer.call('PUT', `${BASE}/visits/${visitId}/draft`, { date: '2026-11-02', judgements, facts: { serviceType: 'Home Support' }, factsConfirmed: true }, { 'if-match': '"1"' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const submitted = await officer.call('POST', `${BASE}/visits/${visitId}/submit`, undefined, { 'if-match': '"2"' });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

    await go('/councils/birmingham/versions');
    await page.getByLabel(`Why roll back to ${seededVersion}?`).fill('Reworded without the lead\'s review');
    await page.getByRole('button', { name: `Roll back to ${seededVersion}` }).click();
    await page.getByText(/Rolled back: 1\.3\.0 withdrawn for their whole period/).waitFor();
    const stale = page.getByRole('alert').filter({ hasText: 'decided under a version not in force on their date' });
    await stale.getByRole('heading', { name: '2 assessments decided under a version not in force on their date' }).waitFor();
    await stale.getByText(/Alder Home Support, 9 November 2026: decided under 1\.3\.0 \(withdrawn: Reworded without the lead's review\)/).waitFor();
    expect(await stale.getByText('Birch Home Support').count()).toBe(0);
    const awaiting = page.locator('#awaiting-sign-off');
    await awaiting.getByText(/Birch Home Support, 2 November 2026: submitted under 1\.3\.0/).waitFor();

    await page.getByLabel(/Why determine them again/).fill('1.3.0 withdrawn');
    await page.getByRole('button', { name: 'Determine all 2 again' }).click();
    await page.getByText('2 assessments determined again; the earlier determinations stay in each provider\'s history, marked superseded.').waitFor();
    await page.locator('#awaiting-sign-off').getByText('Birch Home Support').waitFor();

    await go(`/councils/birmingham/providers/${alder}`);
    await page.getByText(/Earlier: \w+ under 1\.3\.0, superseded .*: 1\.3\.0 withdrawn/).waitFor();
    await page.getByText(new RegExp(`Earlier: \\w+ under ${seededVersion.replace(/\./g, '\\.')}, superseded .*: 1\\.3\\.0 withdrawn`)).waitFor();
  }, PACK_WORK_MS);

  it('shows the reviewer that signing off decides the visit under the version in force, and keeps the submitted determination as superseded', async () => {
    await go(`/councils/birmingham/visits/${visitId}`);
    await page.locator('#not-in-force').getByText(/Submitted under version 1\.3\.0, which was withdrawn since/).waitFor();
    const button = page.getByRole('button', { name: /Sign off, determined again under version [\d.]+/ });
    const label = (await button.textContent())!;
    const inForce = /version ([\d.]+)/.exec(label)![1]!;
    await button.click();
    await page.getByText(/Status: Signed off/).waitFor();
    await go(`/councils/birmingham/providers/${birch}`);
    await page.getByText(new RegExp(`Earlier: \\w+ under 1\\.3\\.0, superseded .*: Signed off under version ${inForce.replace(/\./g, '\\.')}`)).waitFor();
    await page.getByText('Provisional: awaiting sign-off').waitFor({ state: 'detached' });
  }, PACK_WORK_MS);
});
