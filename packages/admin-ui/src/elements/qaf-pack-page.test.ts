import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from './mount.test-helpers.js';
import './qaf-pack-page.js';

async function settled(el: HTMLElement & { updateComplete: Promise<unknown> }) {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('qaf-pack-page', () => {
  it('says the server cannot be reached instead of going blank', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const el = await mount('qaf-pack-page', { council: 'bolton' });
    await settled(el);
    const status = el.shadowRoot!.querySelector('qaf-status')!;
    expect(status.kind).toBe('error');
    expect(status.message).toMatch(/cannot be reached/);
  });

  it('shows the server\'s own words when it refuses', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { status: 404, code: 'not-found', message: 'Council "york" was not found' } }), { status: 404 }));
    const el = await mount('qaf-pack-page', { council: 'york' });
    await settled(el);
    expect(el.shadowRoot!.querySelector('qaf-status')!.message).toBe('Council "york" was not found');
  });
});
