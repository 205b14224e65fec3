import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { ApiError } from './api-error.js';

function fakeFetch(replies: Response[], seen: { url: string; init: RequestInit }[] = []): typeof fetch {
  return async (url, init) => {
    seen.push({ url: String(url), init: init ?? {} });
    const reply = replies.shift();
    if (!reply) throw new TypeError('Failed to fetch');
    return reply;
  };
}

const header = (init: RequestInit, name: string) => new Headers(init.headers).get(name);

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('ApiClient', () => {
  it('echoes the CSRF token from sign-in on unsafe requests but not on reads', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const client = new ApiClient('', fakeFetch([json({ csrfToken: 'tok-1' }), json({ councils: [] }), json({ revision: 2 })], seen));
    await client.login('a@b.c', 'secret');
    await client.councils();
    await client.runCases('birmingham');
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({ email: 'a@b.c', password: 'secret' });
    expect(header(seen[0]!.init, 'content-type')).toBe('application/json');
    expect(header(seen[1]!.init, 'x-csrf-token')).toBeNull();
    expect(header(seen[2]!.init, 'x-csrf-token')).toBe('tok-1');
    expect(seen[2]!.url).toBe('/api/councils/birmingham/draft/cases');
  });

  it('turns the server error shape into an ApiError with its located details', async () => {
    const client = new ApiClient('', fakeFetch([
      json({ error: { status: 422, code: 'invalid-pack', message: 'The draft is invalid', details: [{ pointer: '/a', message: 'bad' }] } }, 422),
    ]));
    const error = await client.whatIf('bolton').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid-pack');
    expect((error as ApiError).details).toEqual([{ pointer: '/a', message: 'bad' }]);
  });

  it('reports an unreachable server in plain words rather than a TypeError', async () => {
    const client = new ApiClient('', fakeFetch([]));
    const error = await client.councils().catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).message).toMatch(/cannot be reached/);
  });

  it('submits an assessment asking for the reply without the trace, which the determination page fetches itself', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const client = new ApiClient('', fakeFetch([json({ id: 'a-1' }, 201)], seen));
    const stored = await client.submitAssessment('bolton', { providerId: 'p-1', date: '2025-03-01', judgements: {} });
    expect(stored.id).toBe('a-1');
    expect(seen[0]!.url).toBe('/api/councils/bolton/assessments?explain=false');
    expect(seen[0]!.init.method).toBe('POST');
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({ providerId: 'p-1', date: '2025-03-01', judgements: {} });
    expect(header(seen[0]!.init, 'content-type')).toBe('application/json');
  });

  it('sends If-Match when saving the draft and returns the new ETag', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const client = new ApiClient('', fakeFetch([json({ revision: 4, valid: true, errors: [] }, 200, { etag: '"4"' })], seen));
    const saved = await client.saveDraft('bolton', { metadata: {} }, '"3"');
    expect(seen[0]!.url).toBe('/api/councils/bolton/draft');
    expect(seen[0]!.init.method).toBe('PUT');
    expect(header(seen[0]!.init, 'if-match')).toBe('"3"');
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({ metadata: {} });
    expect(saved.etag).toBe('"4"');
  });

  it('calls onSignedOut when a request is refused for want of a session', async () => {
    let signedOut = 0;
    const client = new ApiClient('', fakeFetch([json({ error: { status: 401, code: 'unauthenticated', message: 'Sign in' } }, 401)]));
    client.onSignedOut = () => signedOut++;
    await client.providers('bolton').catch(() => undefined);
    expect(signedOut).toBe(1);
  });

  it('reads a short list page by page, following nextCursor to the last page', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const client = new ApiClient('', fakeFetch([json({ versions: [{ version: '2.0.0' }], nextCursor: 'c1' }), json({ versions: [{ version: '1.0.0' }], nextCursor: null })], seen));
    const versions = await client.versions('bolton');
    expect(versions.map((v) => v.version)).toEqual(['2.0.0', '1.0.0']);
    expect(seen.map((s) => s.url)).toEqual(['/api/councils/bolton/versions?limit=1000', '/api/councils/bolton/versions?limit=1000&cursor=c1']);
  });

  it('asks for the latest version alone, one item of the newest-first list, and says when there is none', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const client = new ApiClient('', fakeFetch([json({ versions: [{ version: '2.0.0' }], nextCursor: 'c1' }), json({ versions: [], nextCursor: null })], seen));
    expect((await client.latestVersion('bolton'))?.version).toBe('2.0.0');
    expect(await client.latestVersion('bolton')).toBeUndefined();
    expect(seen.map((s) => s.url)).toEqual(['/api/councils/bolton/versions?limit=1', '/api/councils/bolton/versions?limit=1']);
  });

  it('reads providers one page at a time, passing the cursor it was given', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const client = new ApiClient('', fakeFetch([json({ providers: [], nextCursor: null })], seen));
    const page = await client.providers('bolton', { q: 'oak', cursor: 'abc' });
    expect(page.nextCursor).toBeNull();
    expect(seen[0]!.url).toBe('/api/councils/bolton/providers?q=oak&cursor=abc');
  });
});
