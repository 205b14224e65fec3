import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api-session.js';
import { hasChromium, launchChromium } from './chromium.js';
import { ADMIN, UI_DIR, startTestServer } from './start-server.js';
import type { TestServer } from './start-server.js';

/**
 * Getting back into an account, in a real browser against the real server: a council admin
 * issues a one-time reset link on the members page and the user chooses a password with it; a
 * user given a temporary password must choose their own at sign-in; a council admin disables
 * and enables a member.
 */
describe.skipIf(!hasChromium)('password resets and disabled accounts in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let api: ApiSession;
  const members = '/#/councils/birmingham/members';

  async function freshPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  async function signInAs(page: Page, email: string, password: string) {
    await page.goto(`${server.url}/#/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  beforeAll(async () => {
    if (!existsSync(`${UI_DIR}index.html`)) throw new Error('The admin UI is not built: run `pnpm build` in packages/admin-ui first.');
    server = await startTestServer();
    api = new ApiSession(server.url);
    await api.signIn(ADMIN.email, ADMIN.password);
    for (const email of ['reset.me@birmingham.example', 'temporary@birmingham.example', 'disable.me@birmingham.example']) {
      await api.ok('POST', '/api/users', { email, password: 'a first password given', roles: { birmingham: 'officer' } });
    }
    browser = await launchChromium();
    admin = await freshPage();
    await signInAs(admin, ADMIN.email, ADMIN.password);
    await admin.getByRole('heading', { name: 'Your councils' }).waitFor();
    // Starting and seeding the server is slow on a busy machine.
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('issues a one-time reset link on the members page; the user chooses a password with it and signs in, and the link then fails', async () => {
    await admin.goto(`${server.url}${members}`);
    await admin.getByRole('button', { name: 'Reset link for reset.me@birmingham.example' }).click();
    await admin.getByRole('heading', { name: 'Password reset link for reset.me@birmingham.example' }).waitFor();
    const link = await admin.getByLabel('Reset link', { exact: true }).inputValue();
    expect(link).toMatch(/#\/reset-password\/[A-Za-z0-9_-]{43}$/);

    const user = await freshPage();
    await user.goto(link);
    await user.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await user.getByLabel('New password', { exact: true }).fill('the password I chose');
    await user.getByLabel('New password again').fill('the password I chose');
    await user.getByRole('button', { name: 'Set the new password' }).click();
    await user.getByText('Your new password is set').waitFor();
    await user.getByRole('link', { name: 'Sign in with it' }).click();
    await signInAs(user, 'reset.me@birmingham.example', 'the password I chose');
    await user.getByRole('heading', { name: 'Your councils' }).waitFor();

    const again = await freshPage();
    await again.goto(link);
    await again.getByLabel('New password', { exact: true }).fill('another password here');
    await again.getByLabel('New password again').fill('another password here');
    await again.getByRole('button', { name: 'Set the new password' }).click();
    await again.getByText(/unknown, used or expired/).first().waitFor();
    await expect.poll(() => again.getByText('Your new password is set').count()).toBe(0);
  });

  it('makes a user with a temporary password choose their own before anything else', async () => {
    const users = await api.ok<{ users: { id: string; email: string }[] }>('GET', '/api/users');
    const id = users.users.find((u) => u.email === 'temporary@birmingham.example')!.id;
    await api.ok('POST', `/api/users/${id}/password`, { password: 'the admin typed this' });
    const user = await freshPage();
    await signInAs(user, 'temporary@birmingham.example', 'the admin typed this');
    await user.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    await user.getByLabel('Temporary password').fill('the admin typed this');
    await user.getByLabel('New password', { exact: true }).fill('my own password now');
    await user.getByLabel('New password again').fill('my own password now');
    await user.getByRole('button', { name: 'Set the new password' }).click();
    await user.getByRole('heading', { name: 'Your councils' }).waitFor();
  });

  it('lets a council admin disable a member, who is signed out at once, and enable them again', async () => {
    const user = await freshPage();
    await signInAs(user, 'disable.me@birmingham.example', 'a first password given');
    await user.getByRole('heading', { name: 'Your councils' }).waitFor();

    await admin.goto(`${server.url}${members}`);
    await admin.getByRole('button', { name: 'Disable disable.me@birmingham.example' }).click();
    await admin.getByText('Disabled disable.me@birmingham.example: signed out everywhere, API tokens revoked.').waitFor();
    await admin.getByRole('button', { name: 'Enable disable.me@birmingham.example' }).waitFor();
    await user.reload();
    await user.getByRole('button', { name: 'Sign in' }).waitFor();

    await admin.getByRole('button', { name: 'Enable disable.me@birmingham.example' }).click();
    await admin.getByText('Enabled disable.me@birmingham.example').waitFor();
    await signInAs(user, 'disable.me@birmingham.example', 'a first password given');
    await user.getByRole('heading', { name: 'Your councils' }).waitFor();
  });
});
