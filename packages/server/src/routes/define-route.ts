import { createRoute } from '@hono/zod-openapi';
import type { RouteConfig, z } from '@hono/zod-openapi';
import type { JsonSchema } from '../request-body.js';
import type { TokenScope } from '../auth/scopes.js';
import { accessCheck, scopeForAccess } from './access.js';
import type { Access } from './access.js';
import { jsonBody } from './json-body.js';

declare const wireType: unique symbol;

/**
 * A JSON Schema that also names, for TypeScript, the value it describes: the schema documents
 * and (for bodies) validates at run time; `T` types the handler and the admin UI's `hc` client.
 * The type is only a type: the value is the schema itself.
 */
export type Typed<T> = JsonSchema & { readonly [wireType]?: T };

/**
 * `schema`, typed as describing `T` (for a route's `reply` or `body`).
 * @example reply: typed<Provider>({ $ref: '#/components/schemas/Provider' })
 */
export function typed<T>(schema: JsonSchema = { type: 'object' }): Typed<T> {
  return schema as Typed<T>;
}

/** What a route replies with on success: a JSON schema (typed or not), CSV text, iCalendar text, a PDF document, or nothing (204). */
export type Reply = JsonSchema | 'csv' | 'calendar' | 'pdf' | 'none';

/** One route, declared once: path, request schemas, reply, and who may call it. */
export interface RouteDeclaration extends Omit<RouteConfig, 'middleware' | 'responses' | 'description'> {
  summary: string;
  tags: [string];
  access: Access;
  /** JSON body, checked with `jsonBody` after the access check (the handler takes it with `c.req.valid('json')`). */
  body?: JsonSchema;
  /** Success status (default 200). */
  status?: 200 | 201 | 204;
  /** Success reply (default: a JSON object). */
  reply?: Reply;
  /** Refused with 429 and `Retry-After` after too many failures (sign-in). */
  rateLimited?: true;
  /** Pack work (validation, analysis, cases) on a pack worker: may answer 422 `too-large` or 503 `busy`. */
  packWork?: true;
  /** The API token scope needed when it is more than the access level's ({@link scopeForAccess}). */
  scope?: TokenScope;
}

const errorReply = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Malformed JSON (with line and column) or request',
  '401': 'Not signed in',
  '403': 'Lacks the role, or a session request without its CSRF token',
  '404': 'Unknown council, provider, version or assessment',
  '409': 'Edit conflict: the thing changed since it was read',
  '413': 'Body too large',
  '415': 'A body sent without `Content-Type: application/json` (or with another type)',
  '422': 'Body or query fails its schema (details carry JSON pointers); or `duplicate-member`: one object names a member twice',
  '503': '`store-unavailable`: the database cannot be reached or the connection was lost (nothing half-written); try again after Retry-After seconds. `outcome-unknown`: the connection was lost while a write was being committed, so it may or may not have been stored; send it again with the same Idempotency-Key, or read it back',
};

const retryAfterHeader = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } };

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** `Idempotency-Key` (a component parameter, honoured on every write of a signed-in caller). */
export const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any 1 to 255 visible ASCII characters (a UUID): a retry with the same key, method, path and body is answered with the first reply (and `Idempotent-Replayed: true`) and never written twice. Kept 24 hours per caller.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
} as const;

const replayedHeader = {
  'Idempotent-Replayed': { description: '`true` when this is the recorded reply to an earlier request with the same Idempotency-Key', schema: { type: 'string', enum: ['true'] } },
};

function successReply(status: number, reply: Reply | undefined, write: boolean) {
  const headers = write ? { headers: replayedHeader } : {};
  if (reply === 'none' || status === 204) return { description: 'Done', ...headers };
  if (reply === 'csv') return { description: 'Success', ...headers, content: { 'text/csv': { schema: { type: 'string' } } } };
  if (reply === 'calendar') return { description: 'Success', ...headers, content: { 'text/calendar': { schema: { type: 'string' } } } };
  if (reply === 'pdf') return { description: 'Success', ...headers, content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } };
  return { description: 'Success', ...headers, content: { 'application/json': { schema: reply ?? { type: 'object' } } } };
}

/** The error replies of a route: the common ones, and those of writes, pack work and sign-in. */
function errorReplies(write: boolean, packWork: boolean, rateLimited: boolean): Record<string, unknown> {
  const replies: Record<string, { description: string; headers?: unknown }> = Object.fromEntries(
    Object.entries(ERROR_STATUSES).map(([code, description]) => [code, code === '503' ? { description, headers: retryAfterHeader } : { description }]),
  );
  if (write) {
    replies['409'] = { description: `${ERROR_STATUSES['409']}; or \`idempotency-key-in-use\`: the first request with this Idempotency-Key is still under way (retry after Retry-After); or \`idempotency-reply-lost\`: it was written but its reply was lost (read the result back); or \`idempotency-secret-not-kept\`: it made an API token or a reset code, whose secret is not kept (revoke it, or issue another)` };
    replies['422'] = { description: `${ERROR_STATUSES['422']}; or \`idempotency-key-reused\`: this Idempotency-Key was used for a different request` };
  }
  if (packWork) {
    replies['422'] = { description: `${replies['422']!.description}; or \`too-large\`: the pack work did not finish within its time or memory budget` };
    replies['503'] = {
      description: `\`busy\`: too many pack jobs are waiting; or ${ERROR_STATUSES['503']}`,
      headers: retryAfterHeader,
    };
  }
  if (rateLimited) {
    replies['429'] = {
      description: 'Too many failed attempts for this email or from this address: wait Retry-After seconds',
      headers: retryAfterHeader,
    };
  }
  return Object.fromEntries(Object.entries(replies).map(([code, reply]) => [code, { ...reply, ...errorReply }]));
}

/** The TypeScript type a `typed()` schema names (`unknown` for a plain schema). */
type WireType<S> = S extends { readonly [wireType]?: infer T } ? T : unknown;

/** A media type whose schema, for TypeScript, is a zod type of `T` (at run time it is the JSON Schema). */
type JsonContent<T> = { 'application/json': { schema: z.ZodType<T> } };

type StatusOf<D extends RouteDeclaration> = D['status'] extends number ? D['status'] : 200;

/**
 * The declared success reply, as the types see it: a `typed()` reply carries its type (so
 * handlers must return it and `hc` clients read it); other replies carry no content type.
 * (Error replies are documented but left out of the type: the client throws on them.)
 */
type SuccessResponses<D extends RouteDeclaration> = {
  [S in StatusOf<D>]: unknown extends WireType<D['reply']> ? { description: string } : { description: string; content: JsonContent<WireType<D['reply']>> };
};

/** No further request parts. */
type Nothing = Record<never, never>;

type RequestOf<D extends RouteDeclaration> = (D['request'] extends object ? D['request'] : Nothing) &
  (unknown extends WireType<D['body']> ? Nothing : { body: { required: true; content: JsonContent<WireType<D['body']>> } });

/** A declared route, as `app.openapi()` takes it, with its precise request and reply types. */
export type DeclaredRoute<D extends RouteDeclaration> = Omit<RouteConfig, 'responses' | 'request'> &
  Omit<D, 'access' | 'body' | 'status' | 'reply' | 'rateLimited' | 'packWork' | 'scope' | 'request'> & { request: RequestOf<D>; responses: SuccessResponses<D> };

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
  const { access, body, status = 200, reply, rateLimited, packWork, scope: extraScope, request, ...operation } = declaration;
  const write = WRITE_METHODS.has(operation.method);
  const scope = extraScope ?? scopeForAccess(access);
  return createRoute({
    ...operation,
    description: `Access: ${access}.${scope ? ` API token scope: ${scope}.` : ''}`,
    'x-access': access,
    'x-scope': scope,
    ...(access === 'public' ? { security: [] } : {}),
    ...(write ? { parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }] } : {}),
    middleware: body ? [accessCheck(access, extraScope), jsonBody(body)] : [accessCheck(access, extraScope)],
    request: {
      ...request,
      ...(body ? { body: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    },
    responses: {
      [status]: successReply(status, reply, write),
      ...errorReplies(write, packWork === true, rateLimited === true),
    },
  }) as unknown as DeclaredRoute<D>;
}
