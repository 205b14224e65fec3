import { z } from '@hono/zod-openapi';
import type { Determination } from '../engine/index.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute } from '../routes/define-route.js';
import { councilParams, isoDateQuery, windowDaysQuery } from '../routes/query.js';
import { CURRENT_DETERMINATION_SQL, FINAL_ASSESSMENT_SQL } from '../assessments/current-determination.js';
import { determinationResultSql } from '../assessments/stored-result.js';
import { headlineText } from '../assessments/store-assessment.js';
import type { Queryable } from '../store/index.js';

/** A council's dashboard: ratings, actions due or overdue, and visits coming up. */
export interface Dashboard {
  today: string;
  days: number;
  until: string;
  providers: number;
  byRating: Record<string, number>;
  actions: { providerId: string; name: string; id: string; label: string; owner: string; due: string; overdue: boolean; source: string }[];
  visits: { providerId: string; name: string; id: string; activity: string; label: string; nextDue: string; overdue: boolean }[];
}

/** The rating bucket of a provider never assessed. */
export const NOT_ASSESSED = 'Not assessed';

/** `date` plus `days`, as an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Builds the dashboard from each provider's latest determination. */
export async function buildDashboard(db: Queryable, councilId: string, today: string, days: number): Promise<Dashboard> {
  const rows = await db.query<{ id: string; name: string; result: Determination | null }>(
    `SELECT p.id, p.name, l.result FROM providers p
       LEFT JOIN LATERAL (SELECT ${determinationResultSql('d')} AS result FROM assessments a JOIN determinations d ON d.assessment_id = a.id AND ${CURRENT_DETERMINATION_SQL}
                           WHERE a.provider_id = p.id AND ${FINAL_ASSESSMENT_SQL} ORDER BY a.assessment_date DESC, a.created_at DESC LIMIT 1) l ON true
      WHERE p.council_id = $1 ORDER BY p.name`,
    [councilId],
  );
  const until = addDays(today, days);
  const dash: Dashboard = { today, days, until, providers: rows.length, byRating: {}, actions: [], visits: [] };
  for (const r of rows) {
    const rating = r.result ? headlineText(r.result.headline.value) : NOT_ASSESSED;
    dash.byRating[rating] = (dash.byRating[rating] ?? 0) + 1;
    for (const a of r.result?.actions ?? []) {
      if (a.due <= until) {
        dash.actions.push({ providerId: r.id, name: r.name, id: a.id, label: a.label, owner: a.owner, due: a.due, overdue: a.due < today, source: a.source });
      }
    }
    for (const s of r.result?.schedule ?? []) {
      if (s.nextDue <= until) {
        dash.visits.push({ providerId: r.id, name: r.name, id: s.id, activity: s.activity, label: s.label, nextDue: s.nextDue, overdue: s.nextDue < today });
      }
    }
  }
  dash.actions.sort((a, b) => a.due.localeCompare(b.due) || a.name.localeCompare(b.name));
  dash.visits.sort((a, b) => a.nextDue.localeCompare(b.nextDue) || a.name.localeCompare(b.name));
  return dash;
}

const dashboardRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/dashboard',
  tags: ['dashboard'],
  summary: 'Providers by rating, actions due or overdue, visits due in the next N days',
  access: 'viewer',
  request: {
    params: councilParams,
    query: z.object({
      today: isoDateQuery('ISO date (default today)'),
      days: windowDaysQuery('window in days (30)'),
    }),
  },
});

/** `GET /api/councils/{council}/dashboard?days=30&today=YYYY-MM-DD` (viewer). */
export function dashboardRoutes() {
  return apiRouter()
    .openapi(dashboardRoute, async (c) => {
      const council = c.var.council;
      const query = c.req.valid('query');
      const today = query.today ?? c.var.services.now().toISOString().slice(0, 10);
      const days = query.days ?? 30;
      return c.json(await buildDashboard(c.var.services.db, council.id, today, days));
    });
}
