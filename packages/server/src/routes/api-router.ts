import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { validationHook } from './validation-hook.js';

/**
 * A router whose routes are declared with `defineRoute` and registered with `.openapi()`:
 * each feature's routes live on one, and the app merges them (and their OpenAPI declarations).
 */
export function apiRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
