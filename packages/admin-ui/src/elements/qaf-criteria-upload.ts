import { LitElement, html, nothing } from 'lit';
import type { CriteriaImportReply } from '@openqaf/server';
import { adminApi } from '../api/admin-api.js';
import { ApiError, errorText } from '../api/api-error.js';
import { counted } from '../format/count-words.js';
import { sharedStyles } from './shared-styles.js';

/** One bad row of the criteria CSV, as the server names it. */
interface RowProblem {
  line?: number;
  csvColumn?: string;
  message: string;
}

/**
 * Loads the council's criteria list (CSV: id, wording, domain, standard, mandatory, advanced)
 * into the draft at the revision the editor holds. A refused list shows every bad row (line,
 * column, what is wrong) and changes nothing; a loaded one shows the criteria per domain and
 * fires `criteria-loaded` so the editor reloads the draft.
 */
export class QafCriteriaUpload extends LitElement {
  static override properties = { council: {}, etag: {}, disabled: { type: Boolean }, _csv: { state: true }, _problems: { state: true }, _loaded: { state: true }, _error: { state: true }, _busy: { state: true } };
  static override styles = [sharedStyles];
  declare council: string;
  declare etag: string | null;
  declare disabled: boolean;
  declare private _csv: string;
  declare private _problems: RowProblem[];
  declare private _loaded: CriteriaImportReply | undefined;
  declare private _error: string;
  declare private _busy: boolean;

  constructor() {
    super();
    this.etag = null;
    this.disabled = false;
    this._csv = '';
    this._problems = [];
    this._error = '';
    this._busy = false;
  }

  override render() {
    return html`<details>
      <summary><h2 style="display:inline">Load the criteria list from CSV</h2></summary>
      <form @submit=${this._load} novalidate>
        <p class="muted">A header row naming the columns <code>id</code>, <code>wording</code>, <code>domain</code>, <code>standard</code>,
          <code>mandatory</code> and <code>advanced</code>; a domain or standard by its id or title; mandatory and advanced are yes or no.
          The draft's criteria are then exactly these rows. If any row is wrong, nothing changes.</p>
        ${this.disabled ? html`<p class="notice">Save or drop your changes on this page first.</p>` : nothing}
        <div><label for="criteria-file">CSV file</label><input id="criteria-file" type="file" accept=".csv,text/csv" @change=${this._read} /></div>
        <div><label for="criteria-text">Or paste the CSV</label><textarea id="criteria-text" rows="6" .value=${this._csv}
          @input=${(e: Event) => (this._csv = (e.target as HTMLTextAreaElement).value)}></textarea></div>
        <button ?disabled=${this._busy || this.disabled || !this.etag}>${this._busy ? 'Loading…' : 'Load into the draft'}</button>
      </form>
      ${this._error ? html`<p class="notice bad" role="alert">${this._error}</p>` : nothing}
      ${this._problems.length ? this._problemsView() : nothing}
      ${this._loaded ? this._loadedView(this._loaded) : nothing}
    </details>`;
  }

  private _problemsView() {
    return html`<section aria-labelledby="criteria-problems">
      <h3 id="criteria-problems" tabindex="-1">${counted(this._problems.length, 'problem')} in the CSV: the draft is unchanged</h3>
      <div class="scroll"><table>
        <thead><tr><th scope="col">Line</th><th scope="col">Column</th><th scope="col">What is wrong</th></tr></thead>
        <tbody>${this._problems.map((p) => html`<tr><td>${p.line ?? ''}</td><td>${p.csvColumn ?? ''}</td><td>${p.message}</td></tr>`)}</tbody>
      </table></div>
    </section>`;
  }

  private _loadedView(r: CriteriaImportReply) {
    return html`<section aria-labelledby="criteria-loaded">
      <h3 id="criteria-loaded" tabindex="-1">${counted(r.criteria, 'criterion', 'criteria')} loaded into the draft (revision ${r.revision})</h3>
      <p role="status">${r.valid ? 'The draft is valid.' : html`<span class="bad">The draft has ${counted(r.errors.length, 'problem')}</span> to fix, e.g. a threshold larger than a domain's new number of criteria.`}</p>
      <div class="scroll"><table>
        <thead><tr><th scope="col">Domain</th><th scope="col">Criteria</th><th scope="col">Mandatory</th><th scope="col">Advanced</th></tr></thead>
        <tbody>${r.domains.map((d) => html`<tr><td>${d.domain}</td><td>${d.criteria}</td><td>${d.mandatory}</td><td>${d.advanced}</td></tr>`)}</tbody>
      </table></div>
    </section>`;
  }

  private async _read(e: Event) {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) this._csv = await file.text();
  }

  private async _load(e: SubmitEvent) {
    e.preventDefault();
    this._problems = [];
    this._loaded = undefined;
    this._error = '';
    if (!this._csv.trim()) {
      this._error = 'Choose a CSV file or paste the CSV';
      return;
    }
    this._busy = true;
    try {
      this._loaded = await adminApi.loadCriteria(this.council, this._csv, this.etag!);
      this.dispatchEvent(new CustomEvent('criteria-loaded', { detail: this._loaded, bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid-criteria') this._problems = error.details as RowProblem[];
      else this._error = errorText(error);
    } finally {
      this._busy = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#criteria-problems, #criteria-loaded')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-criteria-upload': QafCriteriaUpload;
  }
}
customElements.define('qaf-criteria-upload', QafCriteriaUpload);
