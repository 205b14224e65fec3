import { describe, expect, it } from 'vitest';
import { EVERY_PAGE, href, parseRoute } from './route.js';
import type { Route } from './route.js';

describe('parseRoute', () => {
  it('reads an empty hash as the home page', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/')).toEqual({ page: 'home' });
  });

  it('reads council pages, providers and determinations', () => {
    expect(parseRoute('#/councils/birmingham')).toEqual({ page: 'pack', council: 'birmingham' });
    expect(parseRoute('#/councils/birmingham/draft/what-if')).toEqual({ page: 'what-if', council: 'birmingham' });
    expect(parseRoute('#/councils/bolton/providers/p-1/assess')).toEqual({ page: 'assess', council: 'bolton', provider: 'p-1' });
    expect(parseRoute('#/councils/bolton/assessments/a%201')).toEqual({ page: 'determination', council: 'bolton', assessment: 'a 1' });
    expect(parseRoute('#/councils/bolton/visits/v%201')).toEqual({ page: 'visit', council: 'bolton', visit: 'v 1' });
  });

  it('reads the admin pages: the platform\'s and a council\'s', () => {
    expect(parseRoute('#/users')).toEqual({ page: 'users' });
    expect(parseRoute('#/audit')).toEqual({ page: 'audit-all' });
    expect(parseRoute('#/councils/bolton/providers/import')).toEqual({ page: 'import', council: 'bolton' });
    expect(parseRoute('#/councils/bolton/work-queue')).toEqual({ page: 'work-queue', council: 'bolton' });
    expect(parseRoute('#/councils/bolton/dashboard')).toEqual({ page: 'dashboard', council: 'bolton' });
    expect(parseRoute('#/councils/bolton/members')).toEqual({ page: 'members', council: 'bolton' });
  });

  it('reads a password reset link, with or without its code, and writes it back', () => {
    expect(parseRoute('#/reset-password/abc_DEF-123')).toEqual({ page: 'reset-password', code: 'abc_DEF-123' });
    expect(parseRoute('#/reset-password')).toEqual({ page: 'reset-password', code: '' });
    expect(href({ page: 'reset-password', code: 'abc_DEF-123' })).toBe('#/reset-password/abc_DEF-123');
    expect(parseRoute('#/reset-password/a/b')).toEqual({ page: 'not-found', path: '/reset-password/a/b' });
  });

  it('reads the reports list and one provider report', () => {
    expect(parseRoute('#/councils/bolton/reports')).toEqual({ page: 'reports', council: 'bolton' });
    expect(parseRoute('#/councils/bolton/assessments/a-1/report')).toEqual({ page: 'report', council: 'bolton', assessment: 'a-1' });
    expect(parseRoute('#/councils/bolton/assessments/a-1/report/x')).toEqual({ page: 'not-found', path: '/councils/bolton/assessments/a-1/report/x' });
  });

  it('answers not-found for a path it does not know instead of throwing', () => {
    expect(parseRoute('#/councils/bolton/nothing/here')).toEqual({ page: 'not-found', path: '/councils/bolton/nothing/here' });
  });

  it('round-trips every page through href', () => {
    const routes: Route[] = [
      { page: 'home' },
      { page: 'sign-in' },
      { page: 'pack', council: 'b' },
      { page: 'edit', council: 'b' },
      { page: 'json', council: 'b' },
      { page: 'checks', council: 'b' },
      { page: 'what-if', council: 'b' },
      { page: 'publish', council: 'b' },
      { page: 'versions', council: 'b' },
      { page: 'providers', council: 'b' },
      { page: 'provider', council: 'b', provider: 'p' },
      { page: 'assess', council: 'b', provider: 'p' },
      { page: 'determination', council: 'b', assessment: 'a' },
      { page: 'visit', council: 'b', visit: 'v' },
      { page: 'users' },
      { page: 'tokens' },
      { page: 'audit-all' },
      { page: 'members', council: 'b' },
      { page: 'audit', council: 'b' },
      { page: 'import', council: 'b' },
      { page: 'work-queue', council: 'b' },
      { page: 'reports', council: 'b' },
      { page: 'report', council: 'b', assessment: 'a' },
      { page: 'dashboard', council: 'b' },
    ];
    for (const r of routes) expect(parseRoute(href(r))).toEqual(r);
  });

  it('lists one route of every page, each read back as itself', () => {
    const ids = { council: 'b', provider: 'p 1', assessment: 'a1', visit: 'v1' };
    for (const [page, make] of Object.entries(EVERY_PAGE)) {
      const route = make(ids);
      expect(route.page).toBe(page);
      expect(parseRoute(href(route))).toEqual(route);
    }
  });
});
