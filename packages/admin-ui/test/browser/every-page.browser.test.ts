import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, BrowserContext, Cookie } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_PAGE, href } from '../../src/routing/route.js';
import type { PageIds } from '../../src/routing/route.js';
import { seriousViolations } from './axe.js';
import { hasChromium, launchChromium } from './chromium.js';
import { coldLoad, seedPageIds, signInCookies } from './page-load.js';
import { UI_DIR, startTestServer } from './start-server.js';
import type { TestServer } from './start-server.js';


/**
 * Every page of the admin UI (one route of each, from the router's own list), loaded cold at
 * 390 px wide as a platform admin: axe finds no serious or critical violation, nothing scrolls
 * sideways, and the cold load is timed, to the page usable and to every section settled (figures
 * in the test output, never asserted: a loaded machine makes a page slower, not wrong).
 */
describe.skipIf(!hasChromium)('every page: accessible, 390 px wide, cold load timed', () => {
  let server: TestServer;
  let browser: Browser;
  let cookies: Cookie[];
  let ids: PageIds;
  const timings: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    ids = await seedPageIds(server.url);
    browser = await launchChromium();
    cookies = await signInCookies(browser, server.url);
  });

  afterAll(async () => {
    if (timings.length) console.log(`[admin-ui] cold load at 390 px, from navigation start: page usable (frame and primary content; only sections marked aria-busy still loading), every section settled, DOMContentLoaded; kB transferred:\n  ${timings.join('\n  ')}`);
    await browser?.close();
    await server?.stop();
  });

  it('ships CodeMirror only in the JSON editor chunk, compressed copies of the bundle, and preloads the app chunk', () => {
    const assets = readdirSync(`${UI_DIR}assets`);
    const main = assets.find((f) => /^index-.*\.js$/.test(f))!;
    const editor = assets.find((f) => /^qaf-json-editor-.*\.js$/.test(f));
    expect(editor, 'the JSON editor is a chunk of its own').toBeDefined();
    const mainText = readFileSync(`${UI_DIR}assets/${main}`, 'utf8');
    // CodeMirror's own class names: in the editor chunk, never in the main one.
    expect(readFileSync(`${UI_DIR}assets/${editor}`, 'utf8')).toContain('cm-content');
    expect(mainText).not.toContain('cm-content');
    expect(assets).toContain(`${main}.br`);
    expect(assets).toContain(`${main}.gz`);
    // The app's chunk is fetched beside the small entry, not after it has run.
    const app = assets.find((f) => /^qaf-app-.*\.js$/.test(f))!;
    expect(readFileSync(`${UI_DIR}index.html`, 'utf8')).toContain(`<link rel="modulepreload" crossorigin href="./assets/${app}">`);
  });

  const pages = Object.keys(EVERY_PAGE) as (keyof typeof EVERY_PAGE)[];
  it.each(pages)('%s', async (name) => {
    const route = EVERY_PAGE[name](ids);
    const context: BrowserContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      await context.addCookies(cookies);
      const { page, load } = await coldLoad(context, server.url, route);
      timings.push(`${name.padEnd(14)} usable ${String(load.usableMs).padStart(5)} ms; settled ${String(load.settledMs).padStart(5)} ms; DOMContentLoaded ${String(load.dclMs).padStart(5)} ms; ${String(load.kB).padStart(4)} kB`);

      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      // The narrowest elements reaching past the right edge, through shadow roots: what to fix.
      const wide = width <= 390 ? [] : await page.evaluate(() => {
        const out: { el: Element; w: number }[] = [];
        const walk = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > 391) out.push({ el, w: r.width });
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        const leaves = out.filter((o) => !out.some((p) => p.el !== o.el && o.el.contains(p.el)));
        return leaves.slice(0, 5).map((o) => `${o.el.tagName.toLowerCase()}.${[...o.el.classList].join('.')} "${(o.el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(o.w)}px`);
      });
      expect(width, `no sideways scrolling at 390 px: ${wide.join('; ')}`).toBeLessThanOrEqual(390);

      const violations = await seriousViolations(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    } finally {
      await context.close();
    }
    // Axe over a page of 233 cases takes long on a loaded machine: slower, not wrong.
  }, 180_000);

  // Last, so the pages' cold loads are timed with no analysis queued before them.
  it("the analysis in the UI: the draft's findings and the time it took, as the page shows it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addCookies(cookies);
      const page = await context.newPage();
      page.setDefaultTimeout(280_000);
      await page.goto(`${server.url}/${href({ page: 'checks', council: ids.council })}`);
      await page.getByRole('button', { name: 'Run the analysis' }).click();
      const analysed = page.locator('[data-analysed]');
      await analysed.waitFor();
      const words = (await analysed.textContent())!.trim();
      expect(words).toMatch(/^Analysed in \d+ ms\.$/);
      expect(await page.getByRole('status').filter({ hasText: /\d+ findings? in \d+ decisions/ }).count()).toBe(1);
      console.log(`[admin-ui] the analysis in the UI (Birmingham's draft, from the click to the answer): ${words}`);
    } finally {
      await context.close();
    }
  }, 300_000);
});
