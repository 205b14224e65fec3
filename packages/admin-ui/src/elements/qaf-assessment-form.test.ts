import { afterEach, describe, expect, it, vi } from 'vitest';
import { casePack } from '../pack/case-pack.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import { fakeServer, json, settled } from './fake-server.test-helpers.js';
import './qaf-assessment-form.js';

afterEach(() => vi.unstubAllGlobals());

describe('qaf-assessment-form', () => {
  it('builds the form from the version in force today, never from a version only scheduled for later', async () => {
    const seen = fakeServer(({ url }) => {
      if (url.pathname === '/api/councils/testshire/pack/in-force') return json({ date: '2026-12-06', version: '1.0.0', pack: casePack() });
      if (url.pathname === '/api/councils/testshire/providers/p1') return json({ id: 'p1', name: 'Target Care' });
      return undefined;
    });
    const el = await mount('qaf-assessment-form', { council: 'testshire', provider: 'p1' });
    await settled(el);
    expect(text(el)).toContain('New assessment: Target Care');
    expect(el.shadowRoot!.querySelector('#date')).not.toBeNull();
    expect(seen.map((r) => r.url.pathname)).not.toContain('/api/councils/testshire/pack');
    expect(seen.find((r) => r.url.pathname.endsWith('/pack/in-force'))!.url.searchParams.get('date')).toBeNull();
  });
});
