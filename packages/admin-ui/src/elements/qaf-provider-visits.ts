import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { errorText } from '../api/api-error.js';
import { listVisits, startVisit } from '../api/visits-api.js';
import { longDate, longDateTime } from '../format/long-date.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import { STATUS_WORDS } from './qaf-visit-review.js';

/**
 * A provider's visit records: start a new one (an officer), and reopen a draft from any device
 * or open a submitted one for sign-off.
 */
export class QafProviderVisits extends LitElement {
  static override properties = { council: {}, provider: {}, canStart: { type: Boolean, attribute: 'can-start' }, _error: { state: true }, _busy: { state: true } };
  static override styles = [sharedStyles];
  declare council: string;
  declare provider: string;
  declare canStart: boolean;
  declare private _error: string;
  declare private _busy: boolean;

  private _visits = new Task(this, {
    task: async ([c, p], { signal }) => listVisits(c, { providerId: p }, signal),
    args: () => [this.council, this.provider] as const,
  });

  constructor() {
    super();
    this.canStart = false;
    this._error = '';
    this._busy = false;
  }

  private async _start() {
    this._busy = true;
    this._error = '';
    try {
      const visit = await startVisit(this.council, this.provider);
      location.hash = href({ page: 'visit', council: this.council, visit: visit.id });
    } catch (error) {
      this._error = `The visit record was not started: ${errorText(error)}`;
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`<h2>Visit records</h2>
      ${this.canStart ? html`<p><button id="start-visit" type="button" ?disabled=${this._busy} @click=${this._start}>Start a visit record</button></p>` : nothing}
      ${this._error ? html`<p class="notice bad" role="alert">${this._error}</p>` : nothing}
      ${renderTask(this._visits, (visits) => visits.length === 0 ? html`<p class="muted">No visit records yet.</p>` : html`<ul>
        ${visits.map((v) => html`<li><a href=${href({ page: 'visit', council: this.council, visit: v.id })}>Visit of ${v.draft.date ? longDate(v.draft.date) : '—'}: ${STATUS_WORDS[v.status]}</a>
          <span class="muted">(last changed ${longDateTime(v.updatedAt)})</span></li>`)}</ul>`, 'Loading the visit records…')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-provider-visits': QafProviderVisits;
  }
}
customElements.define('qaf-provider-visits', QafProviderVisits);
