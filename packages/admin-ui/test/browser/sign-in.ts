import type { Browser, Page } from 'playwright-core';
import { ADMIN } from './start-server.js';

/** Who signs in: the platform admin the test server is seeded with, unless told. */
export interface SignInAs {
  email: string;
  password: string;
}

/**
 * Signs a browser page in on the admin UI at `base` as `who`, and waits for the councils list the
 * admin UI opens on.
 */
export async function signIn(page: Page, base: string, who: SignInAs = ADMIN): Promise<void> {
  await page.goto(`${base}/#/`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your councils' }).waitFor();
}

/**
 * A new page of `browser`, `viewport` wide and high, waiting up to `timeoutMs` by default, signed
 * in on the admin UI at `base` as `who` (see {@link signIn}).
 */
export async function signedInPage(
  browser: Browser,
  base: string,
  options: { viewport: { width: number; height: number }; timeoutMs: number; who?: SignInAs },
): Promise<Page> {
  const page = await browser.newPage({ viewport: options.viewport });
  page.setDefaultTimeout(options.timeoutMs);
  await signIn(page, base, options.who);
  return page;
}
