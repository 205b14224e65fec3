import { LitElement, css, html, nothing } from 'lit';
import type { Pack } from '@openqaf/engine';
import { parameterRangeWords, unitAfter } from '@openqaf/engine/browser';
import { checkFieldValue } from '../pack/editable-fields.js';
import type { EditableField } from '../pack/editable-fields.js';
import type { FieldProblem } from '../pack/plain-errors.js';
import { sharedStyles } from './shared-styles.js';
import './qaf-citation.js';

/** Detail of the `field-change` event: the new value, or the problem that kept it out. */
export interface FieldChange {
  pointer: string;
  value?: number | string;
  problem?: string;
}

let nextId = 0;

/** A declared parameter's bounds in words: "A whole number from 0 to 250 working days." */
function boundsWords(p: NonNullable<EditableField['parameter']>): string {
  const kind = p.type === 'integer' ? 'A whole number' : p.type === 'date' ? 'A date' : 'A number';
  const range = parameterRangeWords(p);
  return `${kind}${range ? ` ${range}` : p.unit ? ` (${p.unit})` : ''}.`;
}

/**
 * One editable value of a pack: a labelled input (or choice), its citation, and the problems
 * with it, both the plain check of what was typed and the engine's validation of the pack.
 * Fires `field-change` as the value is typed.
 */
export class QafFieldEditor extends LitElement {
  static override properties = {
    field: { attribute: false },
    pack: { attribute: false },
    problems: { attribute: false },
    readonly: { type: Boolean },
    _typed: { state: true },
    _problem: { state: true },
  };
  static override styles = [
    sharedStyles,
    css`:host { padding: 0.5rem 0; border-bottom: 1px solid #e5e5e5; } input[type='number'] { width: 7rem; } input[type='text'] { width: 100%; } .context { font-size: 0.9rem; }`,
  ];
  declare field: EditableField;
  declare pack: Pack | undefined;
  declare problems: FieldProblem[];
  declare readonly: boolean;
  declare private _typed: string | undefined;
  declare private _problem: string | undefined;
  private readonly _id = `field-${nextId++}`;

  constructor() {
    super();
    this.problems = [];
    this.readonly = false;
  }

  override render() {
    const f = this.field;
    const messages = [...(this._problem ? [this._problem] : []), ...this.problems.map((p) => p.message + (p.hint ? ` ${p.hint}` : ''))];
    const invalid = messages.length > 0 ? 'true' : 'false';
    const value = this._typed ?? String(f.value);
    const described = `${this._id}-context ${this._id}-error`;
    // A counting parameter is counted from the criteria list: never typed over here.
    const readonly = this.readonly || f.countedFrom !== undefined;
    const context = [f.context, f.parameter ? boundsWords(f.parameter) : undefined, f.countedFrom].filter(Boolean).join(' ');
    return html`
      <label for=${this._id}>${f.label}<span class="visually-hidden"> (${f.section})</span></label>
      ${context ? html`<div class="context muted" id=${`${this._id}-context`}>${context}</div>` : nothing}
      ${messages.map((m) => html`<p class="field-error" id=${`${this._id}-error`} role="alert">${m}</p>`)}
      <div class="row">
        ${f.kind === 'choice'
          ? html`<select id=${this._id} aria-invalid=${invalid} aria-describedby=${described} ?disabled=${readonly} @change=${this._onInput}>
              ${f.choices!.map((c) => html`<option ?selected=${c === value}>${c}</option>`)}</select>`
          : html`<input id=${this._id} type=${f.kind === 'number' ? 'number' : 'text'} .value=${value} aria-invalid=${invalid} aria-describedby=${described}
              ?readonly=${readonly} step=${f.integer ? '1' : 'any'} min=${f.min ?? nothing} max=${f.max ?? nothing} @input=${this._onInput} />`}
        ${f.parameter?.unit ? html`<span class="unit">${unitAfter(value.trim(), f.parameter.unit)}</span>` : nothing}
        <qaf-citation .source=${f.source} .pack=${this.pack} interpretation=${f.interpretation ?? nothing}></qaf-citation>
      </div>`;
  }

  private _onInput(e: Event) {
    const raw = (e.target as HTMLInputElement | HTMLSelectElement).value;
    this._typed = raw;
    const checked = checkFieldValue(this.field, raw);
    this._problem = checked.problem;
    this.dispatchEvent(new CustomEvent<FieldChange>('field-change', { detail: { pointer: this.field.pointer, ...checked }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-field-editor': QafFieldEditor;
  }
}
customElements.define('qaf-field-editor', QafFieldEditor);
