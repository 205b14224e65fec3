import { LitElement, css, html, nothing } from 'lit';
import { api } from '../api/api-client.js';
import { can, roleIn, roleLabel } from '../api/roles.js';
import { RouteController } from '../controllers/route-controller.js';
import { SessionController } from '../controllers/session-controller.js';
import type { Route } from '../routing/route.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import type { SignInRequest } from './qaf-sign-in.js';
import { signInError } from './qaf-sign-in.js';
import './qaf-assessment-form.js';
import './qaf-checks.js';
import './qaf-choose-password.js';
import './qaf-work-queue-page.js';
import './qaf-dashboard-page.js';
import './qaf-council-list.js';
import './qaf-council-nav.js';
import './qaf-determination-page.js';
import './qaf-draft-editor.js';
import './qaf-pack-page.js';
import './qaf-provider-page.js';
import './qaf-providers.js';
import './qaf-publish.js';
import './qaf-sign-in.js';
import './qaf-status.js';
import './qaf-version-history.js';
import './qaf-what-if.js';
import './qaf-visit-page.js';
import { councilAdminPage, councilNames, platformLinks, platformPage } from './qaf-admin-pages.js';
import { providerCouncilPage, providerCouncils, providerHome } from './provider-pages.js';

/** The admin UI: header, sign-in gate and the page the URL hash names. */
export class QafApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`header { background: #0b0c0c; color: #fff; padding: 0.6rem 1rem; display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; }
      header a { color: #fff; font-weight: 700; font-size: 1.2rem; text-decoration: none; }
      header button { background: transparent; border-color: #fff; }
      header nav { display: inline; } header nav a { font-size: 1rem; font-weight: 400; margin-right: 0.8rem; }
      main { max-width: 80rem; margin: 0 auto; padding: 1rem; }
      .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 0.5rem; background: #ffdd00; color: #0b0c0c; padding: 0.3rem; z-index: 2; }
      @media print { header, .skip { display: none; } main { max-width: none; padding: 0; } }`,
  ];
  private readonly _route = new RouteController(this);
  private readonly _session = new SessionController(this, api);
  /** Council id -> name, to name councils in words rather than by id. */
  private readonly _names = councilNames(this, () => this._session.signedIn && !this._session.me?.mustChangePassword);

  override render() {
    const s = this._session;
    const user = s.me?.user;
    return html`
      <a class="skip" href="#main" @click=${(e: Event) => { e.preventDefault(); this.renderRoot.querySelector<HTMLElement>('main')?.focus(); }}>Skip to content</a>
      <header>
        <a href="#/">OpenQAF</a>
        ${user ? html`<span>${platformLinks(s.me)} ${user.name || user.email} <button @click=${() => s.signOut()}>Sign out</button></span>` : nothing}
      </header>
      <main id="main" tabindex="-1">${this._page()}</main>`;
  }

  private _page() {
    const s = this._session;
    if (s.state === 'loading') return html`<qaf-status kind="loading" message="Starting…"></qaf-status>`;
    if (s.state === 'error') return html`<qaf-status kind="error" message=${s.error}><p><button @click=${() => s.reload()}>Try again</button></p></qaf-status>`;
    const r = this._route.route;
    // A reset link works signed in or not: it is for someone who cannot sign in.
    if (r.page === 'reset-password') return html`<qaf-choose-password code=${r.code}></qaf-choose-password>`;
    if (!s.signedIn) return html`<qaf-sign-in @sign-in=${this._signIn}></qaf-sign-in>`;
    if (s.me?.mustChangePassword) return html`<qaf-choose-password @password-changed=${() => s.reload()}></qaf-choose-password>`;
    document.title = `OpenQAF — ${r.page === 'home' ? 'councils' : r.page}`;
    const onlyProvider = Object.keys(s.me?.roles ?? {}).length === 0 && !s.me?.user?.platformAdmin && providerCouncils(s.me).length > 0;
    if ((r.page === 'home' || r.page === 'sign-in') && onlyProvider) return providerHome(s.me, this._names.value);
    if (r.page === 'home' || r.page === 'sign-in') return html`<qaf-council-list .me=${s.me!}></qaf-council-list>`;
    if (r.page === 'users' || r.page === 'tokens' || r.page === 'audit-all') return platformPage(r, s.me, this._names.value);
    if (r.page === 'not-found') return html`<qaf-status kind="error" message=${`There is no page at ${r.path}.`}><p><a href="#/">Go to your councils</a></p></qaf-status>`;
    return this._councilPage(r);
  }

  private _councilPage(r: Exclude<Route, { page: 'home' | 'sign-in' | 'reset-password' | 'not-found' | 'users' | 'tokens' | 'audit-all' }>) {
    const me = this._session.me;
    const role = roleIn(me, r.council);
    if (!role && providerCouncils(me).includes(r.council)) return providerCouncilPage(r, this._names.value?.[r.council] ?? r.council);
    if (!role) return html`<qaf-status kind="error" message="You have no role in this council."><p><a href="#/">Go to your councils</a></p></qaf-status>`;
    const admin = can(me, r.council, 'council-admin');
    const officer = can(me, r.council, 'officer');
    const name = this._names.value?.[r.council] ?? r.council;
    const nav = html`<p class="muted">${name} · ${roleLabel(role)}</p><qaf-council-nav council=${r.council} current=${r.page} ?admin=${admin}></qaf-council-nav>`;
    switch (r.page) {
      case 'pack': return html`${nav}<qaf-pack-page council=${r.council}></qaf-pack-page>`;
      case 'edit': return html`${nav}<h1>Edit the draft</h1><qaf-draft-editor council=${r.council} ?can-edit=${admin}></qaf-draft-editor>`;
      case 'json':
        // CodeMirror is loaded only when the JSON editor is opened.
        void import('./qaf-json-editor.js');
        return html`${nav}<h1>The draft as JSON</h1><qaf-json-editor council=${r.council} ?can-edit=${admin}></qaf-json-editor>`;
      case 'checks': return html`${nav}<h1>Cases and analysis</h1><qaf-checks council=${r.council} ?can-edit=${admin}></qaf-checks>`;
      case 'what-if': return html`${nav}<h1>What-if</h1><qaf-what-if council=${r.council}></qaf-what-if>`;
      case 'publish': return html`${nav}<h1>Publish the draft</h1><qaf-publish council=${r.council} ?can-edit=${admin}></qaf-publish>`;
      case 'versions': return html`${nav}<h1>Version history</h1><qaf-version-history council=${r.council} ?can-edit=${admin}></qaf-version-history>`;
      case 'providers': return html`${nav}<h1>Providers</h1><qaf-providers council=${r.council} ?can-assess=${officer}></qaf-providers>`;
      case 'provider': return html`${nav}<qaf-provider-page council=${r.council} provider=${r.provider} ?can-assess=${officer} ?can-assign=${admin}></qaf-provider-page>`;
      case 'assess': return officer
        ? html`${nav}<qaf-assessment-form council=${r.council} provider=${r.provider}></qaf-assessment-form>`
        : html`${nav}<qaf-status kind="error" message="Only quality officers and council admins can record assessments."></qaf-status>`;
      case 'determination': return html`${nav}<qaf-determination-page council=${r.council} assessment=${r.assessment}></qaf-determination-page>`;
      case 'visit': return html`${nav}<qaf-visit-page council=${r.council} visit=${r.visit}></qaf-visit-page>`;
      case 'dashboard': return html`${nav}<h1>Dashboard</h1><qaf-dashboard-page council=${r.council}></qaf-dashboard-page>`;
      case 'work-queue': return html`${nav}<qaf-work-queue-page council=${r.council} ?can-complete=${officer}></qaf-work-queue-page>`;
      case 'reports': return html`${nav}<h1>Provider reports</h1><qaf-reports-page council=${r.council}></qaf-reports-page>`;
      case 'report': return html`${nav}<qaf-report-page council=${r.council} assessment=${r.assessment} reader=${officer ? 'officer' : 'viewer'}></qaf-report-page>`;
      case 'members': case 'audit': case 'import': return html`${nav}${councilAdminPage(r, me, name)}`;
    }
  }

  private async _signIn(e: CustomEvent<SignInRequest>) {
    try {
      await this._session.signIn(e.detail.email, e.detail.password);
      if (this._route.route.page === 'sign-in') location.hash = href({ page: 'home' });
    } catch (error) {
      e.detail.fail(signInError(error));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-app': QafApp;
  }
}
customElements.define('qaf-app', QafApp);
