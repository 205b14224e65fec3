import { describe, expect, it } from 'vitest';
import type { Pack } from '@openqaf/engine';
import { testPack } from '../pack/test-pack.test-helpers.js';
import { deepText } from './mount.test-helpers.js';
import { fakeServer, json, settled } from './fake-server.test-helpers.js';
import { mount } from './mount.test-helpers.js';
import './qaf-visit-page.js';

/** Version 1.0.0 in force from 2025; 0.9.0 before, without "Learning is shared" (s-03). */
function olderPack(): Pack {
  const pack = testPack();
  const standard = pack.framework!.domains[0]!.standards[0]!;
  standard.criteria = standard.criteria.filter((c) => c.id !== 's-03');
  return pack;
}
const VERSIONS = { new: { id: 'v-100', version: '1.0.0', pack: testPack() }, old: { id: 'v-090', version: '0.9.0', pack: olderPack() } };

const visit = {
  id: 'v1', providerId: 'p1', status: 'draft', revision: 1, assessmentId: null, determinationFinal: false, createdBy: 'u1', updatedAt: '2026-12-01T10:00:00Z',
  draft: { date: '2026-12-01', judgements: { 's-01': 'Fully met', 's-03': 'Exceptional' }, facts: {} }, prefilled: {}, factsConfirmed: null, events: [], evidence: [], decisionsRecorded: [],
};

// The fake server stays stubbed after each test: the form saves what is pending when it is removed.

describe('qaf-visit-page', () => {
  it('builds the form for the version in force on the visit date, and rebuilds it when the date moves into another version', async () => {
    const asked: string[] = [];
    fakeServer((req) => {
      const path = req.url.pathname;
      if (path === '/api/councils/testshire/visits/v1') return new Response(JSON.stringify(visit), { headers: { 'content-type': 'application/json', etag: '"1"' } });
      if (path === '/api/councils/testshire/visits/v1/draft') return new Response(JSON.stringify({ ...visit, revision: 2 }), { headers: { 'content-type': 'application/json', etag: '"2"' } });
      if (path === '/api/councils/testshire/pack/in-force') {
        const date = req.url.searchParams.get('date')!;
        asked.push(date);
        return json({ ...(date >= '2025-01-01' ? VERSIONS.new : VERSIONS.old), date });
      }
      if (path === '/api/councils/testshire/providers/p1') return json({ id: 'p1', name: 'Acme Care' });
      if (path === '/api/auth/me') return json({ user: { id: 'u1', email: 'o@x', name: 'Olive', platformAdmin: false }, roles: { testshire: 'officer' } });
      return undefined;
    });
    const el = await mount('qaf-visit-page', { council: 'testshire', visit: 'v1' });
    await settled(el);
    expect(asked).toEqual(['2026-12-01']);
    const form = el.shadowRoot!.querySelector('qaf-visit-form')!;
    expect(form.shadowRoot!.getElementById('j-s-03')).not.toBeNull();
    const date = form.shadowRoot!.getElementById('date') as HTMLInputElement;
    date.value = '2024-06-01';
    date.dispatchEvent(new Event('change'));
    await settled(el);
    await settled(form);
    expect(asked).toEqual(['2026-12-01', '2024-06-01']);
    expect(form.shadowRoot!.getElementById('j-s-03')).toBeNull();
    expect(deepText(el)).toContain('framework version 0.9.0');
    // Moving within the same version's period changes nothing.
    date.value = '2024-07-01';
    date.dispatchEvent(new Event('change'));
    await settled(el);
    expect(form.packVersion).toBe('0.9.0');
  });
});
