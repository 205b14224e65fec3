import { LitElement, css, html, nothing } from 'lit';
import type { PlannedAction } from '../api/report-api.js';
import { longDate } from '../format/long-date.js';
import { sharedStyles } from './shared-styles.js';

const EMPTY: PlannedAction = { action: '', owner: '', due: '' };

/**
 * The provider's improvement action plan: one owner and one date per action. Everyone who sees
 * the report sees the plan; a provider user (`can-edit`) writes it and sends it as a whole
 * (`submit-action-plan`, detail `{ actions }`), replacing the one before.
 */
export class QafActionPlan extends LitElement {
  static override properties = { plan: { attribute: false }, canEdit: { type: Boolean, attribute: 'can-edit' }, _rows: { state: true }, _errors: { state: true } };
  static override styles = [
    sharedStyles,
    css`fieldset { border: 1px solid var(--qaf-line, #b1b4b6); margin: 0.5rem 0; padding: 0.5rem 0.75rem; }
      legend { font-weight: 600; }
      .fields { display: grid; grid-template-columns: 2fr 1fr 1fr; gap: 0.5rem; }
      .fields input { width: 100%; }
      @media (max-width: 40rem) { .fields { grid-template-columns: 1fr; } }
      @media print { form { display: none; } }`,
  ];
  declare plan: PlannedAction[];
  declare canEdit: boolean;
  declare _rows: PlannedAction[] | undefined;
  declare _errors: Record<string, string>;

  constructor() {
    super();
    this.plan = [];
    this.canEdit = false;
    this._errors = {};
  }

  private get rows(): PlannedAction[] {
    return this._rows ?? (this.plan.length ? this.plan.map((a) => ({ ...a })) : [{ ...EMPTY }]);
  }

  override render() {
    return html`
      <h2>Improvement action plan</h2>
      ${this.plan.length === 0 ? html`<p class="muted">The provider has not sent an action plan.</p>` : html`<div class="scroll"><table>
        <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th></tr></thead>
        <tbody>${this.plan.map((a) => html`<tr><td>${a.action}</td><td>${a.owner}</td><td>${longDate(a.due)}</td></tr>`)}</tbody>
      </table></div>`}
      ${this.canEdit ? this._form() : nothing}`;
  }

  private _form() {
    const rows = this.rows;
    return html`<form @submit=${this._submit} novalidate>
      <h3>${this.plan.length ? 'Change the action plan' : 'Send your action plan'}</h3>
      ${rows.map((a, i) => html`<fieldset><legend>Action ${i + 1}</legend><div class="fields">
        ${this._field(i, 'action', 'What will be done', 'text', a.action)}
        ${this._field(i, 'owner', 'Owner', 'text', a.owner)}
        ${this._field(i, 'due', 'Due by', 'date', a.due)}
      </div></fieldset>`)}
      <p class="row">
        <button type="button" class="secondary" @click=${() => { this._rows = [...this._read(), { ...EMPTY }]; }}>Add another action</button>
        <button type="submit">Send the action plan</button>
      </p>
    </form>`;
  }

  private _field(i: number, name: keyof PlannedAction, label: string, type: string, value: string) {
    const id = `${name}-${i}`;
    const err = this._errors[id];
    return html`<div><label for=${id}>${label}</label>
      ${err ? html`<p class="field-error" id=${`${id}-error`}>${err}</p>` : nothing}
      <input id=${id} name=${id} type=${type} .value=${value} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `${id}-error` : ''}></div>`;
  }

  /** The rows as typed so far. */
  private _read(): PlannedAction[] {
    const value = (id: string) => this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value.trim() ?? '';
    return this.rows.map((_, i) => ({ action: value(`action-${i}`), owner: value(`owner-${i}`), due: value(`due-${i}`) }));
  }

  private _submit(e: SubmitEvent) {
    e.preventDefault();
    const rows = this._read();
    const errors: Record<string, string> = {};
    rows.forEach((a, i) => {
      if (!a.action) errors[`action-${i}`] = `Say what action ${i + 1} is`;
      if (!a.owner) errors[`owner-${i}`] = `Name who owns action ${i + 1}`;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(a.due)) errors[`due-${i}`] = `Give the date action ${i + 1} is due by`;
    });
    this._rows = rows;
    this._errors = errors;
    if (Object.keys(errors).length > 0) return;
    this.dispatchEvent(new CustomEvent<{ actions: PlannedAction[] }>('submit-action-plan', { detail: { actions: rows }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-action-plan': QafActionPlan;
  }
}
customElements.define('qaf-action-plan', QafActionPlan);
