import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRouteList } from '../api-routes.js';
import { createApp } from '../app.js';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { Persona, TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { replyLosingDb } from './reply-losing-db.test-helpers.js';
import { PASSWORD_IN_BODY, WRITE_ROUTES } from './write-routes.js';

describe('the write routes', () => {
  it('are each listed with how a retry is kept from writing twice, and only they', () => {
    const declared = apiRouteList().filter((r) => r.method !== 'get').map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    expect(Object.keys(WRITE_ROUTES).sort()).toEqual(declared);
    for (const [route, guard] of Object.entries(WRITE_ROUTES)) {
      if ('why' in guard) expect(guard.why, route).toMatch(/\w{3,}/);
      else expect(['reply-in-commit', 'request-in-commit'], route).toContain(guard.kind);
    }
    for (const route of PASSWORD_IN_BODY) expect(declared, route).toContain(route);
  });
});

/** One write of a route family: what to send (a path and two different bodies) and the table it writes. */
interface Write {
  family: string;
  method: string;
  path: () => string;
  as: Persona;
  body: () => unknown;
  otherBody: () => unknown;
  headers?: () => Record<string, string>;
  table: string;
}

describe.each(testStoreKinds)('Idempotency-Key on every route family, on $name', (kind) => {
  let t: TestApp;
  let providerId: string;
  let visitId: string;
  let n = 0;
  const newKey = () => `family-${kind.name}-${++n}-${Math.random().toString(36).slice(2)}`;
  const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  beforeAll(async () => {
    t = await makeTestApp(kind);
    providerId = (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Keyed Care' } })).body.id;
    visitId = (await t.call('POST', '/api/councils/testshire/visits', { as: 'testshireOfficer', body: { providerId, date: '2025-03-01' } })).body.id;
  });
  afterAll(async () => t?.dispose());

  const writes: Write[] = [
    // (A new API token is never replayed: see secret-withheld.test.ts.)
    { family: 'users', method: 'POST', path: () => '/api/users', as: 'platformAdmin', body: () => ({ email: `keyed-${kind.name}@example.test`, name: 'Keyed', password: 'a long enough password 1' }), otherBody: () => ({ email: `other-${kind.name}@example.test`, name: 'Other', password: 'a long enough password 1' }), table: 'users' },
    { family: 'councils', method: 'POST', path: () => '/api/councils', as: 'platformAdmin', body: () => ({ id: `keyed-${kind.name}`, name: 'Keyed Council' }), otherBody: () => ({ id: `other-${kind.name}`, name: 'Other Council' }), table: 'councils' },
    {
      family: 'providers (update)', method: 'PUT', path: () => `/api/councils/testshire/providers/${providerId}`, as: 'testshireOfficer',
      body: () => ({ name: 'Keyed Care Ltd' }), otherBody: () => ({ name: 'Other Care Ltd' }), headers: () => ({ 'if-match': '"1"' }), table: 'audit_log',
    },
    { family: 'visits', method: 'POST', path: () => '/api/councils/testshire/visits', as: 'testshireOfficer', body: () => ({ providerId, date: '2025-04-01' }), otherBody: () => ({ providerId, date: '2025-04-02' }), table: 'visit_records' },
    {
      family: 'visit evidence', method: 'POST', path: () => `/api/councils/testshire/visits/${visitId}/evidence`, as: 'testshireOfficer',
      body: () => ({ target: 'c1', text: 'Care plans seen' }), otherBody: () => ({ target: 'c2', text: 'Rota seen' }), table: 'visit_evidence',
    },
    { family: 'officer assignments', method: 'PUT', path: () => `/api/councils/testshire/providers/${providerId}/officer/${t.userIds.testshireOfficer}`, as: 'testshireAdmin', body: () => undefined, otherBody: () => ({}), table: 'audit_log' },
    { family: 'reports (settings)', method: 'PUT', path: () => '/api/councils/testshire/report-settings', as: 'testshireAdmin', body: () => ({ challengeWindowDays: 10 }), otherBody: () => ({ challengeWindowDays: 11 }), table: 'audit_log' },
  ];

  it.each(writes)('$family: a retry with the same key gets the same reply and writes once; another body with it is refused', async (w) => {
    const key = newKey();
    const send = (body: unknown) => t.call(w.method, w.path(), { as: w.as, ...(body !== undefined ? { body } : {}), headers: { 'idempotency-key': key, ...w.headers?.() } });
    const before = await count(w.table);
    const first = await send(w.body());
    expect(first.status, JSON.stringify(first.body)).toBeLessThan(300);
    const written = await count(w.table);
    expect(written).toBeGreaterThan(before);

    const again = await send(w.body());
    expect(again.status).toBe(first.status);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    expect(await count(w.table)).toBe(written);

    const other = await send(w.otherBody());
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency-key-reused');
    expect(other.body.error.message).toBe('This Idempotency-Key was used for a different request: use a new key');
    expect(await count(w.table)).toBe(written);
  });

  describe('when the reply of a write is lost after its commit', () => {
    const lostReplyApp = () => {
      const lossy = replyLosingDb(t.db);
      // No lease: the retry comes after the first attempt has ended.
      const app = createApp({ db: lossy.db, plugins: testPlugins, log: () => undefined, idempotencyLeaseSeconds: 0 });
      return { app, lossy };
    };
    const sender = (app: ReturnType<typeof createApp>, persona: Persona, method: string, path: string, body: unknown) => {
      const key = newKey();
      return () => app.request(path, {
        method,
        headers: { authorization: `Bearer ${t.tokens[persona]}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
    };

    // Routes marked (write-routes.ts); those whose reply is kept are in request-in-commit.test.ts.
    it.each([
      { family: 'providers (import)', persona: 'testshireAdmin' as const, path: () => '/api/councils/testshire/providers/import', body: () => ({ csv: `name,cqcLocationId\nLost Reply Lodge,9-${kind.name}` }), table: 'providers' },
    ])('$family: a retry is refused with 409 saying the write was made, and nothing is written again', async (w) => {
      const { app, lossy } = lostReplyApp();
      try {
        const send = sender(app, w.persona, 'POST', w.path(), w.body());
        const before = await count(w.table);
        lossy.state.loseNext = true;
        expect((await send()).status).toBe(500);
        expect(await count(w.table)).toBe(before + 1);

        const retry = await send();
        expect(retry.status).toBe(409);
        const body = (await retry.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('idempotency-reply-lost');
        expect(body.error.message).toMatch(/was written, but its reply was lost: read the result back/);
        expect(await count(w.table)).toBe(before + 1);
      } finally {
        await app.close();
      }
    });

    it('a write refused with 4xx lets go of its key, so the same request may be sent again', async () => {
      const { app } = lostReplyApp();
      try {
        const send = sender(app, 'testshireOfficer', 'POST', '/api/councils/testshire/visits', { providerId: 'no-such-provider', date: '2025-05-06' });
        expect((await send()).status).toBe(404);
        expect((await send()).status).toBe(404);
      } finally {
        await app.close();
      }
    });
  });
});
