import { z } from '@hono/zod-openapi';
import { isIsoDate } from '../engine/index.js';

/** A query parameter holding a real calendar date, `YYYY-MM-DD` (`2025-02-30` is refused). */
export function isoDateQuery(description: string) {
  return z
    .string()
    .refine((v) => isIsoDate(v), { message: 'must be a real calendar date (YYYY-MM-DD)' })
    .optional()
    .openapi({ description, format: 'date', example: '2025-04-01' });
}

/** A query flag written as the text `true` or `false`. */
export function flagQuery(description: string) {
  return z.enum(['true', 'false']).optional().openapi({ description });
}

/** `{council}` in a path. */
export const councilParams = z.object({ council: z.string().openapi({ description: 'Council id, e.g. "birmingham"' }) });

/** A window of whole days, 0 to 3660 (optional). */
export function windowDaysQuery(description: string) {
  return z.coerce
    .number()
    .int({ error: 'must be a whole number of days, 0 to 3660' })
    .min(0, { error: 'must be a whole number of days, 0 to 3660' })
    .max(3660, { error: 'must be a whole number of days, 0 to 3660' })
    .optional()
    .openapi({ description });
}
