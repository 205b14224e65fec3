import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { Persona, TestApp } from '../app.test-helpers.js';
import { apiRouteList } from '../api-routes.js';
import type { Access, RouteSpec } from '../openapi/index.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';

/** Every declared route: the same declarations the app serves and documents. */
const ROUTES = apiRouteList();

const COUNCIL_ACCESS: Access[] = ['viewer', 'officer', 'council-admin'];
const councilRoutes = ROUTES.filter((r) => r.path.includes('{council}') && COUNCIL_ACCESS.includes(r.access));
const RANK: Record<string, number> = { viewer: 0, officer: 1, 'council-admin': 2 };

/** Bodies a route needs to be well formed, for the routes whose body `{}` would be refused for its shape. */
const WELL_FORMED: Record<string, unknown> = {
  'POST /api/councils/{council}/visits/{id}/evidence': { target: 'c1', text: 'Seen at the visit' },
  'PUT /api/councils/{council}/visits/{id}/draft': { date: '2025-03-01' },
  'POST /api/councils/{council}/visits/{id}/return': { reason: 'Evidence missing' },
  'POST /api/councils/{council}/assessments/{id}/decisions': { decisions: { overallRating: { value: 'Gold', reason: 'Panel decision' } } },
  'POST /api/councils/{council}/assessments/{id}/report/comments/{comment}/answer': { decision: 'accepted', reason: 'Checked' },
  'POST /api/councils/{council}/draft/cases/accept': { cases: ['all-fully-met-gold'] },
  'POST /api/councils/{council}/members/{userId}/tokens': { name: 'Nightly import' },
  'PATCH /api/councils/{council}/members/{userId}': { disabled: true },
  'POST /api/councils/{council}/assessments/{id}/report/action-plan/{action}/progress': { status: 'done', owner: 'Registered manager', on: '2025-03-01' },
};

describe.each(testStoreKinds)('council isolation on $name, for every council route', (kind) => {
  let t: TestApp;
  let ids: Record<string, string>;
  let auditCount: () => Promise<number>;

  beforeAll(async () => {
    t = await makeTestApp(kind);
    const provider = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Target Care' } });
    const assessment = await t.call('POST', '/api/councils/testshire/assessments', {
      as: 'testshireOfficer',
      body: { providerId: provider.body.id, date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } },
    });
    ids = { council: 'testshire', id: provider.body.id, version: '1.0.0', userId: t.userIds.testshireViewer };
    // Assessment routes take an assessment id as {id}.
    ids.assessmentId = assessment.body.id;
    // Visit routes take a visit record as {id}.
    ids.visitId = (await t.call('POST', '/api/councils/testshire/visits', { as: 'testshireOfficer', body: { providerId: provider.body.id, date: '2025-03-01' } })).body.id;
    // Audit routes take an audit entry of the council as {id}.
    ids.auditId = String((await t.db.query<{ id: string }>("SELECT id FROM audit_log WHERE council_id = 'testshire' ORDER BY id DESC LIMIT 1"))[0]!.id);
    auditCount = async () => (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_log'))[0]!.n;
  });
  afterAll(async () => t?.dispose());

  function pathOf(route: RouteSpec): string {
    const id = route.path.includes('/assessments/') ? ids.assessmentId! : route.path.includes('/audit/') ? ids.auditId! : route.path.includes('/visits/') ? ids.visitId! : ids.id!;
    return route.path
      .replace('{council}', ids.council!)
      .replace('{id}', id)
      .replace('{version}', ids.version!)
      .replace('{userId}', ids.userId!).replace('{user}', ids.userId!).replace('{comment}', '1').replace('{action}', '1').replace('{tokenId}', 'x') + (route.path.endsWith('/diff') ? '?from=1.0.0&to=draft' : '');
  }

  function callAs(route: RouteSpec, as?: Persona) {
    return t.call(route.method.toUpperCase(), pathOf(route), {
      ...(as ? { as } : {}),
      ...(route.method === 'get' || route.method === 'delete' ? {} : { body: {} }),
    });
  }

  it('covers the routes that hold council data', () => {
    expect(councilRoutes.length).toBeGreaterThanOrEqual(25);
  });

  it.each(councilRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s refuses anonymous callers (401) and every role of another council (403), writing nothing',
    async (_name, route) => {
      const before = await auditCount();
      const anonymous = await callAs(route);
      expect(anonymous.status).toBe(401);
      for (const as of ['othertonAdmin', 'othertonOfficer'] as const) {
        const res = await callAs(route, as);
        expect(res.status, as).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      expect(await auditCount()).toBe(before);
    },
  );

  const roleLimited = councilRoutes.filter((r) => RANK[r.access]! > 0);
  it.each(roleLimited.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s refuses roles of the same council below the one it needs',
    async (_name, route) => {
      const weaker: Persona[] = (['testshireViewer', 'testshireOfficer'] as const).filter(
        (p) => RANK[p === 'testshireViewer' ? 'viewer' : 'officer']! < RANK[route.access]!,
      );
      expect(weaker.length).toBeGreaterThan(0);
      for (const as of weaker) expect((await callAs(route, as)).status, as).toBe(403);
    },
  );

  const resourceRoutes = councilRoutes.filter((r) => r.path.includes('{id}'));
  it.each(resourceRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s answers 404 for another council\'s record named under the caller\'s own council, writing nothing',
    async (_name, route) => {
      const before = await auditCount();
      const path = pathOf(route).replace('/api/councils/testshire/', '/api/councils/otherton/');
      // A well-formed request (body, If-Match), so it is the record's council that refuses it, not its shape.
      const key = `${route.method.toUpperCase()} ${route.path}`;
      const body = WELL_FORMED[key] ?? (route.method === 'put' ? { name: 'Hijacked Care' } : route.method === 'post' ? {} : undefined);
      const headers = route.path.includes('/visits/{id}/') && route.method !== 'get' ? { 'if-match': '"1"' } : undefined;
      const res = await t.call(route.method.toUpperCase(), path, { as: 'othertonAdmin', ...(body ? { body } : {}), ...(headers ? { headers } : {}) });
      expect(res.status, res.text).toBe(404);
      expect(await auditCount()).toBe(before);
    },
  );

  it('exposes the published pack of every council without signing in, and nothing else', async () => {
    for (const route of ROUTES.filter((r) => r.access === 'public' && r.method === 'get' && r.path.includes('{council}'))) {
      const res = await t.call('GET', pathOf(route).replace('to=draft', 'to=1.0.0'));
      expect(res.status, route.path).toBe(200);
    }
  });
});
