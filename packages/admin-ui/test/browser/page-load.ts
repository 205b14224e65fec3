import type { Browser, BrowserContext, Cookie } from 'playwright-core';
import type { PageIds, Route } from '../../src/routing/route.js';
import { href } from '../../src/routing/route.js';
import { ApiSession } from './api-session.js';
import { ADMIN } from './start-server.js';

/**
 * True once the page is there and no page part says it is loading (in any shadow root). With
 * `sectionsMayLoad`, a part still loading inside a section marked `aria-busy="true"` (one a page
 * fills in when it comes, e.g. the publish page's analysis) is allowed: the page is usable. Without
 * it, every section has settled. Runs in the page.
 */
export function loadedInPage(sectionsMayLoad: boolean): boolean {
  const loading = (root: Document | ShadowRoot): boolean =>
    [...root.querySelectorAll('*')].some((el) => (el.tagName === 'QAF-STATUS' && el.getAttribute('kind') === 'loading' && !(sectionsMayLoad && el.closest('[aria-busy="true"]'))) || (el.shadowRoot ? loading(el.shadowRoot) : false));
  const app = document.querySelector('qaf-app');
  return Boolean(app?.shadowRoot?.querySelector('main')?.childElementCount) && !loading(document);
}

/** One cold load: from navigation start to the page usable and to every section settled, DOMContentLoaded, bytes. */
export interface ColdLoad {
  usableMs: number;
  settledMs: number;
  dclMs: number;
  kB: number;
}

/**
 * Opens `route` in `context` (a fresh one: nothing cached) and times it, waiting on the page's own
 * state (polled every 50 ms), never on a fixed delay. Returns the page for further checks.
 */
export async function coldLoad(context: BrowserContext, base: string, route: Route) {
  const page = await context.newPage();
  page.setDefaultTimeout(50_000);
  let bytes = 0;
  page.on('response', (r) => { void r.request().sizes().then((s) => { bytes += s.responseBodySize + s.responseHeadersSize; }).catch(() => undefined); });
  const started = Date.now();
  await page.goto(`${base}/${href(route)}`);
  await page.waitForFunction(loadedInPage, true, { timeout: 50_000, polling: 50 });
  const usableMs = Date.now() - started;
  await page.waitForFunction(loadedInPage, false, { timeout: 50_000, polling: 50 });
  const settledMs = Date.now() - started;
  const dclMs = await page.evaluate(() => Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
  return { page, load: { usableMs, settledMs, dclMs, kB: Math.round(bytes / 1024) } satisfies ColdLoad };
}

/** A provider, an assessment and a visit in Birmingham, so every page has something to show. */
export async function seedPageIds(base: string): Promise<PageIds> {
  const api = new ApiSession(base);
  await api.signIn(ADMIN.email, ADMIN.password);
  const provider = await api.ok<{ id: string }>('POST', '/api/councils/birmingham/providers', { name: 'Alder Court Home Support', serviceType: 'Home Support' });
  const { pack } = await api.ok<{ pack: { framework: { domains: { standards: { criteria: { id: string }[] }[] }[] } } }>('GET', '/api/councils/birmingham/pack');
  const judgements: Record<string, string> = {};
  for (const d of pack.framework.domains) for (const s of d.standards) for (const c of s.criteria) judgements[c.id] = 'Fully met';
  const assessment = await api.ok<{ id: string }>('POST', '/api/councils/birmingham/assessments', { providerId: provider.id, date: '2025-03-03', judgements, facts: { serviceType: 'Home Support' } });
  const visit = await api.ok<{ id: string }>('POST', '/api/councils/birmingham/visits', { providerId: provider.id });
  return { council: 'birmingham', provider: provider.id, assessment: assessment.id, visit: visit.id };
}

/** Signs the admin in through the sign-in page and returns the session's cookies. */
export async function signInCookies(browser: Browser, base: string): Promise<Cookie[]> {
  const signIn = await browser.newContext();
  try {
    const page = await signIn.newPage();
    await page.goto(`${base}/#/`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your councils' }).waitFor();
    return await signIn.cookies();
  } finally {
    await signIn.close();
  }
}
