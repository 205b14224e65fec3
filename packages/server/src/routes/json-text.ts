import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';

/**
 * A JSON reply whose text was already serialised from a `T` (to reuse text the store was given,
 * rather than serialise it again), typed as `c.json(value, status)` would be.
 * @example return jsonText<SubmittedAssessment, 201>(c, stored.replyJson, 201);
 */
export function jsonText<T, S extends ContentfulStatusCode>(c: Context, text: string, status: S): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  return c.body(text, status, { 'content-type': 'application/json' }) as unknown as Response & TypedResponse<JSONParsed<T>, S, 'json'>;
}
