import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app.js';
import { makeTestApp } from './app.test-helpers.js';
import type { TestApp } from './app.test-helpers.js';
import { apiRouteList } from './api-routes.js';
import { ACCESS_LEVELS, scopeForAccess } from './routes/access.js';
import type { Access } from './routes/access.js';
import { testStoreKinds } from './store/test-stores.test-helpers.js';
import { WhatIfWorkers } from './what-if/what-if-workers.js';

/** Every declared route: the same declarations the app serves and documents. */
const ROUTES = apiRouteList();

const [pglite] = testStoreKinds;

/** Routes whose pack work runs on a pack worker, which may answer 422 too-large or 503 busy. */
const PACK_WORK = [
  'PUT /api/councils/{council}/draft',
  'PUT /api/councils/{council}/draft/criteria',
  'POST /api/councils/{council}/draft/validate',
  'POST /api/councils/{council}/draft/analyse',
  'POST /api/councils/{council}/draft/cases',
  'POST /api/councils/{council}/draft/cases/accept',
  'POST /api/councils/{council}/draft/publish',
  'POST /api/councils/{council}/what-if',
  'POST /api/councils/{council}/draft/boundary-coverage',
  'GET /api/councils/{council}/versions/{version}/boundary-coverage',
];

/** Routes needing the `admin` token scope beyond their access level: tokens, password, members. */
const ADMIN_SCOPED = new Set([
  'POST /api/auth/password',
  'GET /api/auth/tokens',
  'POST /api/auth/tokens',
  'DELETE /api/auth/tokens/{id}',
  'GET /api/councils/{council}/members',
  'PUT /api/councils/{council}/members/{userId}',
  'DELETE /api/councils/{council}/members/{userId}',
  'PATCH /api/councils/{council}/members/{userId}',
  'POST /api/councils/{council}/members/{userId}/password-reset',
  'GET /api/councils/{council}/members/{userId}/tokens',
  'POST /api/councils/{council}/members/{userId}/tokens',
  'DELETE /api/councils/{council}/members/{userId}/tokens/{tokenId}',
]);

interface DocumentedOperation {
  'x-access': Access;
  'x-scope': string | null;
  description: string;
  parameters?: { $ref?: string }[];
  responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
}

describe('the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(pglite!, { bodyLimit: 64 * 1024 });
  });
  afterAll(async () => t?.dispose());

  it('documents exactly the routes it serves, each with its access level', async () => {
    const doc = (await t.call('GET', '/openapi.json')).body;
    const served = new Set(
      t.app.routes
        .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path === '/openapi.json'))
        .map((r) => `${r.method} ${r.path}`),
    );
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    expect(served.size).toBeGreaterThanOrEqual(49);
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
    const packWork: string[] = [];
    const adminScoped: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, DocumentedOperation>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const route = `${method.toUpperCase()} ${path}`;
        expect(ACCESS_LEVELS, route).toContain(op['x-access']);
        expect(op.description, route).toContain(`Access: ${op['x-access']}.`);
        // The token scope: the access level's, or `admin` where the route says so.
        if (op['x-scope'] !== scopeForAccess(op['x-access'])) adminScoped.push(route);
        if (op['x-scope']) expect(op.description, route).toContain(`API token scope: ${op['x-scope']}.`);
        // Every write takes an Idempotency-Key and documents its replies.
        const success = Object.entries(op.responses).find(([code]) => code.startsWith('2'))![1];
        if (method !== 'get') {
          expect(op.parameters, route).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
          expect(success.headers, route).toHaveProperty('Idempotent-Replayed');
          expect(op.responses['409']!.description, route).toContain('idempotency-key-in-use');
          expect(op.responses['422']!.description, route).toContain('idempotency-key-reused');
        } else {
          expect(op.parameters ?? [], route).not.toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
        }
        // Any route may find the database unreachable.
        expect(op.responses['503']?.description, route).toContain('store-unavailable');
        expect(op.responses['503']?.headers, route).toHaveProperty('Retry-After');
        if (op.responses['503']?.description.includes('busy')) {
          packWork.push(route);
          expect(op.responses['503'].description, route).toContain('busy');
          expect(op.responses['422']!.description, route).toContain('too-large');
        }
      }
    }
    expect(packWork.sort()).toEqual([...PACK_WORK].sort());
    expect(adminScoped.sort()).toEqual([...ADMIN_SCOPED].sort());
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
    // The declarations the isolation tests walk are the ones served.
    expect(ROUTES.every((r) => r.scope === scopeForAccess(r.access) || ADMIN_SCOPED.has(`${r.method.toUpperCase()} ${r.path}`))).toBe(true);
    expect(ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path.replace(/\{(\w+)\}/g, ':$1')}`).sort()).toEqual([...documented].sort());
  });

  it("serves an OpenAPI 3.1 document carrying the engine's pack schema, which compiles", async () => {
    const res = await t.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/api/councils/{council}/assessments'].post.requestBody).toBeDefined();
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    expect(() => ajv.compile(res.body.components.schemas.Pack)).not.toThrow();
    expect(res.body.components.schemas.Pack.properties.decisions).toBeDefined();
  });

  it('answers malformed JSON with 400 naming the line and column', async () => {
    const res = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', raw: '{\n  "name": "A",\n  "size": }' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed-json');
    expect(res.body.error.details[0]).toMatchObject({ line: 3, column: 11 });
  });

  it('refuses a body over the size limit with 413 before reading it', async () => {
    const res = await t.call('POST', '/api/councils/testshire/providers', {
      as: 'testshireOfficer',
      body: { name: 'x'.repeat(70 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('body-too-large');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await t.call('POST', '/api/councils/testshire/providers', {
      as: 'testshireOfficer',
      raw: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
  });

  it('answers an unknown route with 404 in the one error shape', async () => {
    const res = await t.call('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ status: 404, code: 'not-found' });
  });

  it('hides internal errors behind a logged 500 in the same shape', async () => {
    const logged: string[] = [];
    const app = createApp({ db: { ...t.db, query: () => Promise.reject(new Error('disk on fire')) }, log: (m) => logged.push(m) });
    const res = await app.request('/api/councils');
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe('internal');
    expect(JSON.stringify(body)).not.toContain('disk on fire');
    expect(logged.join('\n')).toContain('disk on fire');
  });

  it('shows a home page listing the councils and linking the API document when the UI is not built', async () => {
    const res = await t.app.request('/');
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('Testshire Council');
    expect(html).toContain('href="/openapi.json"');
    expect(html).toContain('href="/api/councils/otherton/pack"');
  });

  it('serves the built admin UI at / with client-side routes falling back to index.html', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qaf-ui-'));
    try {
      await writeFile(join(dir, 'index.html'), '<!doctype html><title>QAF admin</title><qaf-app></qaf-app>');
      await writeFile(join(dir, 'app.js'), 'console.log(1)');
      const app = createApp({ db: t.db, uiDir: dir, log: () => undefined });
      expect(await (await app.request('/')).text()).toContain('<qaf-app>');
      expect(await (await app.request('/app.js')).text()).toBe('console.log(1)');
      expect(await (await app.request('/councils/testshire/providers')).text()).toContain('<qaf-app>');
      const api = await app.request('/api/nope');
      expect(api.status).toBe(404);
      // The UI's caching rules are for its files only, never for the API's replies.
      expect(api.headers.get('cache-control')).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('closes the what-if workers it started on close(), never a pool it was given', async () => {
    const closing = vi.spyOn(WhatIfWorkers.prototype, 'close');
    try {
      await createApp({ db: t.db, log: () => undefined }).close();
      expect(closing).toHaveBeenCalledTimes(1);
      const given = new WhatIfWorkers();
      await createApp({ db: t.db, whatIfWorkers: given, log: () => undefined }).close();
      expect(closing).toHaveBeenCalledTimes(1);
      expect(closing.mock.contexts[0]).not.toBe(given);
    } finally {
      closing.mockRestore();
    }
  });
});
