import { z } from '@hono/zod-openapi';
import { HttpError } from '../http-error.js';
import { typed } from './define-route.js';
import type { Typed } from './define-route.js';

/** Items in a list page when `?limit=` is not given. */
export const DEFAULT_PAGE_LIMIT = 100;

/** The most items one list page may hold (`?limit=` above it is a 422). */
export const MAX_PAGE_LIMIT = 1000;

/** `?limit=&cursor=` of every list route. */
export const pageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_LIMIT)
    .optional()
    .openapi({ description: `Items per page, 1..${MAX_PAGE_LIMIT} (${DEFAULT_PAGE_LIMIT})` }),
  cursor: z.string().optional().openapi({ description: 'The `nextCursor` of the previous page (opaque); absent for the first page' }),
});

/** Where a page starts: the sort key of the last item of the previous page. */
export type PageKey = (string | number)[];

/** One page request: how many items, and after which key (none for the first page). */
export interface PageRequest {
  limit: number;
  after?: PageKey;
}

/** The cursor naming the page after the item whose sort key is `key` (opaque to clients). */
export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function badCursor(): HttpError {
  return new HttpError(422, 'invalid-query', 'Invalid query parameter cursor', {
    details: [{ pointer: '/cursor', message: 'is not a cursor this list gave out' }],
  });
}

/**
 * The page a list route was asked for: `limit` (default {@link DEFAULT_PAGE_LIMIT}) and the key
 * decoded from `cursor`, which must hold `arity` strings or numbers (else 422 naming `cursor`).
 */
export function pageRequest(query: { limit?: number; cursor?: string }, arity: number): PageRequest {
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  if (query.cursor === undefined) return { limit };
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(key) || key.length !== arity || !key.every((k) => typeof k === 'string' || typeof k === 'number')) throw badCursor();
  return { limit, after: key as PageKey };
}

/**
 * Cuts the rows of a query that asked for `limit + 1` rows into the page and the cursor of the
 * next one (`null` when this is the last page).
 */
export function pageOf<T>(rows: T[], request: PageRequest, keyOf: (row: T) => PageKey): { items: T[]; nextCursor: string | null } {
  if (rows.length <= request.limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, request.limit);
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1]!)) };
}

/** One page of a list: the items under `K`, and the cursor of the next page. */
export type ListPage<K extends string, T> = { [P in K]: T[] } & { nextCursor: string | null };

/** A list reply's JSON schema, typed as a page of `T`: the items under `key`, and `nextCursor`. */
export function listReply<K extends string, T = unknown>(key: K, item: Record<string, unknown> = { type: 'object' }): Typed<ListPage<K, T>> {
  return typed<ListPage<K, T>>({
    type: 'object',
    required: [key, 'nextCursor'],
    properties: {
      [key]: { type: 'array', items: item },
      nextCursor: { type: ['string', 'null'], description: 'Pass as `?cursor=` for the next page; null on the last page' },
    },
  });
}
