import { afterEach, describe, expect, it, vi } from 'vitest';
import { deepText, mount, text } from './mount.test-helpers.js';
import { fakeServer, fill, json, settled, submit } from './fake-server.test-helpers.js';
import { passwordProblems } from './qaf-choose-password.js';

afterEach(() => vi.unstubAllGlobals());

describe('qaf-choose-password', () => {
  it('asks for at least 12 characters, typed the same twice', () => {
    expect(passwordProblems('short', 'short')).toEqual([{ field: 'new-password', message: 'Enter a new password of at least 12 characters' }]);
    expect(passwordProblems('a long passphrase', 'a long passphrasE')).toEqual([{ field: 'repeat-password', message: 'Type the same new password twice' }]);
    expect(passwordProblems('a long passphrase', 'a long passphrase')).toEqual([]);
  });

  it('sets the password with the reset code, then offers to sign in', async () => {
    const seen = fakeServer(({ method, url }) => (method === 'POST' && url.pathname === '/api/auth/password-reset' ? new Response(null, { status: 204 }) : undefined));
    const el = await mount('qaf-choose-password', { code: 'one-time-code' });
    expect(el.shadowRoot!.getElementById('current-password')).toBeNull();
    fill(el, 'new-password', 'a passphrase I chose');
    fill(el, 'repeat-password', 'a passphrase I chose');
    submit(el, 'new-password');
    await settled(el);
    expect(seen.find((r) => r.method === 'POST')!.body).toEqual({ code: 'one-time-code', newPassword: 'a passphrase I chose' });
    expect(text(el)).toContain('Your new password is set');
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).toBe('#/sign-in');
  });

  it("shows the server's refusal of a used or expired code", async () => {
    fakeServer(({ method }) => (method === 'POST'
      ? json({ error: { status: 400, code: 'invalid-reset-code', message: 'The reset code is unknown, already used or expired: ask an admin for a new one', details: [{ pointer: '/code', message: 'unknown, used or expired' }] } }, 400)
      : undefined));
    const el = await mount('qaf-choose-password', { code: 'used-code' });
    fill(el, 'new-password', 'a passphrase I chose');
    fill(el, 'repeat-password', 'a passphrase I chose');
    submit(el, 'new-password');
    await settled(el);
    expect(deepText(el)).toContain('unknown, used or expired');
    expect(text(el)).not.toContain('Your new password is set');
  });

  it('replaces a temporary password, asking for it, and says so to the app', async () => {
    const seen = fakeServer(({ method, url }) => (method === 'POST' && url.pathname === '/api/auth/password' ? new Response(null, { status: 204 }) : undefined));
    const el = await mount('qaf-choose-password', {});
    let changed = false;
    el.addEventListener('password-changed', () => (changed = true));
    expect(text(el)).toContain('Your password was set by an admin and is temporary');
    fill(el, 'current-password', 'the admin typed this');
    fill(el, 'new-password', 'a passphrase I chose');
    fill(el, 'repeat-password', 'a passphrase I chose');
    submit(el, 'new-password');
    await settled(el);
    expect(seen.find((r) => r.method === 'POST')!.body).toEqual({ currentPassword: 'the admin typed this', newPassword: 'a passphrase I chose' });
    expect(changed).toBe(true);
  });
});
