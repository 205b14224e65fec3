import { Hono } from 'hono';
import { UnsupportedPathError } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { TrieRouter } from 'hono/router/trie-router';
import { describe, expect, it } from 'vitest';
import { MATCHED_PATHS_LIMIT, MatchedRoutesCache } from './matched-routes-cache.js';

/** An app with a literal segment beside a parameter, middleware and a wildcard, as the API has. */
function appWith(router: MatchedRoutesCache<never> | undefined) {
  const app = new Hono(router ? { router } : {});
  app.use('/api/*', async (c, next) => {
    await next();
    c.res.headers.set('x-seen', 'api');
  });
  app.get('/api/councils/:council/providers/export', (c) => c.text(`export ${c.req.param('council')}`));
  app.get('/api/councils/:council/providers/:id', (c) => c.json(c.req.param()));
  app.post('/api/councils/:council/assessments', (c) => c.text(`submit ${c.req.param('council')}`));
  app.get('*', (c) => c.text('home'));
  return app;
}

const requests: [string, string][] = [
  ['GET', '/api/councils/b%20c/providers/export'],
  ['GET', '/api/councils/bham/providers/p%2F1'],
  ['GET', '/api/councils/bham/providers/export/more'],
  ['POST', '/api/councils/bham/assessments'],
  ['POST', '/api/councils/other/assessments'],
  ['GET', '/api/councils/bham/assessments'],
  ['PUT', '/api/councils/bham/providers/p1'],
  ['GET', '/'],
];

async function reply(app: Hono, method: string, path: string) {
  const res = await app.request(path, { method });
  return { status: res.status, seen: res.headers.get('x-seen'), body: await res.text() };
}

describe('MatchedRoutesCache', () => {
  it('routes every request as Hono does without it, each time, literal segments beside parameters included', async () => {
    const plain = appWith(undefined);
    const cached = appWith(new MatchedRoutesCache());
    for (let round = 0; round < 3; round++) {
      for (const [method, path] of requests) expect(await reply(cached, method, path)).toEqual(await reply(plain, method, path));
    }
    expect(await reply(cached, 'GET', '/api/councils/bham/providers/p%2F1')).toMatchObject({ body: '{"council":"bham","id":"p/1"}' });
  });

  it('matches a method and path once, then answers from memory', () => {
    const cache = new MatchedRoutesCache<string>(new TrieRouter<string>());
    cache.add('GET', '/a/:id', 'one');
    const first = cache.match('GET', '/a/1');
    expect(cache.match('GET', '/a/1')).toBe(first);
    expect(cache.match('GET', '/a/2')).not.toBe(first);
    expect(cache.match('POST', '/a/1')[0]).toEqual([]);
  });

  it('finds a route added after matching began, and stays bounded and right past its limit', () => {
    const cache = new MatchedRoutesCache<string>(new TrieRouter<string>());
    cache.add('GET', '/a/:id', 'one');
    expect(cache.match('GET', '/b/1')[0]).toEqual([]);
    cache.add('GET', '/b/:id', 'two');
    expect(cache.match('GET', '/b/1')[0]).toEqual([['two', { id: '1' }]]);
    for (let i = 0; i <= MATCHED_PATHS_LIMIT * 2; i++) expect(cache.match('GET', `/a/${i}`)[0]).toEqual([['one', { id: String(i) }]]);
    const long = `/a/${'x'.repeat(300)}`;
    expect(cache.match('GET', long)[0]).toEqual([['one', { id: 'x'.repeat(300) }]]);
    expect(cache.match('GET', long)).not.toBe(cache.match('GET', long));
  });

  it('keeps Hono\'s router, since RegExpRouter refuses a parameter beside a literal segment in either order', () => {
    for (const paths of [['/c/:council/providers/export', '/c/:council/providers/:id'], ['/c/:council/providers/:id', '/c/:council/providers/export']]) {
      const router = new RegExpRouter<string>();
      expect(() => {
        for (const path of paths) router.add('GET', path, path);
        router.match('GET', '/c/x/providers/1');
      }).toThrow(UnsupportedPathError);
    }
  });
});
