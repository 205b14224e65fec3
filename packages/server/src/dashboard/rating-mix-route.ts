import { z } from '@hono/zod-openapi';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { councilParams, isoDateQuery } from '../routes/query.js';
import { ratingMix } from './rating-mix.js';
import type { RatingMixPoint } from './rating-mix.js';

const ratingMixRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/dashboard/rating-mix',
  tags: ['dashboard'],
  summary: 'The rating mix over time: providers by rating at the end of each of the last N months',
  access: 'viewer',
  request: {
    params: councilParams,
    query: z.object({
      today: isoDateQuery('ISO date (default today)'),
      months: z.coerce
        .number()
        .int({ error: 'must be a whole number of months, 1 to 120' })
        .min(1, { error: 'must be a whole number of months, 1 to 120' })
        .max(120, { error: 'must be a whole number of months, 1 to 120' })
        .optional()
        .openapi({ description: 'months to show, ending with the current one (12)' }),
    }),
  },
  reply: typed<{ today: string; points: RatingMixPoint[] }>(),
});

/** `GET /api/councils/{council}/dashboard/rating-mix?months=12&today=YYYY-MM-DD` (viewer). */
export function ratingMixRoutes() {
  return apiRouter().openapi(ratingMixRoute, async (c) => {
    const query = c.req.valid('query');
    const today = query.today ?? c.var.services.now().toISOString().slice(0, 10);
    return c.json({ today, points: await ratingMix(c.var.services.db, c.var.council.id, today, query.months ?? 12) });
  });
}
