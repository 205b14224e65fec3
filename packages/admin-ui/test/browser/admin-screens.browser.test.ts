import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './chromium.js';
import { signedInPage } from './sign-in.js';
import { ADMIN, UI_DIR, startTestServer } from './start-server.js';
import type { TestServer } from './start-server.js';

/**
 * The admin screens on a phone-width screen (390 px), in a real browser against the real
 * server: a platform admin creates a user, grants them a role, makes and revokes an API token,
 * and imports providers from CSV with its per-row report.
 */
describe.skipIf(!hasChromium)('the admin screens in a real browser, 390 px wide', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(`${UI_DIR}index.html`)) throw new Error('The admin UI is not built: run `pnpm build` in packages/admin-ui first.');
    server = await startTestServer();
    browser = await launchChromium();
    page = await signedInPage(browser, server.url, { viewport: { width: 390, height: 844 }, timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a user, grants them a role in Birmingham, then makes and revokes an API token', async () => {
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.getByLabel('Email').fill('olive@birmingham.example');
    await page.getByLabel('Name').fill('Olive Officer');
    await page.getByLabel('First password').fill('short');
    await page.getByRole('button', { name: 'Create user' }).click();
    // The error summary links to the field and focuses it.
    await page.getByRole('link', { name: /at least 12 characters/ }).click();
    await expect.poll(() => page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.id;
    })).toBe('password');
    await page.getByLabel('First password').fill('olive-first-password');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('Created olive@birmingham.example').waitFor();
    await page.getByRole('button', { name: 'Disable olive@birmingham.example' }).waitFor();

    await page.goto(`${server.url}/#/councils/birmingham/members`);
    await page.getByRole('heading', { name: 'Users and roles in Birmingham City Council' }).waitFor();
    await page.getByLabel('User', { exact: true }).selectOption({ label: 'olive@birmingham.example' });
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Quality officer' });
    await page.getByRole('button', { name: 'Grant role' }).click();
    await page.getByText('olive@birmingham.example is now quality officer in Birmingham City Council.').waitFor();
    await expect.poll(() => page.getByLabel('Role of olive@birmingham.example').inputValue()).toBe('officer');

    // As Birmingham's admin, a token for Olive: its secret shown once, working as Olive until revoked.
    await page.getByRole('button', { name: 'API tokens of olive@birmingham.example' }).click();
    await page.getByRole('heading', { name: 'API tokens of olive@birmingham.example' }).waitFor();
    await page.getByLabel('Name').fill('Olive survey upload');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('heading', { name: 'New token "Olive survey upload" for olive@birmingham.example' }).waitFor();
    const oliveSecret = (await page.locator('code.secret').textContent())!.trim();
    const asOlive = () => fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${oliveSecret}` } });
    expect(((await (await asOlive()).json()) as { user: { email: string } }).user.email).toBe('olive@birmingham.example');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Revoke Olive survey upload' }).click();
    await page.getByText('Revoked "Olive survey upload"').waitFor();
    await expect.poll(async () => (await asOlive()).status).toBe(401);
    await page.getByRole('button', { name: 'Close the tokens of olive@birmingham.example' }).click();

    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'Your API tokens' }).waitFor();
    await page.getByLabel('Name').fill('Nightly CQC import');
    await page.getByLabel(/Write:/).check();
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.locator('code.secret').textContent())!.trim();
    expect(secret.length).toBeGreaterThan(20);
    // The token works against the API until it is revoked.
    const me = () => fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${secret}` } }).then((r) => r.json() as Promise<{ user: { email: string } | null }>);
    expect((await me()).user?.email).toBe(ADMIN.email);
    await page.getByRole('cell', { name: 'read, write' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Revoke Nightly CQC import' }).click();
    await page.getByText('Revoked "Nightly CQC import"').waitFor();
    await expect.poll(async () => (await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
  });

  it("imports Birmingham providers from CSV and reports each row", async () => {
    await page.goto(`${server.url}/#/councils/birmingham/providers/import`);
    await page.getByRole('heading', { name: 'Import and export providers' }).waitFor();
    await page.getByLabel('Or paste the CSV').fill('name,cqcLocationId,serviceType,size.beds\nWillow Bank,1-555000001,Residential care,32\n,1-555000002,Residential care,10\n');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: /Import report|There is a problem/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'There is a problem' }).count(), await page.evaluate(() => document.querySelector('qaf-app')!.shadowRoot!.querySelector('qaf-provider-import')!.shadowRoot!.querySelector('qaf-error-summary')!.shadowRoot!.textContent!)).toBe(0);
    await page.getByRole('heading', { name: 'Import report' }).waitFor();
    await page.getByText('1 provider added, 0 updated, 0 unchanged, 1 row rejected.').waitFor();
    const rows = page.getByRole('row');
    await expect.poll(() => rows.filter({ hasText: '1-555000001' }).textContent()).toContain('Added');
    await expect.poll(() => rows.filter({ hasText: '1-555000002' }).textContent()).toMatch(/Rejected[\s\S]*name/);
    const exported = await fetch(`${server.url}/api/councils/birmingham/providers/export`, { headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(await exported.text()).toContain('Willow Bank');
  });

  it("adds and edits a Bolton provider with the size details Bolton's pack reads, refusing a bad one at the field, and the audit entry says what changed", async () => {
    await page.goto(`${server.url}/#/councils/bolton/providers`);
    await page.getByText('Add a provider').click();
    await page.getByLabel('Name', { exact: true }).fill('Oak House');
    await page.getByLabel('Service type (optional)').selectOption('Nursing homes');
    await page.getByLabel('Beds (optional)').fill('0');
    await page.getByRole('button', { name: 'Add the provider' }).click();
    await page.getByRole('link', { name: 'Beds: must be at least 1' }).waitFor();
    await page.getByLabel('Beds (optional)').fill('12');
    await page.getByRole('button', { name: 'Add the provider' }).click();
    await page.getByRole('heading', { name: 'Oak House' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByText("Edit the provider's details").click();
    await expect.poll(() => page.getByLabel('Beds (optional)').inputValue()).toBe('12');
    await page.getByLabel('Beds (optional)').fill('14');
    await page.getByRole('button', { name: 'Save the provider' }).click();
    await expect.poll(() => page.getByLabel('Beds (optional)').inputValue()).toBe('14');

    await page.goto(`${server.url}/#/councils/bolton/audit`);
    await page.getByLabel('Kind of change').selectOption({ label: 'Provider edited' });
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByRole('button', { name: /Open entry/ }).first().click();
    await page.getByText('Beds: 12 → 14').waitFor();
  });
});
