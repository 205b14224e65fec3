import { html } from 'lit';
import type { Me } from '../api/api-types.js';
import type { Route } from '../routing/route.js';
import { href } from '../routing/route.js';
import './qaf-report-page.js';
import './qaf-reports-page.js';
import './qaf-status.js';

/** The councils in which the signed-in user is a provider user (sees its own providers' reports). */
export function providerCouncils(me: Me | undefined): string[] {
  return Object.keys(me?.providerOf ?? {}).filter((c) => (me?.providerOf?.[c]?.length ?? 0) > 0);
}

/** The home page of a user who is only a provider user: its reports, per council. */
export function providerHome(me: Me | undefined, names: Record<string, string> = {}) {
  return html`<h1>Your reports</h1>
    <p>You see the quality reports the council shares with your service, comment on their factual accuracy and send your action plan.</p>
    <ul>${providerCouncils(me).map((c) => html`<li><a href=${href({ page: 'reports', council: c })}>${names[c] ?? c}: your reports</a></li>`)}</ul>`;
}

/**
 * A council page as a provider user sees it: its reports and each report, nothing else (the
 * server refuses the rest too). The navigation offers only the reports.
 */
export function providerCouncilPage(r: Extract<Route, { council: string }>, councilName: string) {
  const nav = html`<p class="muted">${councilName} · Provider</p>
    <nav aria-label="Council pages"><a href=${href({ page: 'reports', council: r.council })} aria-current=${r.page === 'reports' ? 'page' : 'false'}>Your reports</a></nav>`;
  if (r.page === 'reports') return html`${nav}<h1>Your reports</h1><qaf-reports-page council=${r.council}></qaf-reports-page>`;
  if (r.page === 'report') return html`${nav}<qaf-report-page council=${r.council} assessment=${r.assessment} reader="provider"></qaf-report-page>`;
  return html`${nav}<qaf-status kind="error" message="As a provider you see your reports only."><p><a href=${href({ page: 'reports', council: r.council })}>Go to your reports</a></p></qaf-status>`;
}
