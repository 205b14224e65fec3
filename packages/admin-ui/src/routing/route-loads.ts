import type { ApiClient } from '../api/api-client.js';
import { loadDashboard, loadRatingMix } from '../api/dashboard-api.js';
import { loadVisit } from '../api/visits-api.js';
import { loadWorkQueue } from '../api/work-queue-api.js';
import type { Route } from './route.js';

/**
 * The GETs a page asks for as it opens, started by the entry point ({@link prefetchRoute}) while
 * the admin UI's code is still loading, so a cold load waits for the slowest of them rather than
 * for all of them one after another. Each is the very call the page's element makes (same method,
 * same arguments, so the same URL); a page not listed, or a call not listed, just asks on its own.
 * Only data the page needs whoever opens it: nothing that depends on the user's role.
 */
export const ROUTE_LOADS: { [P in Route['page']]?: (api: ApiClient, route: Extract<Route, { page: P }>) => Promise<unknown>[] } = {
  pack: (api, r) => [api.pack(r.council)],
  edit: (api, r) => [api.draft(r.council)],
  json: (api, r) => [api.draft(r.council)],
  checks: (api, r) => [api.draft(r.council)],
  publish: (api, r) => [api.latestVersion(r.council)],
  'what-if': (api, r) => [api.pack(r.council)],
  versions: (api, r) => [api.versions(r.council), api.schedule(r.council), api.redeterminations(r.council)],
  providers: (api, r) => [api.providers(r.council, { q: '', rating: '' }), api.pack(r.council)],
  provider: (api, r) => [api.provider(r.council, r.provider), api.timeline(r.council, r.provider), api.pack(r.council)],
  assess: (api, r) => [api.packInForce(r.council), api.provider(r.council, r.provider)],
  determination: (api, r) => [api.assessment(r.council, r.assessment, true)],
  visit: (api, r) => [loadVisit(r.council, r.visit)],
  dashboard: (api, r) => [loadDashboard(r.council, 30), loadRatingMix(r.council, 12), api.pack(r.council)],
  'work-queue': (_api, r) => [loadWorkQueue(r.council, 30)],
};

/**
 * Starts, at once and side by side, who is signed in, the councils' names (the header and every
 * council page name the council) and the GETs of `route`'s page (see {@link ROUTE_LOADS}).
 */
export function prefetchRoute(api: ApiClient, route: Route): void {
  const loads = ROUTE_LOADS[route.page] as ((a: ApiClient, r: Route) => Promise<unknown>[]) | undefined;
  api.prefetch((a) => [a.me(), a.councils(), ...(loads?.(a, route) ?? [])]);
}
