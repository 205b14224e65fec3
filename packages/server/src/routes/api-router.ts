import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { MatchedRoutesCache } from './matched-routes-cache.js';
import { validationHook } from './validation-hook.js';

/**
 * A router whose routes are declared with `defineRoute` and registered with `.openapi()`:
 * each feature's routes live on one, and the app merges them (and their OpenAPI declarations).
 * Requests are matched by Hono's default router, each method and path once ({@link MatchedRoutesCache}).
 */
export function apiRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook, router: new MatchedRoutesCache() });
}
