import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { Persona, TestApp } from '../app.test-helpers.js';
import { apiRouteList } from '../api-routes.js';
import type { RouteSpec } from '../openapi/index.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

/** Every declared route: the same declarations the app serves and documents. */
const ROUTES = apiRouteList();

const adminRoutes = ROUTES.filter((r) => r.access === 'platform-admin');

/** Everyone but the platform admin: council admins, officers and viewers, and a user with no role. */
const OTHERS: Persona[] = ['testshireAdmin', 'testshireOfficer', 'testshireViewer', 'othertonAdmin', 'othertonOfficer', 'nobody'];

/** Bodies a platform admin's request would succeed with, so a refusal cannot be the body's fault. */
const VALID_BODIES: Record<string, unknown> = {
  'POST /api/users': { email: 'sneaky@example.test', password: 'a long enough password', platformAdmin: true },
  'PATCH /api/users/{id}': { disabled: true, platformAdmin: true },
  'POST /api/users/{id}/password': { password: 'a password chosen by someone else' },
  'POST /api/councils': { id: 'sneakyshire', name: 'Sneakyshire Council' },
};

describe.each(testStoreKinds)('platform admin routes on $name', (kind) => {
  let t: TestApp;
  /** The user the `{id}` routes act on: none of the callers, so the platform admin's own calls change no caller. */
  let targetId: string;
  /** An audit entry, for `GET /api/audit/{id}`. */
  let auditId: string;
  /** Every row a refused request might have written, as text. */
  let snapshot: () => Promise<string>;

  beforeAll(async () => {
    t = await makeTestApp(kind);
    const target = await t.call('POST', '/api/users', { as: 'platformAdmin', body: { email: 'target@example.test', password: 'a long enough password' } });
    targetId = target.body.id;
    auditId = String((await t.db.query<{ id: string }>('SELECT id FROM audit_log ORDER BY id DESC LIMIT 1'))[0]!.id);
    snapshot = async () =>
      JSON.stringify(
        await Promise.all(
          [
            'SELECT count(*) AS n FROM audit_log',
            'SELECT id, email, name, password_hash, platform_admin, disabled FROM users ORDER BY id',
            'SELECT user_id, expires_at FROM sessions ORDER BY token_hash',
            'SELECT id FROM councils ORDER BY id',
          ].map((sql) => t.db.query(sql)),
        ),
      );
  });
  afterAll(async () => t?.dispose());

  function callAs(route: RouteSpec, as?: Persona) {
    const key = `${route.method.toUpperCase()} ${route.path}`;
    return t.call(route.method.toUpperCase(), route.path.replace('{id}', route.path.startsWith('/api/audit/') ? auditId : targetId), {
      ...(as ? { as } : {}),
      ...(route.method === 'get' || route.method === 'delete' ? {} : { body: VALID_BODIES[key] ?? {} }),
    });
  }

  it('covers user management, councils and the whole audit log', () => {
    expect(adminRoutes.map((r) => `${r.method.toUpperCase()} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET /api/users', ...Object.keys(VALID_BODIES), 'GET /api/audit']),
    );
  });

  it.each(adminRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s refuses anonymous callers (401) and everyone but a platform admin (403), writing nothing',
    async (_name, route) => {
      const before = await snapshot();
      const anonymous = await callAs(route);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('unauthenticated');
      for (const as of OTHERS) {
        const res = await callAs(route, as);
        expect(res.status, as).toBe(403);
        expect(res.body.error).toMatchObject({ code: 'forbidden', message: 'Only a platform admin may do this' });
      }
      expect(await snapshot()).toBe(before);
      // And the platform admin's own request, with the same body, is accepted (so the refusals above were about who).
      const admin = await callAs(route, 'platformAdmin');
      expect(admin.status, admin.text).toBe(route.status ?? 200);
    },
  );
});
