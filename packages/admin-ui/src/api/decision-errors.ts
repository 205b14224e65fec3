import { ApiError } from './api-error.js';

/**
 * The server's refusals of recorded decisions, by JSON pointer (`/decisions/<id>/reason`,
 * `/decisions/<id>/value`, `/decisions/<id>`), so a form shows each at its field; empty when the
 * error names no decision.
 * @example decisionErrors(new ApiError(422, 'invalid-assessment', '…', [{ pointer: '/decisions/level/reason', message: 'The reason is missing…' }])) // { '/decisions/level/reason': 'The reason is missing…' }
 */
export function decisionErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.details.filter((d) => d.pointer?.startsWith('/decisions/')).map((d) => [d.pointer!, d.message]));
}
