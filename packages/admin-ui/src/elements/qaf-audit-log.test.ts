import { afterEach, describe, expect, it, vi } from 'vitest';
import { deepText, mount, text } from './mount.test-helpers.js';
import { fakeServer, fill, json, settled, submit } from './fake-server.test-helpers.js';
import './qaf-audit-log.js';

const entry = (id: number, action: string, at: string, extra = {}) => ({ id, at, actor: 'u-ann', councilId: 'testshire', action, entity: 'provider', entityId: 'p-1', beforeHash: null, afterHash: 'sha256:after', detail: {}, ...extra });

function server() {
  return fakeServer(({ method, url }) => {
    if (url.pathname === '/api/councils/testshire/members') return json({ members: [{ id: 'u-ann', email: 'ann@testshire.gov.uk', name: 'Ann Lee', role: 'council-admin' }], nextCursor: null });
    if (url.pathname === '/api/councils/testshire/audit' && method === 'GET') {
      const all = [entry(2, 'provider-update', '2026-12-01T14:05:00Z', { beforeHash: 'sha256:before' }), entry(1, 'provider-create', '2026-11-30T09:00:00Z')];
      const action = url.searchParams.get('action');
      return json({ entries: action ? all.filter((e) => e.action === action) : all, nextCursor: null });
    }
    if (url.pathname === '/api/councils/testshire/audit/2') return json(entry(2, 'provider-update', '2026-12-01T14:05:00Z', { beforeHash: 'sha256:before', detail: { changed: ['size.beds'] } }));
    return undefined;
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('qaf-audit-log', () => {
  it("lists the council's entries with names, kinds in words and UK dates", async () => {
    server();
    const el = await mount('qaf-audit-log', { council: 'testshire' });
    await settled(el);
    const t = text(el);
    expect(t).toContain('2 entries');
    expect(t).toContain('1 December 2026, 14:05 UTC');
    expect(t).toContain('Provider edited');
    expect(t).toContain('Ann Lee (ann@testshire.gov.uk)');
  });

  it('sends the filters it was given and shows only what the server answered', async () => {
    const seen = server();
    const el = await mount('qaf-audit-log', { council: 'testshire' });
    await settled(el);
    fill(el, 'action', 'provider-create');
    fill(el, 'provider', 'p-1');
    fill(el, 'from', '2026-11-01');
    submit(el, 'action');
    await settled(el);
    const last = seen.filter((r) => r.url.pathname.endsWith('/audit')).at(-1)!;
    expect(Object.fromEntries(last.url.searchParams)).toEqual({ action: 'provider-create', entity: 'provider', entityId: 'p-1', from: '2026-11-01' });
    expect(text(el)).toContain('1 entry');
    const rows = el.shadowRoot!.querySelector('tbody')!.textContent!;
    expect(rows).toContain('Provider added');
    expect(rows).not.toContain('Provider edited');
  });

  it('opens an entry to show what changed', async () => {
    server();
    const el = await mount('qaf-audit-log', { council: 'testshire' });
    await settled(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Open entry 2"]')!.click();
    await settled(el);
    const t = deepText(el);
    expect(t).toContain('sha256:before');
    expect(t).toContain('sha256:after');
    expect(t).toContain('size.beds');
  });
});
