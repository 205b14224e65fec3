import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { api } from '../api/api-client.js';
import { can } from '../api/roles.js';
import { loadVisit } from '../api/visits-api.js';
import type { PackVersionWithPack } from '../api/api-types.js';
import type { Visit } from '../api/visits-api.js';
import { assessmentFormModel } from '../pack/assessment-form-model.js';
import type { AssessmentFormModel } from '../pack/assessment-form-model.js';
import type { Pack } from '@openqaf/engine';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-visit-form.js';
import './qaf-visit-review.js';
import { STATUS_WORDS } from './qaf-visit-review.js';

/** The framework version a visit's form is built from: the one in force on the visit date. */
interface FormVersion {
  id: string;
  version: string;
  pack: Pack;
  model: AssessmentFormModel;
}

/** The published version in force on `date` (the current one when none is in force then), with its form model. */
async function versionFor(council: string, date: string | undefined, signal?: AbortSignal): Promise<FormVersion> {
  const inForce = date ? ((await api.packInForce(council, date, signal).catch(() => undefined)) as PackVersionWithPack | undefined) : undefined;
  const found = inForce ?? (await api.pack(council, signal));
  return { id: found.id, version: found.version, pack: found.pack!, model: assessmentFormModel(found.pack!) };
}

/**
 * One visit record: while a draft, the form for the officer (resumed from the server, from any
 * device), built for the framework version in force on the visit date and rebuilt when the
 * officer moves the date into another version's period; once submitted, the sign-off screen;
 * after that, its record.
 */
export class QafVisitPage extends LitElement {
  static override properties = { council: {}, visit: {}, _current: { state: true }, _version: { state: true } };
  static override styles = [sharedStyles];
  declare council: string;
  declare visit: string;
  declare private _current: Visit | undefined;
  declare private _version: FormVersion | undefined;
  private _dateAsked = '';

  private _data = new Task(this, {
    task: async ([c, id], { signal }) => {
      const visit = await loadVisit(c, id, signal);
      const [version, provider, me] = await Promise.all([versionFor(c, visit.draft.date, signal), api.provider(c, visit.providerId, signal), api.me(signal)]);
      this._current = visit;
      this._version = version;
      return { provider, me };
    },
    args: () => [this.council, this.visit] as const,
  });

  /** The officer changed the visit date: the form is rebuilt if another version is in force on it. */
  private async _dateChanged(date: string) {
    this._dateAsked = date;
    const version = await versionFor(this.council, date);
    // Only the latest date asked counts (the officer may change it again meanwhile).
    if (this._dateAsked === date && version.id !== this._version?.id) this._version = version;
  }

  override render() {
    return renderTask(this._data, ({ provider, me }) => {
      const v = this._current!;
      const { pack, model, version } = this._version!;
      const returned = v.status === 'draft' ? v.events.at(-1) : undefined;
      return html`
        <p><a href=${href({ page: 'provider', council: this.council, provider: provider.id })}>← ${provider.name}</a></p>
        <h1>Visit record: ${provider.name}</h1>
        <p class="muted">${STATUS_WORDS[v.status]}</p>
        ${returned?.reason ? html`<p class="notice bad" role="status">Returned by the reviewer: “${returned.reason}”</p>` : nothing}
        ${v.status === 'draft' && can(me, this.council, 'officer')
          ? html`<qaf-visit-form council=${this.council} provider-name=${provider.name} pack-version=${version} .pack=${pack} .model=${model} .visit=${v}
              @visit-date-change=${(e: CustomEvent<string>) => void this._dateChanged(e.detail)} @visit-changed=${(e: CustomEvent<Visit>) => (this._current = e.detail)} @reload-visit=${() => this._data.run()}></qaf-visit-form>`
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
