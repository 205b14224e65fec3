import { afterEach, describe, expect, it, vi } from 'vitest';
import { deepText, mount, text } from './mount.test-helpers.js';
import { fakeServer, fill, json, settled, submit } from './fake-server.test-helpers.js';
import './qaf-council-members.js';

function server() {
  const members = [{ id: 'u-ann', email: 'ann@testshire.gov.uk', name: 'Ann Lee', role: 'officer', disabled: false }];
  return fakeServer(({ method, url, body }) => {
    if (url.pathname === '/api/councils/testshire/members' && method === 'GET') return json({ members, nextCursor: null });
    if (url.pathname === '/api/users') return json({ users: [{ id: 'u-ann', email: 'ann@testshire.gov.uk' }, { id: 'u-bob', email: 'bob@testshire.gov.uk' }], nextCursor: null });
    const put = /^\/api\/councils\/testshire\/members\/(.+)$/.exec(url.pathname);
    if (put && method === 'PUT') {
      const role = (body as { role: string }).role;
      const m = members.find((x) => x.id === put[1]);
      if (m) m.role = role; else members.push({ id: put[1]!, email: 'bob@testshire.gov.uk', name: '', role, disabled: false });
      return json({ userId: put[1], role });
    }
    if (put && method === 'PATCH') {
      const m = members.find((x) => x.id === put[1])!;
      m.disabled = (body as { disabled: boolean }).disabled;
      return json({ ...m, platformAdmin: false, roles: { testshire: m.role } });
    }
    if (url.pathname === '/api/councils/testshire/members/u-ann/password-reset' && method === 'POST') {
      return json({ userId: 'u-ann', email: 'ann@testshire.gov.uk', code: 'one-time-code', resetPath: '#/reset-password/one-time-code', expiresAt: '2026-12-08T09:30:00.000Z' }, 201);
    }
    return undefined;
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('qaf-council-members', () => {
  it("shows the council's users by the council's name with their role chosen", async () => {
    server();
    const el = await mount('qaf-council-members', { council: 'testshire', councilName: 'Testshire County Council' });
    await settled(el);
    expect(text(el)).toContain('1 user with a role in Testshire County Council');
    const select = el.shadowRoot!.getElementById('role-u-ann') as HTMLSelectElement;
    expect([...select.options].find((o) => o.selected)!.value).toBe('officer');
    expect(text(el)).not.toContain('Grant a role');
  });

  it('changes a role', async () => {
    const seen = server();
    const el = await mount('qaf-council-members', { council: 'testshire' });
    await settled(el);
    fill(el, 'role-u-ann', 'council-admin');
    await settled(el);
    expect(seen.find((r) => r.method === 'PUT')).toMatchObject({ body: { role: 'council-admin' } });
    expect(text(el)).toContain('ann@testshire.gov.uk is now council admin');
  });

  it('lets a platform admin grant a role to a user who has none here', async () => {
    const seen = server();
    const el = await mount('qaf-council-members', { council: 'testshire', platformAdmin: true });
    await settled(el);
    const options = [...(el.shadowRoot!.getElementById('grant-user') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['u-bob']);
    fill(el, 'grant-user', 'u-bob');
    fill(el, 'grant-role', 'viewer');
    submit(el, 'grant-user');
    await settled(el);
    expect(seen.find((r) => r.method === 'PUT')!.url.pathname).toBe('/api/councils/testshire/members/u-bob');
    expect(text(el)).toContain('2 users with a role');
  });

  it("disables a member, shows the account as disabled, and enables them again", async () => {
    const seen = server();
    const el = await mount('qaf-council-members', { council: 'testshire' });
    await settled(el);
    const button = (name: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;
    button('Disable ann@testshire.gov.uk').click();
    await settled(el);
    expect(seen.find((r) => r.method === 'PATCH')).toMatchObject({ body: { disabled: true } });
    expect(text(el)).toContain('Disabled ann@testshire.gov.uk: signed out everywhere, API tokens revoked.');
    expect(el.shadowRoot!.querySelector('tbody strong.bad')!.textContent).toBe('Disabled');
    button('Enable ann@testshire.gov.uk').click();
    await settled(el);
    expect(seen.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([{ disabled: true }, { disabled: false }]);
    expect(text(el)).toContain('Enabled ann@testshire.gov.uk');
  });

  it('issues a reset link and shows it once, with when it stops working and how to hand it over', async () => {
    server();
    const el = await mount('qaf-council-members', { council: 'testshire' });
    await settled(el);
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Reset link for ann@testshire.gov.uk')!.click();
    await settled(el);
    // Shown by the one reset-link element the Users page shows it with too.
    const notice = el.shadowRoot!.querySelector('qaf-reset-link')!;
    const link = notice.shadowRoot!.getElementById('reset-link') as HTMLInputElement;
    expect(link.value).toBe(`${location.origin}${location.pathname}#/reset-password/one-time-code`);
    expect(notice.shadowRoot!.activeElement).toBe(link);
    expect(deepText(el)).toContain('Shown once');
    expect(deepText(el)).toContain('8 December 2026, 09:30 UTC');
    expect(deepText(el)).toContain('There is no email from OpenQAF');
  });
});
