import { createRoute } from '@hono/zod-openapi';
import type { RouteConfig, z } from '@hono/zod-openapi';
import type { JsonSchema } from '../request-body.js';
import { accessCheck } from './access.js';
import type { Access } from './access.js';
import { jsonBody } from './json-body.js';

/** What a route replies with on success: a JSON schema (or zod schema), CSV text, or nothing (204). */
export type Reply = JsonSchema | z.ZodType | 'csv' | 'none';

/** One route, declared once: path, request schemas, reply, and who may call it. */
export interface RouteDeclaration extends Omit<RouteConfig, 'middleware' | 'responses' | 'description'> {
  summary: string;
  tags: [string];
  access: Access;
  /** JSON body, checked with `jsonBody` after the access check (the handler takes it with `validBody`). */
  body?: JsonSchema;
  /** Success status (default 200). */
  status?: 200 | 201 | 204;
  /** Success reply (default: a JSON object). */
  reply?: Reply;
  /** Refused with 429 and `Retry-After` after too many failures (sign-in). */
  rateLimited?: true;
}

const errorReply = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Malformed JSON (with line and column) or request',
  '401': 'Not signed in',
  '403': 'Lacks the role, or a session request without its CSRF token',
  '404': 'Unknown council, provider, version or assessment',
  '409': 'Edit conflict: the thing changed since it was read',
  '413': 'Body too large',
  '422': 'Body or query fails its schema (details carry JSON pointers)',
};

function successReply(status: number, reply: Reply | undefined) {
  if (reply === 'none' || status === 204) return { description: 'Done' };
  if (reply === 'csv') return { description: 'Success', content: { 'text/csv': { schema: { type: 'string' } } } };
  return { description: 'Success', content: { 'application/json': { schema: reply ?? { type: 'object' } } } };
}

/** A declared route, as `app.openapi()` takes it. */
export type DeclaredRoute<D extends RouteDeclaration> = RouteConfig & Omit<D, 'access' | 'body' | 'status' | 'reply' | 'rateLimited'>;

/**
 * Declares a route once: its OpenAPI operation (with `x-access` and the access level in its
 * description) and its middleware, in order: the access check, then the JSON body (query
 * and path parameters are checked by `@hono/zod-openapi` after both). Register it with
 * `app.openapi(defineRoute({...}), handler)`.
 * @example
 * defineRoute({ method: 'get', path: '/api/councils/{council}/draft', tags: ['drafts'],
 *   summary: 'The working draft', access: 'viewer', request: { params: councilParams } })
 */
export function defineRoute<const D extends RouteDeclaration>(declaration: D): DeclaredRoute<D> {
  const { access, body, status = 200, reply, rateLimited, request, ...operation } = declaration;
  return createRoute({
    ...operation,
    description: `Access: ${access}.`,
    'x-access': access,
    ...(access === 'public' ? { security: [] } : {}),
    middleware: body ? [accessCheck(access), jsonBody(body)] : [accessCheck(access)],
    request: {
      ...request,
      ...(body ? { body: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    },
    responses: {
      [status]: successReply(status, reply),
      ...Object.fromEntries(Object.entries(ERROR_STATUSES).map(([code, description]) => [code, { description, ...errorReply }])),
      ...(rateLimited
        ? {
            '429': {
              description: 'Too many failed attempts for this email or from this address: wait Retry-After seconds',
              headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
              ...errorReply,
            },
          }
        : {}),
    },
  } as DeclaredRoute<D>);
}
