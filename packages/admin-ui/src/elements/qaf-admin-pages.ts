import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { ReactiveControllerHost } from 'lit';
import { api } from '../api/api-client.js';
import type { Me } from '../api/api-types.js';
import { can } from '../api/roles.js';
import type { Route } from '../routing/route.js';
import { href } from '../routing/route.js';
import './qaf-api-tokens.js';
import './qaf-audit-log.js';
import './qaf-council-members.js';
import './qaf-provider-import.js';
import './qaf-users.js';

/** A task holding council id -> council name, read once someone is signed in. */
export function councilNames(host: ReactiveControllerHost & HTMLElement, signedIn: () => boolean) {
  return new Task(host, {
    task: async ([yes], { signal }) => (yes ? Object.fromEntries((await api.councils(signal)).map((c) => [c.id, c.name])) : {}) as Record<string, string>,
    args: () => [signedIn()] as const,
  });
}

/** The header's links to the platform pages the user may open. */
export function platformLinks(me: Me | undefined) {
  if (!me?.user) return nothing;
  const admin = me.user.platformAdmin;
  return html`<nav aria-label="Account and platform">
    <a href=${href({ page: 'tokens' })}>API tokens</a>
    ${admin ? html`<a href=${href({ page: 'users' })}>Users</a>
      <a href=${href({ page: 'audit-all' })}>Audit log</a>` : nothing}</nav>`;
}

const onlyPlatformAdmins = html`<qaf-status kind="error" message="Only platform admins can open this page."><p><a href="#/">Go to your councils</a></p></qaf-status>`;

/** Users, API tokens and the whole audit log: the tokens page for anyone signed in, the others for platform admins. */
export function platformPage(r: Extract<Route, { page: 'users' | 'tokens' | 'audit-all' }>, me: Me | undefined, councilNames: Record<string, string> = {}) {
  const admin = Boolean(me?.user?.platformAdmin);
  document.title = `OpenQAF — ${r.page === 'tokens' ? 'API tokens' : r.page === 'users' ? 'users' : 'audit log'}`;
  switch (r.page) {
    case 'tokens': return html`<h1>Your API tokens</h1><qaf-api-tokens></qaf-api-tokens>`;
    case 'users': return admin ? html`<h1>Users</h1><qaf-users .councilNames=${councilNames}></qaf-users>` : onlyPlatformAdmins;
    case 'audit-all': return admin ? html`<h1>Audit log</h1><qaf-audit-log platform-admin></qaf-audit-log>` : onlyPlatformAdmins;
  }
}

/** A council's users and roles, its audit log (council admins) and provider import and export. */
export function councilAdminPage(r: Extract<Route, { page: 'members' | 'audit' | 'import' }>, me: Me | undefined, councilName: string) {
  const admin = can(me, r.council, 'council-admin');
  const platform = Boolean(me?.user?.platformAdmin);
  if (r.page === 'import') return html`<h1>Import and export providers</h1><qaf-provider-import council=${r.council} ?can-import=${admin}></qaf-provider-import>`;
  if (!admin) return html`<qaf-status kind="error" message="Only council admins can open this page."></qaf-status>`;
  return r.page === 'members'
    ? html`<h1>Users and roles in ${councilName}</h1><qaf-council-members council=${r.council} council-name=${councilName} ?platform-admin=${platform}></qaf-council-members>`
    : html`<h1>Audit log of ${councilName}</h1><qaf-audit-log council=${r.council}></qaf-audit-log>`;
}
