import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.js';
import { assessmentRoutes } from './assessments/index.js';
import { auditRoutes } from './audit/index.js';
import { authRoutes } from './auth/index.js';
import type { AuthRoutesOptions } from './auth/index.js';
import { councilRoutes } from './councils/index.js';
import { dashboardRoutes } from './dashboard/index.js';
import { declaredRoutes, openApiDocument } from './openapi/index.js';
import type { RouteSpec } from './openapi/index.js';
import { packRoutes } from './packs/index.js';
import { providerRoutes } from './providers/index.js';
import { apiRouter } from './routes/api-router.js';
import { defineRoute } from './routes/define-route.js';
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
export function apiRoutes(options: AuthRoutesOptions = {}): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  app.openapi(healthRoute, async (c) => {
    await c.var.services.db.query('SELECT 1');
    return c.json({ ok: true, store: c.var.services.db.dialect });
  });
  let document: Record<string, unknown> | undefined;
  app.openapi(openApiRoute, (c) => c.json((document ??= openApiDocument(app))));
  app.route('/', authRoutes(options));
  app.route('/', councilRoutes());
  app.route('/', packRoutes());
  app.route('/', providerRoutes());
  app.route('/', assessmentRoutes());
  app.route('/', whatIfRoutes());
  app.route('/', dashboardRoutes());
  app.route('/', auditRoutes());
  return app;
}

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
