import type { Hook } from '@hono/zod-openapi';
import type { ErrorDetail } from '../http-error.js';
import { HttpError } from '../http-error.js';

/** A JSON pointer from a zod issue path, e.g. `['date']` -> `/date`. */
export function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

const CODES: Record<string, string> = { query: 'invalid-query', param: 'invalid-params', header: 'invalid-headers' };

/**
 * What a route does when its query, path parameters or headers fail their schema: a 422 in the
 * one error shape, `invalid-query` (or `invalid-params`, `invalid-headers`), each problem with a
 * JSON pointer naming the parameter, e.g. `{ "pointer": "/date", "message": "must be a real calendar date" }`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one hook serves every route's input type
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (result.success) return;
  const details: ErrorDetail[] = result.error.issues.map((issue) => ({ pointer: pointerOf(issue.path), message: issue.message }));
  const code = CODES[result.target] ?? 'invalid-body';
  const names = [...new Set(details.map((d) => d.pointer!.slice(1).split('/')[0]))].join(', ');
  throw new HttpError(422, code, `Invalid ${result.target === 'param' ? 'path parameter' : result.target} ${names}`.trim(), { details });
};
