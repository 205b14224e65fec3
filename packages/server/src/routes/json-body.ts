import type { Context, MiddlewareHandler } from 'hono';
import { readJson, validateBody } from '../request-body.js';
import type { JsonSchema } from '../request-body.js';

/**
 * Reads the JSON body (`readJson`: 415, 400 with line and column) and checks it against
 * `schema` (422 `invalid-body` with JSON pointers); the handler takes it with `c.req.valid('json')`.
 * Runs after the access check, so nobody's body is read before they are known to be allowed.
 */
export function jsonBody(schema: JsonSchema): MiddlewareHandler {
  return async (c, next) => {
    c.req.addValidatedData('json', validateBody<object>(schema, await readJson(c)));
    await next();
  };
}

/** The body `jsonBody` read and checked, as the route's declared type. */
export function validBody<T>(c: Context): T {
  return c.req.valid('json' as never) as T;
}
