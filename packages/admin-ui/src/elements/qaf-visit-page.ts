import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { api } from '../api/api-client.js';
import { can } from '../api/roles.js';
import { loadVisit } from '../api/visits-api.js';
import type { Visit } from '../api/visits-api.js';
import { assessmentFormModel } from '../pack/assessment-form-model.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-visit-form.js';
import './qaf-visit-review.js';
import { STATUS_WORDS } from './qaf-visit-review.js';

/**
 * One visit record: while a draft, the form for the officer (resumed from the server, from any
 * device); once submitted, the sign-off screen; after that, its record.
 */
export class QafVisitPage extends LitElement {
  static override properties = { council: {}, visit: {}, _current: { state: true } };
  static override styles = [sharedStyles];
  declare council: string;
  declare visit: string;
  declare private _current: Visit | undefined;

  private _data = new Task(this, {
    task: async ([c, id], { signal }) => {
      const visit = await loadVisit(c, id, signal);
      const [published, provider, me] = await Promise.all([api.pack(c, signal), api.provider(c, visit.providerId, signal), api.me(signal)]);
      this._current = visit;
      return { pack: published.pack!, model: assessmentFormModel(published.pack!), provider, me };
    },
    args: () => [this.council, this.visit] as const,
  });

  override render() {
    return renderTask(this._data, ({ pack, model, provider, me }) => {
      const v = this._current!;
      const returned = v.status === 'draft' ? v.events.at(-1) : undefined;
      return html`
        <p><a href=${href({ page: 'provider', council: this.council, provider: provider.id })}>← ${provider.name}</a></p>
        <h1>Visit record: ${provider.name}</h1>
        <p class="muted">${STATUS_WORDS[v.status]}</p>
        ${returned?.reason ? html`<p class="notice bad" role="status">Returned by the reviewer: “${returned.reason}”</p>` : nothing}
        ${v.status === 'draft' && can(me, this.council, 'officer')
          ? html`<qaf-visit-form council=${this.council} provider-name=${provider.name} .pack=${pack} .model=${model} .visit=${v}
              @visit-changed=${(e: CustomEvent<Visit>) => (this._current = e.detail)} @reload-visit=${() => this._data.run()}></qaf-visit-form>`
          : html`<qaf-visit-review council=${this.council} user-id=${me.user?.id ?? ''} .pack=${pack} .model=${model} .visit=${v}
              ?can-review=${can(me, this.council, 'council-admin')} @visit-changed=${(e: CustomEvent<Visit>) => (this._current = e.detail)}></qaf-visit-review>`}`;
    }, 'Loading the visit record…');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-visit-page': QafVisitPage;
  }
}
customElements.define('qaf-visit-page', QafVisitPage);
