import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

const JSON_TYPE = /^application\/json/i;
const VARY_ACCEPT_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/**
 * JSON replies gzip- or deflate-compressed for clients that accept it (Hono's `compress`), and
 * untouched for clients that send no `Accept-Encoding`.
 *
 * Hono's `compress` adds `Vary: Accept-Encoding` with `c.header()` after the handler has
 * answered, which on @hono/node-server rebuilds the reply as a web-streams `Response` whose body
 * is then read back chunk by chunk: for a client that accepts no compression (an API client such
 * as a load generator) that cost more than a tenth of storing an evaluation's server CPU, and
 * compressed nothing. Without `Accept-Encoding` the reply gets the same `Vary` header, set on its
 * headers in place, and stays the buffer the handler gave.
 */
export function compressJson(): MiddlewareHandler {
  const compressing = compress({ contentTypeFilter: JSON_TYPE });
  return async (c, next) => {
    if (c.req.header('accept-encoding')) return compressing(c, next);
    await next();
    const headers = c.res.headers;
    if (!JSON_TYPE.test(headers.get('content-type') ?? '')) return;
    const vary = headers.get('vary');
    if (vary === '*' || (vary && VARY_ACCEPT_ENCODING.test(vary))) return;
    headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  };
}
