import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { api } from '../api/api-client.js';
import { errorText } from '../api/api-error.js';
import type { Provider } from '../api/api-types.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-provider-editor.js';
import { ownMember } from '@openqaf/engine/browser';

/**
 * The council's providers: current rating, last visit, next visit due and overdue actions;
 * search by name or CQC id, filter by rating; officers add providers.
 */
export class QafProviders extends LitElement {
  static override properties = {
    council: {},
    canAssess: { type: Boolean, attribute: 'can-assess' },
    _q: { state: true },
    _rating: { state: true },
    _message: { state: true },
    _more: { state: true },
  };
  static override styles = [sharedStyles];
  declare council: string;
  declare canAssess: boolean;
  declare private _q: string;
  declare private _rating: string;
  declare private _message: string;
  /** Pages read with "Show more" after the first, and the cursor of the page after them. */
  declare private _more: { providers: Provider[]; nextCursor: string | null } | undefined;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  private _providers = new Task(this, {
    task: ([c, q, rating], { signal }) => {
      this._more = undefined;
      return api.providers(c, { q, rating }, signal);
    },
    args: () => [this.council, this._q, this._rating] as const,
  });

  private _bands = new Task(this, {
    task: async ([c], { signal }) => {
      const { pack } = await api.pack(c, signal);
      const scale = pack ? ownMember(pack.scales, ownMember(pack.decisions, pack.outcomes.headline)?.scale ?? '') : undefined;
      return scale && 'values' in scale ? [...scale.values].reverse() : [];
    },
    args: () => [this.council] as const,
  });

  constructor() {
    super();
    this.canAssess = false;
    this._q = '';
    this._rating = '';
    this._message = '';
  }

  override render() {
    const bands = this._bands.value ?? [];
    return html`
      <div class="row" role="search">
        <div><label for="q">Search name or CQC id</label><input id="q" type="search" @input=${this._search} /></div>
        <div><label for="rating">Current rating</label><select id="rating" @change=${(e: Event) => (this._rating = (e.target as HTMLSelectElement).value)}>
          <option value="">Any</option>${bands.map((b) => html`<option>${b}</option>`)}<option>Not assessed</option></select></div>
      </div>
      ${renderTask(this._providers, (first) => this._table(first), 'Loading providers…')}
      ${this.canAssess ? html`<details><summary>Add a provider</summary>
        <qaf-provider-editor council=${this.council} @provider-saved=${(e: CustomEvent<{ id: string }>) => { location.hash = href({ page: 'provider', council: this.council, provider: e.detail.id }); }}></qaf-provider-editor></details>` : nothing}`;
  }

  private _table(first: { providers: Provider[]; nextCursor: string | null }) {
    const providers = [...first.providers, ...(this._more?.providers ?? [])];
    const next = this._more ? this._more.nextCursor : first.nextCursor;
    return html`${providers.length === 0
        ? html`<qaf-status kind="empty" message=${this._q || this._rating ? 'No provider matches.' : 'No providers yet.'}></qaf-status>`
        : html`<div class="scroll" tabindex="0"><table>
          <thead><tr><th scope="col">Provider</th><th scope="col">Service</th><th scope="col">Current rating</th><th scope="col">Last visit</th><th scope="col">Next visit due</th><th scope="col">Overdue actions</th></tr></thead>
          <tbody>${providers.map((p) => html`<tr>
            <td><a href=${href({ page: 'provider', council: this.council, provider: p.id })}>${p.name}</a><div class="muted">${p.cqcLocationId ?? ''}</div></td>
            <td>${p.serviceType ?? ''}</td>
            <td>${p.latest ? String(p.latest.rating) : html`<span class="muted">Not assessed</span>`}</td>
            <td>${p.latest?.assessmentDate ?? ''}</td><td>${p.latest?.nextVisitDue ?? ''}</td>
            <td>${p.latest?.overdueActions ? html`<strong class="bad">${p.latest.overdueActions}</strong>` : p.latest ? '0' : ''}</td></tr>`)}</tbody>
        </table></div>`}
      ${next ? html`<button class="more" @click=${() => this._showMore(next)}>Show more providers</button>` : nothing}
      ${this._message ? html`<p role="alert" class="field-error">${this._message}</p>` : nothing}`;
  }

  private async _showMore(cursor: string) {
    try {
      const page = await api.providers(this.council, { q: this._q, rating: this._rating, cursor });
      this._more = { providers: [...(this._more?.providers ?? []), ...page.providers], nextCursor: page.nextCursor };
    } catch (error) {
      this._message = errorText(error);
    }
  }

  private _search(e: Event) {
    const q = (e.target as HTMLInputElement).value;
    clearTimeout(this._timer);
    this._timer = setTimeout(() => (this._q = q), 250);
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-providers': QafProviders;
  }
}
customElements.define('qaf-providers', QafProviders);
