/** The pages of the admin UI, addressed by the URL hash (`#/councils/birmingham/pack`). */
export type Route =
  | { page: 'home' }
  | { page: 'sign-in' }
  | { page: 'reset-password'; code: string }
  | { page: 'users' }
  | { page: 'tokens' }
  | { page: 'audit-all' }
  | { page: 'pack'; council: string }
  | { page: 'edit'; council: string }
  | { page: 'json'; council: string }
  | { page: 'checks'; council: string }
  | { page: 'what-if'; council: string }
  | { page: 'publish'; council: string }
  | { page: 'versions'; council: string }
  | { page: 'providers'; council: string }
  | { page: 'provider'; council: string; provider: string }
  | { page: 'assess'; council: string; provider: string }
  | { page: 'determination'; council: string; assessment: string }
  | { page: 'visit'; council: string; visit: string }
  | { page: 'members'; council: string }
  | { page: 'audit'; council: string }
  | { page: 'import'; council: string }
  | { page: 'work-queue'; council: string }
  | { page: 'reports'; council: string }
  | { page: 'report'; council: string; assessment: string }
  | { page: 'dashboard'; council: string }
  | { page: 'not-found'; path: string };

const COUNCIL_PAGES: Record<string, Route['page']> = {
  '': 'pack',
  pack: 'pack',
  'draft/edit': 'edit',
  'draft/json': 'json',
  'draft/checks': 'checks',
  'draft/what-if': 'what-if',
  'draft/publish': 'publish',
  versions: 'versions',
  providers: 'providers',
  members: 'members',
  audit: 'audit',
  'providers/import': 'import',
  'work-queue': 'work-queue',
  reports: 'reports',
  dashboard: 'dashboard',
};

/** The platform's own pages (not of one council). */
const PLATFORM_PAGES: Record<string, Route['page']> = { users: 'users', tokens: 'tokens', audit: 'audit-all' };

/**
 * Reads a route from a location hash. Unknown paths give `not-found`, never an exception.
 * @example parseRoute('#/councils/bolton/providers') // { page: 'providers', council: 'bolton' }
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+|\/+$/g, '');
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'councils')) return { page: 'home' };
  if (parts.length === 1 && parts[0] === 'sign-in') return { page: 'sign-in' };
  if (parts[0] === 'reset-password' && parts.length <= 2) return { page: 'reset-password', code: parts[1] ?? '' };
  if (parts.length === 1 && PLATFORM_PAGES[parts[0]!]) return { page: PLATFORM_PAGES[parts[0]!] } as Route;
  if (parts[0] === 'councils' && parts[1]) {
    const council = parts[1];
    const rest = parts.slice(2);
    const page = COUNCIL_PAGES[rest.join('/')];
    if (page) return { page, council } as Route;
    if (rest[0] === 'providers' && rest[1] && rest.length === 2) return { page: 'provider', council, provider: rest[1] };
    if (rest[0] === 'providers' && rest[1] && rest[2] === 'assess' && rest.length === 3) return { page: 'assess', council, provider: rest[1] };
    if (rest[0] === 'assessments' && rest[1] && rest.length === 2) return { page: 'determination', council, assessment: rest[1] };
    if (rest[0] === 'assessments' && rest[1] && rest[2] === 'report' && rest.length === 3) return { page: 'report', council, assessment: rest[1] };
    if (rest[0] === 'visits' && rest[1] && rest.length === 2) return { page: 'visit', council, visit: rest[1] };
  }
  return { page: 'not-found', path: `/${path}` };
}

/**
 * The hash of a route: the inverse of `parseRoute`.
 * @example href({ page: 'versions', council: 'bolton' }) // '#/councils/bolton/versions'
 */
export function href(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.page) {
    case 'home': return '#/';
    case 'sign-in': return '#/sign-in';
    case 'reset-password': return route.code ? `#/reset-password/${enc(route.code)}` : '#/reset-password';
    case 'users': case 'tokens': case 'audit-all':
      return `#/${Object.entries(PLATFORM_PAGES).find(([, p]) => p === route.page)![0]}`;
    case 'not-found': return `#${route.path}`;
    case 'provider': return `#/councils/${enc(route.council)}/providers/${enc(route.provider)}`;
    case 'assess': return `#/councils/${enc(route.council)}/providers/${enc(route.provider)}/assess`;
    case 'determination': return `#/councils/${enc(route.council)}/assessments/${enc(route.assessment)}`;
    case 'report': return `#/councils/${enc(route.council)}/assessments/${enc(route.assessment)}/report`;
    case 'visit': return `#/councils/${enc(route.council)}/visits/${enc(route.visit)}`;
    default: {
      const sub = Object.entries(COUNCIL_PAGES).find(([k, p]) => p === route.page && k !== '')![0];
      return `#/councils/${enc(route.council)}/${sub}`;
    }
  }
}

/** The ids a page of each kind is shown for, to list every page (tests that visit them all). */
export interface PageIds {
  council: string;
  provider: string;
  assessment: string;
  visit: string;
}

/**
 * One route of every page of the admin UI. Keyed by page, so a new page will not compile until
 * it is listed here, and the browser tests that visit every page (axe, 390 px, cold load) cover it.
 */
export const EVERY_PAGE: Record<Route['page'], (ids: PageIds) => Route> = {
  home: () => ({ page: 'home' }),
  'sign-in': () => ({ page: 'sign-in' }),
  'reset-password': () => ({ page: 'reset-password', code: 'a-code-that-was-never-issued' }),
  users: () => ({ page: 'users' }),
  tokens: () => ({ page: 'tokens' }),
  'audit-all': () => ({ page: 'audit-all' }),
  pack: ({ council }) => ({ page: 'pack', council }),
  edit: ({ council }) => ({ page: 'edit', council }),
  json: ({ council }) => ({ page: 'json', council }),
  checks: ({ council }) => ({ page: 'checks', council }),
  'what-if': ({ council }) => ({ page: 'what-if', council }),
  publish: ({ council }) => ({ page: 'publish', council }),
  versions: ({ council }) => ({ page: 'versions', council }),
  providers: ({ council }) => ({ page: 'providers', council }),
  provider: ({ council, provider }) => ({ page: 'provider', council, provider }),
  assess: ({ council, provider }) => ({ page: 'assess', council, provider }),
  determination: ({ council, assessment }) => ({ page: 'determination', council, assessment }),
  members: ({ council }) => ({ page: 'members', council }),
  audit: ({ council }) => ({ page: 'audit', council }),
  import: ({ council }) => ({ page: 'import', council }),
  'work-queue': ({ council }) => ({ page: 'work-queue', council }),
  dashboard: ({ council }) => ({ page: 'dashboard', council }),
  reports: ({ council }) => ({ page: 'reports', council }),
  report: ({ council, assessment }) => ({ page: 'report', council, assessment }),
  visit: ({ council, visit }) => ({ page: 'visit', council, visit }),
  'not-found': () => ({ page: 'not-found', path: '/no-such-page' }),
};
