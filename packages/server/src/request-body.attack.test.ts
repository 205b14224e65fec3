import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from './app.test-helpers.js';
import type { TestApp } from './app.test-helpers.js';
import { buildOpenApi } from './api-routes.js';
import { MAX_JSON_DEPTH } from './json-value-check.js';
import { tableFingerprint } from './store/fingerprint.test-helpers.js';
import { testStoreKinds } from './store/test-stores.test-helpers.js';

/** A small limit, so that a body over it is cheap to send to every route. */
const BODY_LIMIT = 64 * 1024;

interface WriteRoute {
  method: string;
  path: string;
}

/** Every write route that takes a JSON body, from the OpenAPI document, with its path filled in. */
function jsonWriteRoutes(): WriteRoute[] {
  const paths = buildOpenApi().paths as Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
  const routes: WriteRoute[] = [];
  for (const [template, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!operation.requestBody?.content['application/json']) continue;
      routes.push({ method: method.toUpperCase(), path: template.replace('{council}', 'testshire').replace(/\{[^}]+\}/g, 'x') });
    }
  }
  return routes;
}

const routes = jsonWriteRoutes();
const bytes = (text: string) => new TextEncoder().encode(text);

interface Refusal {
  status: number;
  code: string | undefined;
  details: Record<string, unknown>[];
}

describe.each(testStoreKinds)('hostile request bodies on every JSON write route, on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind, { bodyLimit: BODY_LIMIT });
  });
  afterAll(async () => t?.dispose());

  /**
   * Sends `body` to `route` as the platform admin (who passes every access check, so the body is
   * what is judged), and checks that no table changed. A `Uint8Array` body with `contentType`
   * null goes with no content type (a string would be sent as text/plain).
   */
  async function refused(route: WriteRoute, body: string | Uint8Array | ReadableStream, contentType: string | null = 'application/json'): Promise<Refusal> {
    const before = await tableFingerprint(t.db);
    const headers: Record<string, string> = { authorization: `Bearer ${t.tokens.platformAdmin}` };
    if (contentType) headers['content-type'] = contentType;
    const res = await t.app.request(route.path, { method: route.method, headers, body, duplex: 'half' } as RequestInit);
    const reply = (await res.json()) as { error?: { code: string; details?: Record<string, unknown>[] } };
    expect(await tableFingerprint(t.db)).toEqual(before);
    return { status: res.status, code: reply.error?.code, details: reply.error?.details ?? [] };
  }

  it.each(routes)('$method $path: a member name given twice is a 422 naming the member and its pointer', async (route) => {
    const r = await refused(route, '{"outer": {"a": 1,\n "\\u0061": 2}}');
    expect([r.status, r.code]).toEqual([422, 'duplicate-member']);
    expect(r.details).toEqual([{ pointer: '/outer/a', member: 'a', message: expect.stringContaining('repeats the member name "a"'), line: 2, column: 2 }]);
  });

  it.each(routes)('$method $path: a body with no content type, or the wrong one, is a 415', async (route) => {
    expect((await refused(route, bytes('{}'), null)).status).toBe(415);
    expect((await refused(route, '{}', 'text/plain')).status).toBe(415);
    expect((await refused(route, '{}', 'application/x-www-form-urlencoded')).status).toBe(415);
  });

  it.each(routes)('$method $path: a member named __proto__ is a 422 naming its pointer, and pollutes nothing', async (route) => {
    const r = await refused(route, '{"x": [{"__proto__": {"polluted": true}}]}');
    expect([r.status, r.details[0]?.pointer]).toEqual([422, '/x/0/__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(routes)('$method $path: a body over the limit is a 413, with a length or chunked', async (route) => {
    const big = `{"x": "${'a'.repeat(BODY_LIMIT)}"}`;
    expect((await refused(route, big)).status).toBe(413);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(bytes(big.slice((i * big.length) / 4, ((i + 1) * big.length) / 4)));
        controller.close();
      },
    });
    expect((await refused(route, chunked)).status).toBe(413);
  });

  it.each(routes)('$method $path: nesting, bad UTF-8 and 1e400 are refused where they are', async (route) => {
    const deep = await refused(route, `{"x": ${'['.repeat(MAX_JSON_DEPTH + 5)}${']'.repeat(MAX_JSON_DEPTH + 5)}}`);
    expect([deep.status, deep.details[0]?.message]).toEqual([422, `is nested deeper than ${MAX_JSON_DEPTH} levels`]);
    const utf8 = await refused(route, new Uint8Array([...bytes('{"x": "'), 0xc3, 0x28, ...bytes('"}')]));
    expect([utf8.status, utf8.code, utf8.details[0]?.offset]).toEqual([400, 'invalid-utf8', 7]);
    const huge = await refused(route, '{"x": {"n": 1e400}}');
    expect([huge.status, huge.details[0]?.pointer]).toEqual([422, '/x/n']);
  });
});

describe.each(testStoreKinds)('numbers spelled as strings, on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  it.each(['NaN', 'Infinity', '-Infinity', '1e400', '0x10', ''])('refuses beds "%s" on a provider with 422 at /size/beds, storing nothing', async (beds) => {
    const before = await tableFingerprint(t.db);
    const r = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireAdmin', body: { name: 'Spelled House', size: { beds: beds } } });
    expect(r.status).toBe(422);
    expect(r.body.error.details.map((d: { pointer: string }) => d.pointer)).toContain('/size/beds');
    expect(await tableFingerprint(t.db)).toEqual(before);
  });
});
