import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';

/**
 * A JSON reply whose text was already serialised from a `T` (to reuse text the store was given,
 * rather than serialise it again), typed as `c.json(value, status)` would be. The body goes as
 * its UTF-8 bytes, encoded once: given a string, the Node adapter would scan it for its length
 * and then encode it again to send it (a reply with its explanation is about 17 kB).
 * @example return jsonText<SubmittedAssessment, 201>(c, stored.replyJson, 201);
 */
export function jsonText<T, S extends ContentfulStatusCode>(c: Context, text: string, status: S): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  return jsonBytes<T, S>(c, Buffer.from(text, 'utf8'), status);
}

/**
 * A JSON reply given as the UTF-8 bytes of a `T`'s JSON text, already built (e.g. part by part,
 * `assessments/submitted-reply.ts`), typed as `c.json(value, status)` would be.
 * @example return jsonBytes<SubmittedAssessment, 201>(c, submittedReplyBytes(parts), 201);
 */
export function jsonBytes<T, S extends ContentfulStatusCode>(c: Context, bytes: Uint8Array<ArrayBuffer>, status: S): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  return c.body(bytes, status, { 'content-type': 'application/json' }) as unknown as Response & TypedResponse<JSONParsed<T>, S, 'json'>;
}
