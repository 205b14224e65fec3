import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import type { Provider } from '@openqaf/server';
import { adminApi } from '../api/admin-api.js';
import type { ProviderField } from '../api/admin-api.js';
import { api } from '../api/api-client.js';
import { ApiError, errorText } from '../api/api-error.js';
import type { FieldError } from './qaf-error-summary.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-error-summary.js';

/** The id of a field's control: `size.beds` -> `f-size-beds`. */
function controlId(field: string): string {
  return `f-${field.replace(/\./g, '-')}`;
}

/** The field a JSON pointer of the provider body names: `/size/beds` -> `size.beds`, `/facts/cqcRating` -> `facts.cqcRating`. */
function fieldOfPointer(pointer: string | undefined): string | undefined {
  const parts = pointer?.split('/').slice(1) ?? [];
  return (parts[0] === 'size' || parts[0] === 'facts') && parts[1] ? `${parts[0]}.${parts[1]}` : parts[0];
}

/** What is wrong with a typed value, in the field's own words; undefined when it is fine. */
export function fieldProblem(f: ProviderField, raw: string): string | undefined {
  if (raw === '') return f.required ? `Enter the ${f.title.toLowerCase()}` : undefined;
  if (f.kind === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? undefined : `${f.title}: enter a date, like 2025-03-31`;
  if (f.kind !== 'integer' && f.kind !== 'number') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) return `${f.title}: enter a number`;
  if (f.kind === 'integer' && !Number.isInteger(n)) return `${f.title}: enter a whole number`;
  if (f.minimum !== undefined && n < f.minimum) return `${f.title}: must be at least ${f.minimum}`;
  if (f.maximum !== undefined && n > f.maximum) return `${f.title}: must be at most ${f.maximum}`;
  return undefined;
}

/**
 * Adds or edits a provider: every field of the record, in the words of the council's pack in
 * force (its service types as choices, the size details its inputs read, with their bounds, and
 * the current CQC rating and its date when it reads them).
 * Checked as typed and by the server; each error names its field and links to it. Size details
 * the pack does not read are kept as they are. Fires `provider-saved` (detail: the provider).
 */
export class QafProviderEditor extends LitElement {
  static override properties = { council: {}, provider: { attribute: false }, _errors: { state: true }, _saving: { state: true } };
  static override styles = [sharedStyles];
  declare council: string;
  /** The provider edited; none to add one. */
  declare provider: Provider | undefined;
  declare private _errors: FieldError[];
  declare private _saving: boolean;

  private _fields = new Task(this, { task: ([c], { signal }) => adminApi.providerFields(c, signal), args: () => [this.council] as const });

  constructor() {
    super();
    this._errors = [];
    this._saving = false;
  }

  override render() {
    return renderTask(this._fields, (fields) => html`
      <qaf-error-summary .errors=${this._errors}></qaf-error-summary>
      <form @submit=${(e: SubmitEvent) => this._save(e, fields)} novalidate>
        <div class="row">${fields.map((f) => this._control(f))}</div>
        <button ?disabled=${this._saving}>${this.provider ? 'Save the provider' : 'Add the provider'}</button>
      </form>`, 'Loading the provider fields…');
  }

  private _value(f: ProviderField): string {
    const p = this.provider;
    if (!p) return '';
    if (f.field.startsWith('size.')) return p.size[f.field.slice(5)]?.toString() ?? '';
    if (f.field.startsWith('facts.')) return p.facts?.[f.field.slice(6)] ?? '';
    const v = p[f.field as 'name' | 'cqcLocationId' | 'serviceType'];
    return v ?? '';
  }

  private _control(f: ProviderField) {
    const id = controlId(f.field);
    const error = this._errors.find((e) => e.field === id);
    const hintId = `${id}-hint`;
    const described = [f.hint ? hintId : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const value = this._value(f);
    const common = { id, invalid: error ? 'true' : 'false' };
    return html`<div>
      <label for=${id}>${f.title}${f.required ? '' : html` <span class="muted">(optional)</span>`}</label>
      ${f.hint ? html`<span class="muted" id=${hintId}>${f.hint}</span>` : nothing}
      ${error ? html`<p class="field-error" id=${`${id}-error`}>${error.message}</p>` : nothing}
      ${f.kind === 'choice'
        ? html`<select id=${common.id} name=${f.field} aria-invalid=${common.invalid} aria-describedby=${described || nothing}>
            <option value="" ?selected=${value === ''}>Not recorded</option>
            ${value && !f.choices!.includes(value) ? html`<option value=${value} selected>${value} (not one of the pack's)</option>` : nothing}
            ${f.choices!.map((c) => html`<option value=${c} ?selected=${c === value}>${c}</option>`)}</select>`
        : html`<input id=${common.id} name=${f.field} .value=${value} aria-invalid=${common.invalid} aria-describedby=${described || nothing}
            type=${f.kind === 'text' ? 'text' : f.kind === 'date' ? 'date' : 'number'} inputmode=${f.kind === 'integer' ? 'numeric' : f.kind === 'number' ? 'decimal' : nothing}
            step=${f.kind === 'integer' ? '1' : f.kind === 'number' ? 'any' : nothing}
            min=${f.minimum ?? nothing} max=${f.maximum ?? nothing} />`}
    </div>`;
  }

  private async _save(e: SubmitEvent, fields: ProviderField[]) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const raw = (f: ProviderField) => String(data.get(f.field) ?? '').trim();
    const problems = fields.flatMap((f) => {
      const message = fieldProblem(f, raw(f));
      return message ? [{ field: controlId(f.field), message }] : [];
    });
    this._errors = problems;
    if (problems.length > 0) return;
    // Size details the pack does not read stay as stored; those it reads are as typed (blank: not recorded).
    const size: Record<string, number> = { ...(this.provider?.size ?? {}) };
    for (const f of fields.filter((x) => x.field.startsWith('size.'))) {
      const key = f.field.slice(5);
      if (raw(f) === '') delete size[key];
      else size[key] = Number(raw(f));
    }
    // Other facts (the current CQC rating and its date) the same way.
    const facts: Record<string, string> = { ...(this.provider?.facts ?? {}) };
    for (const f of fields.filter((x) => x.field.startsWith('facts.'))) {
      const key = f.field.slice(6);
      if (raw(f) === '') delete facts[key];
      else facts[key] = raw(f);
    }
    const text = (name: string) => raw(fields.find((f) => f.field === name)!) || null;
    const body = { name: raw(fields[0]!), cqcLocationId: text('cqcLocationId'), serviceType: text('serviceType'), size, facts };
    this._saving = true;
    try {
      const saved = (this.provider
        ? await adminApi.updateProvider(this.council, this.provider.id, body, `"${this.provider.revision}"`)
        : await api.createProvider(this.council, body)) as Provider;
      this.dispatchEvent(new CustomEvent<Provider>('provider-saved', { detail: saved, bubbles: true, composed: true }));
    } catch (error) {
      this._errors = error instanceof ApiError && error.details.length > 0
        ? error.details.map((d) => {
            const field = fieldOfPointer(d.pointer);
            return field && fields.some((f) => f.field === field) ? { field: controlId(field), message: d.message } : { message: d.message };
          })
        : [{ message: errorText(error) }];
    } finally {
      this._saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-provider-editor': QafProviderEditor;
  }
}
customElements.define('qaf-provider-editor', QafProviderEditor);
