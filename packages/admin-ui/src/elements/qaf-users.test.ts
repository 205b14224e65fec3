import { afterEach, describe, expect, it, vi } from 'vitest';
import { deepText, mount, text } from './mount.test-helpers.js';
import { fakeServer, fill, json, settled, submit } from './fake-server.test-helpers.js';
import './qaf-users.js';

const ann = { id: 'u-ann', email: 'ann@testshire.gov.uk', name: 'Ann Lee', platformAdmin: false, disabled: false, roles: { testshire: 'officer' } as Record<string, string> };

function server(createStatus = 201) {
  const users = [ann];
  return fakeServer(({ method, url, body }) => {
    if (url.pathname === '/api/users' && method === 'GET') return json({ users, nextCursor: null });
    if (url.pathname === '/api/users' && method === 'POST') {
      if (createStatus !== 201) return json({ error: { status: 422, code: 'invalid-body', message: 'The request body does not match its schema', details: [{ pointer: '/email', message: 'is already taken' }] } }, 422);
      const b = body as { email: string };
      users.push({ ...ann, id: 'u-new', email: b.email, name: '', roles: {} });
      return json(users.at(-1), 201);
    }
    if (url.pathname === '/api/users/u-ann' && method === 'PATCH') return json({ ...ann, disabled: true });
    if (url.pathname === '/api/users/u-ann/password' && method === 'POST') return json({ ok: true });
    if (url.pathname === '/api/users/u-ann/password-reset' && method === 'POST') {
      return json({ userId: 'u-ann', email: 'ann@testshire.gov.uk', code: 'one-time-code', resetPath: '#/reset-password/one-time-code', expiresAt: '2026-12-08T09:30:00.000Z' }, 201);
    }
    return undefined;
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('qaf-users', () => {
  it('lists users with their roles by council name', async () => {
    server();
    const el = await mount('qaf-users', { councilNames: { testshire: 'Testshire County Council' } });
    await settled(el);
    expect(text(el)).toContain('1 user');
    expect(text(el)).toContain('Testshire County Council: Quality officer');
  });

  it('refuses a short password before asking the server, linking the error to the field', async () => {
    const seen = server();
    const el = await mount('qaf-users', {});
    await settled(el);
    fill(el, 'email', 'bob@testshire.gov.uk');
    fill(el, 'password', 'short');
    submit(el, 'email');
    await settled(el);
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
    const summary = el.shadowRoot!.querySelector('qaf-error-summary')!;
    const link = summary.shadowRoot!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('#password');
    expect(link.textContent).toContain('at least 12 characters');
  });

  it('creates a user and shows them in the list', async () => {
    const seen = server();
    const el = await mount('qaf-users', {});
    await settled(el);
    fill(el, 'email', 'bob@testshire.gov.uk');
    fill(el, 'password', 'a-long-first-password');
    submit(el, 'email');
    await settled(el);
    expect(seen.find((r) => r.method === 'POST')!.body).toEqual({ email: 'bob@testshire.gov.uk', password: 'a-long-first-password', platformAdmin: false });
    expect(text(el)).toContain('Created bob@testshire.gov.uk');
    expect(text(el)).toContain('2 users');
  });

  it("names the field the server refused", async () => {
    server(422);
    const el = await mount('qaf-users', {});
    await settled(el);
    fill(el, 'email', 'ann@testshire.gov.uk');
    fill(el, 'password', 'a-long-first-password');
    submit(el, 'email');
    await settled(el);
    const link = el.shadowRoot!.querySelector('qaf-error-summary')!.shadowRoot!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('#email');
    expect(link.textContent).toContain('already taken');
  });

  it('disables a user and resets a password', async () => {
    const seen = server();
    const el = await mount('qaf-users', {});
    await settled(el);
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Disable ann@testshire.gov.uk')!.click();
    await settled(el);
    expect(seen.find((r) => r.method === 'PATCH')!.body).toEqual({ disabled: true });
    expect(text(el)).toContain('Disabled ann@testshire.gov.uk');
    fill(el, 'reset-password', 'another-long-password');
    submit(el, 'reset-password');
    await settled(el);
    expect(seen.find((r) => r.url.pathname === '/api/users/u-ann/password')!.body).toEqual({ password: 'another-long-password' });
    expect(text(el)).toContain('Temporary password set for ann@testshire.gov.uk: they must change it at their next sign-in');
  });

  it('issues a reset link and shows it once with the same element as a council\'s members page', async () => {
    const seen = server();
    const el = await mount('qaf-users', {});
    await settled(el);
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Reset link for ann@testshire.gov.uk')!.click();
    await settled(el);
    expect(seen.some((r) => r.method === 'POST' && r.url.pathname === '/api/users/u-ann/password-reset')).toBe(true);
    const notice = el.shadowRoot!.querySelector('qaf-reset-link')!;
    const link = notice.shadowRoot!.getElementById('reset-link') as HTMLInputElement;
    expect(link.value).toBe(`${location.origin}${location.pathname}#/reset-password/one-time-code`);
    expect(notice.shadowRoot!.activeElement).toBe(link);
    expect(deepText(el)).toContain('Password reset link for ann@testshire.gov.uk');
  });
});
