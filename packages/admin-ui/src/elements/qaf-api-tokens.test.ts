import { afterEach, describe, expect, it, vi } from 'vitest';
import { deepText, mount, text } from './mount.test-helpers.js';
import { fakeServer, fill, json, settled, submit } from './fake-server.test-helpers.js';
import './qaf-api-tokens.js';

function server() {
  const tokens = [{ id: 't-1', name: 'Nightly import', scopes: ['read', 'write'], createdAt: '2026-12-01T10:00:00Z', expiresAt: '2027-03-01T10:00:00Z' }];
  return fakeServer(({ method, url, body }) => {
    if (url.pathname === '/api/auth/tokens' && method === 'GET') return json({ tokens, nextCursor: null });
    if (url.pathname === '/api/auth/tokens' && method === 'POST') {
      const b = body as { name: string; scopes: string[] };
      const t = { id: 't-2', name: b.name, scopes: b.scopes, createdAt: '2026-12-06T10:00:00Z', expiresAt: '2026-12-13T10:00:00Z' };
      tokens.push(t);
      return json({ ...t, token: 'qaf_secret_shown_once' }, 201);
    }
    if (url.pathname === '/api/auth/tokens/t-1' && method === 'DELETE') {
      tokens.splice(0, 1);
      return new Response(null, { status: 204 });
    }
    return undefined;
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('qaf-api-tokens', () => {
  it('lists tokens with UK dates and never a secret', async () => {
    server();
    const el = await mount('qaf-api-tokens', {});
    await settled(el);
    expect(text(el)).toContain('1 token');
    expect(text(el)).toContain('1 December 2026');
    expect(text(el)).toContain('1 March 2027');
  });

  it('creates a token with scopes and expiry and shows its secret once', async () => {
    const seen = server();
    const el = await mount('qaf-api-tokens', {});
    await settled(el);
    fill(el, 'token-name', 'Weekly report');
    fill(el, 'token-days', '7');
    submit(el, 'token-name');
    await settled(el);
    expect(seen.find((r) => r.method === 'POST')!.body).toEqual({ name: 'Weekly report', scopes: ['read'], expiresInDays: 7 });
    expect(text(el)).toContain('qaf_secret_shown_once');
    expect(text(el)).toContain('2 tokens');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'I have copied it')!.click();
    await settled(el);
    expect(text(el)).not.toContain('qaf_secret_shown_once');
  });

  it('names each bad field instead of sending a bad token request', async () => {
    const seen = server();
    const el = await mount('qaf-api-tokens', {});
    await settled(el);
    fill(el, 'token-days', '400');
    (el.shadowRoot!.querySelector('input[value="read"]') as HTMLInputElement).checked = false;
    submit(el, 'token-name');
    await settled(el);
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
    const links = [...el.shadowRoot!.querySelector('qaf-error-summary')!.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#token-name', '#token-days', '#token-scopes']);
  });

  it('revokes a token', async () => {
    const seen = server();
    const el = await mount('qaf-api-tokens', {});
    await settled(el);
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Revoke Nightly import')!.click();
    await settled(el);
    expect(seen.some((r) => r.method === 'DELETE' && r.url.pathname === '/api/auth/tokens/t-1')).toBe(true);
    expect(text(el)).toContain('Revoked "Nightly import"');
    expect(deepText(el)).toContain('You have no API tokens.');
  });

  it("manages a council member's tokens through the council's routes, the secret shown once to hand over", async () => {
    const tokens: { id: string; name: string; scopes: string[]; createdAt: string; expiresAt: string }[] = [];
    const base = '/api/councils/bolton/members/u-7/tokens';
    const seen = fakeServer(({ method, url, body }) => {
      if (url.pathname === base && method === 'GET') return json({ tokens, nextCursor: null });
      if (url.pathname === base && method === 'POST') {
        const t = { id: 'm-1', name: (body as { name: string }).name, scopes: ['read'], createdAt: '2026-12-06T10:00:00Z', expiresAt: '2027-01-05T10:00:00Z' };
        tokens.push(t);
        return json({ ...t, token: 'qaf_member_secret' }, 201);
      }
      if (url.pathname === `${base}/m-1` && method === 'DELETE') {
        tokens.splice(0, 1);
        return new Response(null, { status: 204 });
      }
      return undefined;
    });
    const el = await mount('qaf-api-tokens', { council: 'bolton', userId: 'u-7', userEmail: 'ann@bolton.gov.uk' });
    await settled(el);
    expect(deepText(el)).toContain('ann@bolton.gov.uk has no API tokens.');
    fill(el, 'token-name', 'Care home survey');
    submit(el, 'token-name');
    await settled(el);
    expect(seen.find((r) => r.method === 'POST')!.url.pathname).toBe(base);
    expect(text(el)).toContain('New token "Care home survey" for ann@bolton.gov.uk');
    expect(text(el)).toContain('qaf_member_secret');
    const revoke = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Revoke Care home survey')!;
    revoke.click();
    await settled(el);
    expect(seen.some((r) => r.method === 'DELETE' && r.url.pathname === `${base}/m-1`)).toBe(true);
    expect(deepText(el)).toContain('ann@bolton.gov.uk has no API tokens.');
    // Never your own tokens' routes.
    expect(seen.some((r) => r.url.pathname.startsWith('/api/auth/tokens'))).toBe(false);
  });
});
