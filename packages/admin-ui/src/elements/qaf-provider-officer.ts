import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { adminApi } from '../api/admin-api.js';
import { errorText } from '../api/api-error.js';
import { assignOfficer, loadAssignment, unassignOfficer } from '../api/assignments-api.js';
import type { OfficerAssignment } from '../api/assignments-api.js';
import { longDate } from '../format/long-date.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';

/**
 * The officer a provider is assigned to (issue 12: the work queue per officer; "my work" is the
 * providers assigned to me). Everyone in the council sees who; a team manager (council admin)
 * assigns one of the council's officers or council admins, or removes the assignment.
 */
export class QafProviderOfficer extends LitElement {
  static override properties = {
    council: {},
    provider: {},
    canAssign: { type: Boolean, attribute: 'can-assign' },
    _assignment: { state: true },
    _error: { state: true },
    _busy: { state: true },
  };
  static override styles = [sharedStyles];
  declare council: string;
  declare provider: string;
  declare canAssign: boolean;
  declare private _assignment: OfficerAssignment | null | undefined;
  declare private _error: string;
  declare private _busy: boolean;

  private _data = new Task(this, {
    task: async ([c, p, canAssign], { signal }) => {
      const [assignment, members] = await Promise.all([loadAssignment(c, p, signal), canAssign ? adminApi.members(c, signal) : Promise.resolve([])]);
      this._assignment = assignment;
      return { officers: members.filter((m) => m.role === 'officer' || m.role === 'council-admin') };
    },
    args: () => [this.council, this.provider, this.canAssign] as const,
  });

  constructor() {
    super();
    this.canAssign = false;
    this._error = '';
    this._busy = false;
  }

  private async _act(action: () => Promise<OfficerAssignment | null>) {
    this._busy = true;
    this._error = '';
    try {
      this._assignment = await action();
    } catch (error) {
      this._error = errorText(error);
    } finally {
      this._busy = false;
    }
  }

  private _assign(e: SubmitEvent) {
    e.preventDefault();
    const officer = ((e.target as HTMLFormElement).elements.namedItem('officer') as HTMLSelectElement).value;
    if (!officer) {
      this._error = 'Choose the officer to assign';
      return;
    }
    void this._act(() => assignOfficer(this.council, this.provider, officer));
  }

  override render() {
    return renderTask(this._data, ({ officers }) => {
      const a = this._assignment;
      return html`<h2>Officer</h2>
        <p role="status">${a ? html`Assigned to <strong>${a.officerName}</strong> since ${longDate(a.assignedAt)}.` : 'No officer is assigned.'}</p>
        ${this._error ? html`<p class="notice bad" role="alert">${this._error}</p>` : nothing}
        ${this.canAssign ? html`<form class="row" @submit=${this._assign}>
          <div><label for="officer">${a ? 'Assign to another officer' : 'Assign to an officer'}</label>
            <select id="officer" name="officer"><option value="">Choose an officer</option>
              ${officers.map((o) => html`<option value=${o.id} ?selected=${o.id === a?.officerId}>${o.name || o.email}</option>`)}</select></div>
          <button type="submit" ?disabled=${this._busy}>Assign</button>
          ${a ? html`<button type="button" class="secondary" ?disabled=${this._busy}
            @click=${() => this._act(async () => { await unassignOfficer(this.council, this.provider); return null; })}>Remove the assignment</button>` : nothing}
        </form>` : nothing}`;
    }, 'Loading the assigned officer…');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-provider-officer': QafProviderOfficer;
  }
}
customElements.define('qaf-provider-officer', QafProviderOfficer);
