import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import { fakeServer, fill, json, settled, submit } from './fake-server.test-helpers.js';
import './qaf-council-members.js';

function server() {
  const members = [{ id: 'u-ann', email: 'ann@testshire.gov.uk', name: 'Ann Lee', role: 'officer' }];
  return fakeServer(({ method, url, body }) => {
    if (url.pathname === '/api/councils/testshire/members' && method === 'GET') return json({ members, nextCursor: null });
    if (url.pathname === '/api/users') return json({ users: [{ id: 'u-ann', email: 'ann@testshire.gov.uk' }, { id: 'u-bob', email: 'bob@testshire.gov.uk' }], nextCursor: null });
    const put = /^\/api\/councils\/testshire\/members\/(.+)$/.exec(url.pathname);
    if (put && method === 'PUT') {
      const role = (body as { role: string }).role;
      const m = members.find((x) => x.id === put[1]);
      if (m) m.role = role; else members.push({ id: put[1]!, email: 'bob@testshire.gov.uk', name: '', role });
      return json({ userId: put[1], role });
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
});
