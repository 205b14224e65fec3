import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, json, settled } from './fake-server.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import './qaf-provider-officer.js';

const members = [
  { id: 'u-olive', email: 'olive@testshire.example', name: 'Olive Officer', role: 'officer' },
  { id: 'u-vic', email: 'vic@testshire.example', name: 'Vic Viewer', role: 'viewer' },
  { id: 'u-lead', email: 'lead@testshire.example', name: '', role: 'council-admin' },
];
const olive = { providerId: 'p1', officerId: 'u-olive', officerName: 'Olive Officer', assignedBy: 'u-lead', assignedAt: '2026-12-01T09:00:00Z' };

/** A fake server holding one provider's assignment. */
function server(initial: typeof olive | null) {
  let assignment = initial;
  return fakeServer((req) => {
    const path = req.url.pathname;
    if (path === '/api/councils/testshire/members') return json({ members, nextCursor: null });
    if (path === '/api/councils/testshire/providers/p1/officer' && req.method === 'GET') return json({ assignment });
    if (path === '/api/councils/testshire/providers/p1/officer' && req.method === 'DELETE') { assignment = null; return new Response(null, { status: 204 }); }
    const put = /^\/api\/councils\/testshire\/providers\/p1\/officer\/(.+)$/.exec(path);
    if (put && req.method === 'PUT') {
      const who = members.find((m) => m.id === put[1])!;
      assignment = { ...olive, officerId: who.id, officerName: who.name || who.email };
      return json(assignment);
    }
    return undefined;
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('qaf-provider-officer', () => {
  it('shows everyone who the provider is assigned to, with no form for those who cannot assign', async () => {
    const seen = server(olive);
    const el = await mount('qaf-provider-officer', { council: 'testshire', provider: 'p1' });
    await settled(el);
    expect(text(el)).toContain('Assigned to Olive Officer since 1 December 2026.');
    expect(el.shadowRoot!.querySelector('form')).toBeNull();
    // The members list is the council admin's: not asked for without the right to assign.
    expect(seen.some((r) => r.url.pathname.endsWith('/members'))).toBe(false);
  });

  it("lets a team manager assign one of the council's officers or council admins, and remove the assignment", async () => {
    const seen = server(null);
    const el = await mount('qaf-provider-officer', { council: 'testshire', provider: 'p1', canAssign: true });
    await settled(el);
    expect(text(el)).toContain('No officer is assigned.');
    const select = el.shadowRoot!.getElementById('officer') as HTMLSelectElement;
    // A viewer is not offered.
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose an officer', 'Olive Officer', 'lead@testshire.example']);
    // Assigning with no officer chosen says what to do and sends nothing.
    select.closest('form')!.dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
    await settled(el);
    expect(text(el)).toContain('Choose the officer to assign');
    expect(seen.filter((r) => r.method === 'PUT')).toHaveLength(0);
    select.value = 'u-olive';
    select.closest('form')!.dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
    await settled(el);
    expect(seen.filter((r) => r.method === 'PUT').map((r) => r.url.pathname)).toEqual(['/api/councils/testshire/providers/p1/officer/u-olive']);
    expect(text(el)).toContain('Assigned to Olive Officer');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Remove the assignment')!.click();
    await settled(el);
    expect(seen.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(text(el)).toContain('No officer is assigned.');
  });
});
