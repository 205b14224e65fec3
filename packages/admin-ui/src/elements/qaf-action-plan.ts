import { LitElement, css, html, nothing } from 'lit';
import type { PlannedAction, TrackedPlannedAction } from '../api/report-api.js';
import { longDate } from '../format/long-date.js';
import { sharedStyles } from './shared-styles.js';

const EMPTY: PlannedAction = { action: '', owner: '', due: '' };

/** What a provider records about one action of a final report's plan (`record-action-progress`). */
export interface ProgressDetail {
  /** The action's number, from 1. */
  number: number;
  status: 'in-progress' | 'done';
  owner: string;
  on: string;
  note?: string;
}

const STATUS_WORDS = { open: 'Not started', 'in-progress': 'In progress', done: 'Done' } as const;

/** An action's state in words: its status and, once progress is recorded, the latest record. */
function stateWords(a: PlannedAction & Partial<TrackedPlannedAction>): string {
  const last = a.progress?.at(-1);
  if (!last) return STATUS_WORDS[a.status ?? 'open'];
  return `${STATUS_WORDS[last.status]} on ${longDate(last.on)} (${last.owner})${last.note ? `: ${last.note}` : ''}`;
}

/**
 * The provider's improvement action plan: one owner and one date per action. Everyone who sees
 * the report sees the plan and each action's progress; a provider user (`can-edit`) writes it
 * and sends it as a whole (`submit-action-plan`, detail `{ actions }`), replacing the one before.
 * Once the report is final the plan is no longer replaced: the provider user (`can-record`)
 * records progress or completion per action (`record-action-progress`, a {@link ProgressDetail}).
 */
export class QafActionPlan extends LitElement {
  static override properties = {
    plan: { attribute: false },
    canEdit: { type: Boolean, attribute: 'can-edit' },
    canRecord: { type: Boolean, attribute: 'can-record' },
    _rows: { state: true },
    _errors: { state: true },
  };
  static override styles = [
    sharedStyles,
    css`fieldset { border: 1px solid var(--qaf-line, #b1b4b6); margin: 0.5rem 0; padding: 0.5rem 0.75rem; }
      legend { font-weight: 600; }
      .fields { display: grid; grid-template-columns: 2fr 1fr 1fr; gap: 0.5rem; }
      .fields input { width: 100%; }
      @media (max-width: 40rem) { .fields { grid-template-columns: 1fr; } }
      @media print { form { display: none; } }`,
  ];
  declare plan: (PlannedAction & Partial<TrackedPlannedAction>)[];
  declare canEdit: boolean;
  declare canRecord: boolean;
  declare _rows: PlannedAction[] | undefined;
  declare _errors: Record<string, string>;

  constructor() {
    super();
    this.plan = [];
    this.canEdit = false;
    this.canRecord = false;
    this._errors = {};
  }

  private get rows(): PlannedAction[] {
    return this._rows ?? (this.plan.length ? this.plan.map((a) => ({ ...a })) : [{ ...EMPTY }]);
  }

  override render() {
    return html`
      <h2>Improvement action plan</h2>
      ${this.plan.length === 0 ? html`<p class="muted">The provider has not sent an action plan.</p>` : html`<div class="scroll"><table>
        <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Progress</th></tr></thead>
        <tbody>${this.plan.map((a) => html`<tr><td>${a.action}</td><td>${a.owner}</td><td>${longDate(a.due)}</td><td>${stateWords(a)}</td></tr>`)}</tbody>
      </table></div>`}
      ${this.canEdit ? this._form() : nothing}
      ${this.canRecord ? this._progressForms() : nothing}`;
  }

  private _progressForms() {
    const open = this.plan.map((a, i) => ({ a, n: i + 1 })).filter(({ a }) => a.status !== 'done');
    if (open.length === 0) return html`<p>Every action is done.</p>`;
    return html`<h3>Record progress</h3>
      <p class="muted">The report is final: the plan stays as sent, and you record progress or completion of each action.</p>
      ${open.map(({ a, n }) => html`<form @submit=${(e: SubmitEvent) => this._record(e, n)} novalidate><fieldset>
        <legend>Action ${n}: ${a.action}</legend><div class="fields">
          <div><label for=${`p-status-${n}`}>Where it stands</label><select id=${`p-status-${n}`} name="status">
            <option value="in-progress">In progress</option><option value="done">Done</option></select></div>
          ${this._field(n, 'p-owner', 'Owner', 'text', a.owner)}
          ${this._field(n, 'p-on', 'On (date)', 'date', '')}
          ${this._field(n, 'p-note', 'Note (optional)', 'text', '')}
        </div><button type="submit">Record progress on action ${n}</button></fieldset></form>`)}`;
  }

  private _record(e: SubmitEvent, n: number) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const get = (name: string) => String(data.get(`${name}-${n}`) ?? '').trim();
    const errors: Record<string, string> = {};
    if (!get('p-owner')) errors[`p-owner-${n}`] = `Name who owns action ${n}`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(get('p-on'))) errors[`p-on-${n}`] = `Give the date of the progress on action ${n}`;
    this._errors = errors;
    if (Object.keys(errors).length > 0) return;
    const note = get('p-note');
    const detail: ProgressDetail = { number: n, status: String(data.get('status')) as ProgressDetail['status'], owner: get('p-owner'), on: get('p-on'), ...(note ? { note } : {}) };
    this.dispatchEvent(new CustomEvent<ProgressDetail>('record-action-progress', { detail, bubbles: true, composed: true }));
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

  private _field(i: number, name: string, label: string, type: string, value: string) {
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
