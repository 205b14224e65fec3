import { actionRoutes } from './actions/index.js';
import { redeterminationRoutes } from './assessments/redetermination-routes.js';
import { recordedDecisionRoutes } from './assessments/recorded-decisions-routes.js';
import { assessmentRoutes } from './assessments/index.js';
import { auditRoutes } from './audit/index.js';
import { authRoutes } from './auth/index.js';
import type { AuthRoutesOptions } from './auth/index.js';
import { councilRoutes } from './councils/index.js';
import { dashboardRoutes } from './dashboard/index.js';
import { ratingMixRoutes } from './dashboard/rating-mix-route.js';
import { declaredRoutes, openApiDocument } from './openapi/index.js';
import type { RouteSpec } from './openapi/index.js';
import { packRoutes } from './packs/index.js';
import { boundaryCoverageRoutes } from './packs/boundary-coverage-route.js';
import { providerRoutes } from './providers/index.js';
import { reportRoutes } from './reports/index.js';
import { apiRouter } from './routes/api-router.js';
import { defineRoute } from './routes/define-route.js';
import { workQueueRoutes } from './work-queue/index.js';
import { assignmentRoutes } from './assignments/index.js';
import { visitRoutes } from './visits/index.js';
import { whatIfRoutes } from './what-if/index.js';

const healthRoute = defineRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Liveness and store check',
  access: 'public',
});

const openApiRoute = defineRoute({
  method: 'get',
  path: '/openapi.json',
  tags: ['system'],
  summary: 'This OpenAPI 3.1 document',
  access: 'public',
});

/**
 * Every API route, each declared once (`defineRoute`) with its schemas and access level; the
 * OpenAPI document at `/openapi.json` is generated from these declarations.
 */
export function apiRoutes(options: AuthRoutesOptions = {}) {
  const base = apiRouter();
  const app = base
    .openapi(healthRoute, async (c) => {
      await c.var.services.db.query('SELECT 1');
      return c.json({ ok: true, store: c.var.services.db.dialect });
    })
    .route('/', authRoutes(options))
    .route('/', councilRoutes())
    .route('/', packRoutes())
    .route('/', boundaryCoverageRoutes())
    .route('/', providerRoutes())
    .route('/', assessmentRoutes())
    .route('/', redeterminationRoutes())
    .route('/', recordedDecisionRoutes())
    .route('/', visitRoutes())
    .route('/', whatIfRoutes())
    .route('/', dashboardRoutes())
    .route('/', ratingMixRoutes())
    .route('/', actionRoutes())
    .route('/', workQueueRoutes())
    .route('/', assignmentRoutes())
    .route('/', auditRoutes())
    .route('/', reportRoutes());
  // Registered on the same router, outside the chain: its document is generated from the router itself.
  let document: Record<string, unknown> | undefined;
  base.openapi(openApiRoute, (c) => c.json((document ??= openApiDocument(base))));
  return app;
}

/**
 * The type of the API app, with every route's request and reply types (for `hc<AppType>` of
 * `hono/client`, which the admin UI calls the API with).
 * @example const client = hc<AppType>('/');
 */
export type AppType = ReturnType<typeof apiRoutes>;

/**
 * The OpenAPI 3.1 document of the API, generated from the route declarations.
 * @example writeFileSync('openapi.json', JSON.stringify(buildOpenApi()))
 */
export function buildOpenApi(): Record<string, unknown> {
  return openApiDocument(apiRoutes());
}

/** Every API route with its access level and success status, from the declarations (for tests and docs). */
export function apiRouteList(): RouteSpec[] {
  return declaredRoutes(apiRoutes());
}
