import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { prefetchRoute } from '../routing/route-loads.js';

/** A fetch answering each URL with `answers[path]` (a new Response each time); records what was asked. */
function server(answers: Record<string, unknown>, seen: string[]): typeof fetch {
  return async (url, init) => {
    const path = String(url);
    seen.push(`${(init?.method ?? 'GET').toUpperCase()} ${path}`);
    const body = answers[path.split('?')[0]!];
    return body === undefined
      ? new Response(JSON.stringify({ error: { code: 'not-found', message: `No ${path}` } }), { status: 404 })
      : new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', etag: '"7"' } });
  };
}

const PACK = { version: '1.2.1', pack: { metadata: { name: 'Bolton' } } };
const ME = { user: { email: 'a@b.c' }, roles: {}, csrfToken: 'tok' };

describe('prefetching the opened page', () => {
  it("starts who is signed in, the councils and the page's GETs together, and the page's own calls share them", async () => {
    const seen: string[] = [];
    const api = new ApiClient('', server({ '/api/auth/me': ME, '/api/councils': { councils: [{ id: 'bolton', name: 'Bolton' }], nextCursor: null }, '/api/councils/bolton/pack': PACK }, seen));
    prefetchRoute(api, { page: 'pack', council: 'bolton' });
    expect(seen).toEqual(['GET /api/auth/me', 'GET /api/councils?limit=1000', 'GET /api/councils/bolton/pack']);
    // The page's calls, twice over (the header and the page both name the councils): no new request.
    const [me, councils, again, pack] = await Promise.all([api.me(), api.councils(), api.councils(), api.pack('bolton')]);
    expect(me).toEqual(ME);
    expect(councils).toEqual([{ id: 'bolton', name: 'Bolton' }]);
    expect(again).toEqual(councils);
    expect(pack).toEqual(PACK);
    expect(seen).toHaveLength(3);
    // Another GET is asked for as usual.
    await api.versions('bolton').catch(() => undefined);
    expect(seen[3]).toBe('GET /api/councils/bolton/versions?limit=1000');
  });

  it('asks again after a write is answered, or once forgotten (the app forgets on navigation)', async () => {
    const seen: string[] = [];
    const api = new ApiClient('', server({ '/api/councils/bolton/pack': PACK, '/api/councils/bolton/draft/cases': { cases: [] } }, seen));
    api.prefetch((a) => [a.pack('bolton')]);
    await api.pack('bolton');
    await api.runCases('bolton');
    await api.pack('bolton');
    expect(seen.filter((s) => s === 'GET /api/councils/bolton/pack')).toHaveLength(2);
    api.prefetch((a) => [a.pack('bolton')]);
    api.forgetPrefetched();
    await api.pack('bolton');
    expect(seen.filter((s) => s === 'GET /api/councils/bolton/pack')).toHaveLength(4);
  });

  it("leaves an error to the page's own call, in the server's words", async () => {
    const seen: string[] = [];
    const api = new ApiClient('', server({}, seen));
    prefetchRoute(api, { page: 'provider', council: 'bolton', provider: 'p1' });
    await expect(api.provider('bolton', 'p1')).rejects.toMatchObject({ status: 404, code: 'not-found' });
    expect(seen.filter((s) => s.startsWith('GET /api/councils/bolton/providers/p1'))).toHaveLength(2);
  });

  it('stops waiting for a shared GET when the caller aborts', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const api = new ApiClient('', async () => { await held; return new Response(JSON.stringify(PACK), { status: 200 }); });
    api.prefetch((a) => [a.pack('bolton')]);
    const controller = new AbortController();
    const call = api.pack('bolton', controller.signal);
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    release();
  });
});
