import type { Browser, BrowserContext, Cookie, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api-session.js';
import { hasChromium, launchChromium } from './chromium.js';
import { ADMIN, startTestServer } from './start-server.js';
import type { TestServer } from './start-server.js';

/** The value at a JSON pointer of a document. */
function at(doc: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce<unknown>((v, t) => (v as Record<string, unknown>)?.[t.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/**
 * Two tabs (two browser contexts, one quality lead) edit Birmingham's draft: the second saves
 * first, the first's save is refused and shown at the top, "Reload and reapply my changes" keeps
 * both edits; leaving the page with unsaved changes asks first, in the app and on closing the tab.
 */
describe.skipIf(!hasChromium)('unsaved edits are never lost', () => {
  let server: TestServer;
  let browser: Browser;
  let cookies: Cookie[];
  let api: ApiSession;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    api = new ApiSession(server.url);
    await api.signIn(ADMIN.email, ADMIN.password);
    browser = await launchChromium();
    const signIn = await browser.newContext();
    const page = await signIn.newPage();
    await page.goto(`${server.url}/#/`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your councils' }).waitFor();
    cookies = await signIn.cookies();
    await signIn.close();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const EDITABLE_NUMBER = 'input[type="number"]:not([readonly])';

  async function tab(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await context.addCookies(cookies);
    const page = await context.newPage();
    page.setDefaultTimeout(50_000);
    await page.goto(`${server.url}/#/councils/birmingham/draft/edit`);
    await page.getByRole('heading', { name: 'Edit the draft' }).waitFor();
    await page.getByRole('button', { name: 'Save draft' }).waitFor();
    return page;
  }

  /**
   * The n-th number field of the editor a person can change (the counts kept from the criteria list are
   * read-only, and the draft keeps the pack's member order, so they may come first): its pointer in the
   * pack and a new value within its bounds.
   */
  async function numberField(page: Page, n: number): Promise<{ input: Locator; pointer: string; value: number }> {
    const editor = page.locator('qaf-field-editor').filter({ has: page.locator(EDITABLE_NUMBER) }).nth(n);
    const input = editor.locator('input[type="number"]');
    const pointer = await editor.evaluate((el) => (el as unknown as { field: { pointer: string } }).field.pointer);
    const now = Number(await input.inputValue());
    const max = await input.getAttribute('max');
    const value = max !== null && now + 1 > Number(max) ? now - 1 : now + 1;
    return { input, pointer, value };
  }

  it("keeps both tabs' changes after a conflicting save, with 'Reload and reapply my changes'", async () => {
    const first = await tab();
    const second = await tab();
    const mine = await numberField(first, 0);
    const theirs = await numberField(second, 1);
    expect(theirs.pointer).not.toBe(mine.pointer);

    await mine.input.fill(String(mine.value));
    await theirs.input.fill(String(theirs.value));
    await second.getByRole('button', { name: 'Save draft' }).click();
    await second.getByText(/Draft saved \(revision/).waitFor();

    await first.getByRole('button', { name: 'Save draft' }).click();
    const refused = first.getByRole('alert').filter({ hasText: 'someone else saved the draft' });
    await refused.waitFor();
    // Shown at the top, above the editor's fields.
    const top = await refused.boundingBox();
    const field = await mine.input.boundingBox();
    expect(top!.y).toBeLessThan(field!.y);

    await first.getByRole('button', { name: 'Reload and reapply my changes' }).click();
    await first.getByText(/reapplied your changes on it/).waitFor();
    await expect.poll(() => first.locator(`qaf-field-editor ${EDITABLE_NUMBER}`).nth(1).inputValue()).toBe(String(theirs.value));
    expect(await mine.input.inputValue()).toBe(String(mine.value));

    await first.getByRole('button', { name: 'Save draft' }).click();
    await first.getByText(/Draft saved \(revision/).waitFor();
    const { content } = await api.ok<{ content: unknown }>('GET', '/api/councils/birmingham/draft');
    expect(at(content, mine.pointer)).toBe(mine.value);
    expect(at(content, theirs.pointer)).toBe(theirs.value);
  });

  it('asks before leaving a page with unsaved changes, in the app and on closing the tab', async () => {
    const page = await tab();
    const field = await numberField(page, 2);
    await field.input.fill(String(field.value));
    await page.getByText('Unsaved changes').waitFor();

    // In-app navigation: staying keeps the page and the change.
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.message()); void d.dismiss(); }));
    await page.locator('qaf-council-nav').getByRole('link', { name: 'Versions' }).click();
    expect(await asked).toMatch(/not saved/);
    expect(new URL(page.url()).hash).toBe('#/councils/birmingham/draft/edit');
    expect(await field.input.inputValue()).toBe(String(field.value));

    // Closing the tab: the browser's own warning.
    const unload = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    expect(await unload).toBe('beforeunload');
  });

  it('asks before leaving the JSON editor with typed text not yet saved, in the app and on closing the tab', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await context.addCookies(cookies);
    const page = await context.newPage();
    page.setDefaultTimeout(50_000);
    await page.goto(`${server.url}/#/councils/birmingham/draft/json`);
    await page.getByRole('button', { name: 'Save draft' }).waitFor();
    const editor = page.getByRole('textbox', { name: 'The draft pack as JSON' });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' ');
    await page.getByText('Unsaved changes').waitFor();

    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.message()); void d.dismiss(); }));
    await page.locator('qaf-council-nav').getByRole('link', { name: 'Versions' }).click();
    expect(await asked).toMatch(/not saved/);
    expect(new URL(page.url()).hash).toBe('#/councils/birmingham/draft/json');

    const unload = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    expect(await unload).toBe('beforeunload');
  });
});
