import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { boundaryCoverage, readLeftUncovered } from '@openqaf/engine';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { birminghamPlugin } from './birmingham-package.js';
import { hasChromium, launchChromium } from './chromium.js';
import { signedInPage } from './sign-in.js';
import { startTestServer } from './start-server.js';
import type { TestServer } from './start-server.js';

const LIST = '@openqaf/councils-birmingham/pack/left-uncovered-boundaries.json';
// The council packages are the server's dependencies: found from the server's own folder.
const fromServer = createRequire(new URL('../../node_modules/@openqaf/server/package.json', import.meta.url));

/** Birmingham's boundary coverage as the engine measures it from the package (what `qaf coverage birmingham --boundaries` prints). */
async function expectedSummary() {
  const birmingham = await birminghamPlugin();
  const leftUncovered = readLeftUncovered(readFileSync(fromServer.resolve(LIST), 'utf8'), LIST);
  const s = boundaryCoverage(birmingham.pack, birmingham.pack.cases ?? [], { leftUncovered }).summary;
  return `${s.covered} of ${s.sides} sides tested, ${s.leftUncovered} left untested with a reason, ${s.uncovered} not tested (${s.thresholds} thresholds)`;
}

/**
 * The quality lead sees which thresholds Birmingham's cases test on the cases and analysis page:
 * the summary line, each decision's table, the reasons from the package's list, and a case named
 * there opens in the case list (by keyboard); axe finds no serious or critical violation.
 */
describe.skipIf(!hasChromium)('thresholds tested, in the admin UI', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await signedInPage(browser, server.url, { viewport: { width: 1280, height: 900 }, timeoutMs: 120_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows Birmingham's draft's thresholds with the tested sides, the recorded reasons, and opens a case named there", async () => {
    await page.goto(`${server.url}/#/councils/birmingham/draft/checks`);
    const section = page.locator('qaf-thresholds-tested');
    await section.getByRole('heading', { name: 'Thresholds tested', level: 2 }).waitFor();
    await section.getByRole('button', { name: 'Show the thresholds tested' }).click();
    const summary = section.locator('[data-summary]');
    await summary.waitFor();
    const shown = (await summary.textContent())!.replace(/\s+/g, ' ').trim();
    expect(shown).toMatch(/^Of the draft \(revision \d+\): /);
    expect(shown.replace(/^Of the draft \(revision \d+\): /, '')).toBe(`${await expectedSummary()}.`);
    expect(await section.locator('[data-reasons]').textContent()).toContain(LIST);
    // Each decision under its own heading, its thresholds in a table with column headers.
    await section.getByRole('heading', { name: /^Domain rating/, level: 3 }).first().waitFor();
    const table = section.getByRole('table').first();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Threshold', 'Side', 'Tested by']);
    expect(await section.getByText('Left untested:').count()).toBeGreaterThan(0);
    expect(await section.getByText('Not tested', { exact: true }).count()).toBe(0);

    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    // A case named in the table opens in the case list, by keyboard, with focus on its heading.
    const link = section.getByRole('button', { name: 'involvement-gold-at-5-exceptional (open the case)' }).first();
    await link.focus();
    await page.keyboard.press('Enter');
    const heading = page.locator('qaf-case-editor').getByRole('heading', { name: 'Case involvement-gold-at-5-exceptional' });
    await heading.waitFor();
    expect(await heading.evaluate((h) => h.getRootNode() instanceof ShadowRoot && (h.getRootNode() as ShadowRoot).activeElement === h)).toBe(true);
  }, 300_000);
});
