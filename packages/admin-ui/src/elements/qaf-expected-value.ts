import { LitElement, css, html, nothing } from 'lit';
import { valueWords } from '@openqaf/engine/browser';
import { readExpectedValue } from '../pack/expectation-targets.js';
import type { ValueTarget } from '../pack/expectation-targets.js';
import { sharedStyles } from './shared-styles.js';

/** Detail of `value-change`: the value the person chose, or the problem that kept it out. */
export interface ValueChange {
  id: string;
  value?: unknown;
  problem?: string;
}

let nextId = 0;

/**
 * One expected value of a case (the headline, a decision, a score): a choice of the scale's
 * values, a number, or an ordered list for a `collect` decision; the last run's value is shown
 * beside it but never copied into it. `value` undefined means not chosen yet.
 * Fires `value-change`, and `expectation-remove` when the expectation is taken away.
 */
export class QafExpectedValue extends LitElement {
  static override properties = {
    target: { attribute: false },
    value: { attribute: false },
    actual: { attribute: false },
    hasActual: { type: Boolean, attribute: 'has-actual' },
    stale: { type: Boolean },
    removable: { type: Boolean },
    readonly: { type: Boolean },
    problems: { attribute: false },
    _problem: { state: true },
  };
  static override styles = [
    sharedStyles,
    css`:host { padding: 0.35rem 0; border-bottom: 1px solid #e5e5e5; }
      .actual { font-size: 0.9rem; } .actual.differs { color: var(--qaf-bad, #b10e1e); font-weight: 600; }
      ol { margin: 0.2rem 0; padding-left: 1.5rem; } li { margin: 0.2rem 0; }
      button.small { min-height: 2rem; padding: 0 0.5rem; }`,
  ];
  declare target: ValueTarget;
  declare value: unknown;
  declare actual: unknown;
  declare hasActual: boolean;
  declare stale: boolean;
  declare removable: boolean;
  declare readonly: boolean;
  declare problems: string[];
  declare private _problem: string | undefined;
  private readonly _id = `expected-${nextId++}`;

  constructor() {
    super();
    this.hasActual = false;
    this.stale = false;
    this.removable = false;
    this.readonly = false;
    this.problems = [];
  }

  override render() {
    const t = this.target;
    const messages = [...(this._problem ? [this._problem] : []), ...(this.value === undefined ? ['Choose the expected value.'] : []), ...this.problems];
    const invalid = messages.length ? 'true' : 'false';
    const differs = this.hasActual && this.value !== undefined && JSON.stringify(this.actual ?? null) !== JSON.stringify(this.value);
    return html`
      ${t.kind === 'list' ? html`<p><strong>${t.label}</strong> <span class="muted">(expected)</span></p>` : html`<label for=${this._id}>${t.label} <span class="muted">(expected)</span></label>`}
      ${messages.map((m) => html`<p class="field-error" id=${`${this._id}-error`}>${m}</p>`)}
      <div class="row">
        ${t.kind === 'list' ? this._list(invalid) : this._single(invalid)}
        ${this.hasActual ? html`<span class="actual ${differs ? 'differs' : ''}" id=${`${this._id}-actual`}>Last run${this.stale ? ' (before your changes)' : ''}: ${valueWords(this.actual)}</span>` : nothing}
        ${this.removable && !this.readonly ? html`<button class="secondary small" @click=${this._remove}>Stop expecting this<span class="visually-hidden">: ${t.label}</span></button>` : nothing}
      </div>`;
  }

  private _described() {
    return `${this._id}-error ${this._id}-actual`;
  }

  private _single(invalid: string) {
    const t = this.target;
    if (t.kind === 'number' || t.kind === 'text') {
      const shown = this.value === undefined || this.value === null ? '' : String(this.value);
      return html`<input id=${this._id} type=${t.kind === 'number' ? 'number' : 'text'} .value=${shown} aria-invalid=${invalid} aria-describedby=${this._described()}
        ?readonly=${this.readonly} step=${t.integer ? '1' : 'any'} min=${t.min ?? nothing} max=${t.max ?? nothing} @input=${this._onInput} />
        ${t.kind === 'number' ? html`<span class="muted">Empty: no value expected.</span>` : nothing}`;
    }
    const chosen = this.value === undefined ? '' : JSON.stringify(this.value);
    return html`<select id=${this._id} aria-invalid=${invalid} aria-describedby=${this._described()} ?disabled=${this.readonly} @change=${this._onInput}>
      ${this.value === undefined ? html`<option value="" selected>Choose…</option>` : nothing}
      ${t.choices!.map((c) => html`<option value=${JSON.stringify(c)} ?selected=${chosen === JSON.stringify(c)}>${c}</option>`)}
      <option value="null" ?selected=${chosen === 'null'}>No value</option>
    </select>`;
  }

  private _list(invalid: string) {
    const t = this.target;
    const items = Array.isArray(this.value) ? (this.value as string[]) : [];
    return html`<div id=${this._id} role="group" aria-label=${`${t.label} (expected, in the order the rules give them)`} aria-invalid=${invalid}>
      ${items.length ? html`<ol>${items.map((v, i) => html`<li>${v}${this.readonly ? nothing : html`
        <button class="secondary small" ?disabled=${i === 0} @click=${() => this._move(i, -1)}>Up<span class="visually-hidden">: ${v}</span></button>
        <button class="secondary small" ?disabled=${i === items.length - 1} @click=${() => this._move(i, 1)}>Down<span class="visually-hidden">: ${v}</span></button>
        <button class="secondary small" @click=${() => this._emit(items.filter((_, j) => j !== i))}>Remove<span class="visually-hidden">: ${v}</span></button>`}</li>`)}</ol>`
        : html`<p class="muted">${this.value === undefined ? '' : 'Nothing (an empty list).'}</p>`}
      ${this.readonly ? nothing : html`<div class="row"><div><label for=${`${this._id}-add`}>Add a value</label>
        <select id=${`${this._id}-add`}>${t.choices!.map((c) => html`<option>${c}</option>`)}</select></div>
        <button class="secondary" @click=${this._add}>Add to the list</button></div>`}
    </div>`;
  }

  private _move(i: number, by: number) {
    const items = [...(this.value as string[])];
    [items[i], items[i + by]] = [items[i + by]!, items[i]!];
    this._emit(items);
  }

  private _add() {
    const select = this.renderRoot.querySelector<HTMLSelectElement>(`#${this._id}-add`)!;
    this._emit([...(Array.isArray(this.value) ? (this.value as string[]) : []), select.value]);
  }

  private _emit(value: unknown) {
    this._problem = undefined;
    this.dispatchEvent(new CustomEvent<ValueChange>('value-change', { detail: { id: this.target.id, value } }));
  }

  private _onInput(e: Event) {
    const checked = readExpectedValue(this.target, (e.target as HTMLInputElement | HTMLSelectElement).value);
    this._problem = checked.problem;
    this.dispatchEvent(new CustomEvent<ValueChange>('value-change', { detail: { id: this.target.id, ...checked } }));
  }

  private _remove() {
    this.dispatchEvent(new CustomEvent<{ id: string }>('expectation-remove', { detail: { id: this.target.id } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-expected-value': QafExpectedValue;
  }
}
customElements.define('qaf-expected-value', QafExpectedValue);
