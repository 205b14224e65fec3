import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Cookie } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_PAGE, href } from '../../src/routing/route.js';
import type { PageIds } from '../../src/routing/route.js';
import { ApiSession } from './api-session.js';
import { hasChromium, launchChromium } from './chromium.js';
import { ADMIN, UI_DIR, startTestServer } from './start-server.js';
import type { TestServer } from './start-server.js';


const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** Axe results of the impacts the issue forbids. */
interface Violation { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }

/**
 * True once the page is there and no page part says it is loading (in any shadow root). With
 * `sectionsMayLoad`, a part still loading inside a section marked `aria-busy="true"` (one a page
 * fills in when it comes, e.g. the publish page's analysis) is allowed: the page is usable. Without
 * it, every section has settled.
 */
function loadedInPage(sectionsMayLoad: boolean): boolean {
  const loading = (root: Document | ShadowRoot): boolean =>
    [...root.querySelectorAll('*')].some((el) => (el.tagName === 'QAF-STATUS' && el.getAttribute('kind') === 'loading' && !(sectionsMayLoad && el.closest('[aria-busy="true"]'))) || (el.shadowRoot ? loading(el.shadowRoot) : false));
  const app = document.querySelector('qaf-app');
  return Boolean(app?.shadowRoot?.querySelector('main')?.childElementCount) && !loading(document);
}

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
    const api = new ApiSession(server.url);
    await api.signIn(ADMIN.email, ADMIN.password);
    const provider = await api.ok<{ id: string }>('POST', '/api/councils/birmingham/providers', { name: 'Alder Court Home Support', serviceType: 'Home Support' });
    const { pack } = await api.ok<{ pack: { framework: { domains: { standards: { criteria: { id: string }[] }[] }[] } } }>('GET', '/api/councils/birmingham/pack');
    const judgements: Record<string, string> = {};
    for (const d of pack.framework.domains) for (const s of d.standards) for (const c of s.criteria) judgements[c.id] = 'Fully met';
    const assessment = await api.ok<{ id: string }>('POST', '/api/councils/birmingham/assessments', { providerId: provider.id, date: '2025-03-03', judgements, facts: { serviceType: 'Home Support' } });
    const visit = await api.ok<{ id: string }>('POST', '/api/councils/birmingham/visits', { providerId: provider.id });
    ids = { council: 'birmingham', provider: provider.id, assessment: assessment.id, visit: visit.id };
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
    if (timings.length) console.log(`[admin-ui] cold load at 390 px, from navigation start: page usable (frame and primary content; only sections marked aria-busy still loading), every section settled, DOMContentLoaded; kB transferred:\n  ${timings.join('\n  ')}`);
    await browser?.close();
    await server?.stop();
  });

  it('ships CodeMirror only in the JSON editor chunk, and compressed copies of the bundle', () => {
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
  });

  const pages = Object.keys(EVERY_PAGE) as (keyof typeof EVERY_PAGE)[];
  it.each(pages)('%s', async (name) => {
    const route = EVERY_PAGE[name](ids);
    const context: BrowserContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      await context.addCookies(cookies);
      const page = await context.newPage();
      page.setDefaultTimeout(50_000);
      let bytes = 0;
      page.on('response', (r) => { void r.request().sizes().then((s) => { bytes += s.responseBodySize + s.responseHeadersSize; }).catch(() => undefined); });
      const started = Date.now();
      await page.goto(`${server.url}/${href(route)}`);
      await page.waitForFunction(loadedInPage, true, { timeout: 50_000, polling: 50 });
      const usableMs = Date.now() - started;
      await page.waitForFunction(loadedInPage, false, { timeout: 50_000, polling: 50 });
      const settledMs = Date.now() - started;
      const dcl = await page.evaluate(() => Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
      timings.push(`${name.padEnd(14)} usable ${String(usableMs).padStart(5)} ms; settled ${String(settledMs).padStart(5)} ms; DOMContentLoaded ${String(dcl).padStart(5)} ms; ${String(Math.round(bytes / 1024)).padStart(4)} kB`);

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

      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
      });
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    } finally {
      await context.close();
    }
  });

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
