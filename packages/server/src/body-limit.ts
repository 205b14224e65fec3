import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from './http-error.js';

function tooLarge(maxSize: number): HttpError {
  return new HttpError(413, 'body-too-large', `The body is larger than ${maxSize} bytes`);
}

/**
 * Refuses request bodies over `maxSize` bytes with a 413 before reading them.
 *
 * A body with a `Content-Length` (and no `Transfer-Encoding`) is judged by that header alone:
 * Node's HTTP parser never delivers more bytes than it announces, so nothing is read. Only a
 * chunked body, whose size is unknown until read, goes through Hono's `bodyLimit`, which
 * counts while it buffers. Hono's middleware alone would turn every request (even a GET, even
 * one with a length) into a web-streams `Request` on @hono/node-server, which costs more CPU
 * than the rest of storing an evaluation's HTTP handling put together.
 */
export function bodySizeLimit(maxSize: number): MiddlewareHandler {
  const counting = bodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge(maxSize);
    },
  });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && /^\d+$/.test(length) && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxSize) throw tooLarge(maxSize);
      return next();
    }
    return counting(c, next);
  };
}
