import { LitElement, html, nothing } from 'lit';
import type { ImportReport, ImportRowResult } from '@openqaf/server';
import { adminApi, providersExportHref } from '../api/admin-api.js';
import { ApiError, errorText } from '../api/api-error.js';
import { counted } from '../format/count-words.js';
import type { FieldError } from './qaf-error-summary.js';
import { sharedStyles } from './shared-styles.js';
import './qaf-error-summary.js';

/** An outcome of a row in words. */
const OUTCOME_WORDS: Record<ImportRowResult['outcome'], string> = { inserted: 'Added', updated: 'Updated', unchanged: 'Unchanged', rejected: 'Rejected' };

/**
 * Provider CSV import (council admin) with its per-row report, and the CSV export. The CSV's
 * columns are the provider fields: name, cqcLocationId, serviceType, size.<fact> (size.beds ...).
 */
export class QafProviderImport extends LitElement {
  static override properties = { council: {}, canImport: { type: Boolean, attribute: 'can-import' }, _csv: { state: true }, _report: { state: true }, _errors: { state: true }, _busy: { state: true } };
  static override styles = [sharedStyles];
  declare council: string;
  declare canImport: boolean;
  declare private _csv: string;
  declare private _report: ImportReport | undefined;
  declare private _errors: FieldError[];
  declare private _busy: boolean;

  constructor() {
    super();
    this.canImport = false;
    this._csv = '';
    this._errors = [];
    this._busy = false;
  }

  override render() {
    return html`
      <p><a class="button secondary" href=${providersExportHref(this.council)} download>Download every provider as CSV</a></p>
      ${this.canImport ? html`
        <qaf-error-summary .errors=${this._errors}></qaf-error-summary>
        <form @submit=${this._import} novalidate>
          <h2>Import providers from CSV</h2>
          <p class="muted">A header row naming the columns <code>name</code>, <code>cqcLocationId</code>, <code>serviceType</code> and size facts such as
            <code>size.beds</code> or <code>size.serviceUsers</code>. A CQC location id the council already has updates that provider.</p>
          <div><label for="csv-file">CSV file</label><input id="csv-file" type="file" accept=".csv,text/csv" @change=${this._read} /></div>
          <div><label for="csv-text">Or paste the CSV</label><textarea id="csv-text" rows="6" .value=${this._csv} @input=${(e: Event) => (this._csv = (e.target as HTMLTextAreaElement).value)}></textarea></div>
          <fieldset><legend>A row whose CQC location id the council already has</legend>
            <label><input type="radio" name="onExisting" value="update" checked /> updates that provider</label>
            <label><input type="radio" name="onExisting" value="reject" /> is rejected</label></fieldset>
          <div><label><input type="checkbox" name="strict" /> All or nothing: import nothing if any row is bad</label></div>
          <button ?disabled=${this._busy}>${this._busy ? 'Importing…' : 'Import'}</button>
        </form>
        ${this._report ? this._reportView(this._report) : nothing}` : nothing}`;
  }

  private _reportView(r: ImportReport) {
    const errorsOf = (row: number) => r.errors.filter((e) => e.row === row);
    return html`<section aria-labelledby="report-title">
      <h2 id="report-title" tabindex="-1">Import report</h2>
      <p role="status">${counted(r.imported, 'provider')} added, ${r.updated} updated, ${r.unchanged} unchanged, ${counted(r.rejected, 'row')} rejected.</p>
      <div class="scroll" tabindex="0"><table>
        <thead><tr><th scope="col">Line</th><th scope="col">Outcome</th><th scope="col">CQC location id</th><th scope="col">What changed or was wrong</th></tr></thead>
        <tbody>${r.rows.map((row) => html`<tr>
          <td>${row.row}</td>
          <td>${row.outcome === 'rejected' ? html`<strong class="bad">${OUTCOME_WORDS[row.outcome]}</strong>` : OUTCOME_WORDS[row.outcome]}</td>
          <td>${row.cqcLocationId ?? ''}</td>
          <td>${row.outcome === 'rejected' ? errorsOf(row.row).map((e) => e.message).join('; ') : (row.changed ?? []).join(', ')}</td></tr>`)}</tbody>
      </table></div>
      ${r.warnings.length ? html`<h3>${counted(r.warnings.length, 'cell')} to check</h3><ul>${r.warnings.map((w) => html`<li>Line ${w.row}: ${w.message}</li>`)}</ul>` : nothing}
    </section>`;
  }

  private async _read(e: Event) {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) this._csv = await file.text();
  }

  private async _import(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    if (!this._csv.trim()) {
      this._errors = [{ field: 'csv-file', message: 'Choose a CSV file or paste the CSV' }];
      return;
    }
    this._busy = true;
    this._report = undefined;
    try {
      this._report = await adminApi.importProviders(this.council, this._csv, {
        strict: data.get('strict') === 'on',
        onExisting: data.get('onExisting') === 'reject' ? 'reject' : 'update',
      });
      this._errors = [];
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#report-title')?.focus();
    } catch (error) {
      this._errors = error instanceof ApiError && error.details.length
        ? error.details.map((d) => ({ field: 'csv-text', message: typeof d['row'] === 'number' ? `Line ${d['row']}: ${d.message}` : d.message }))
        : [{ message: errorText(error) }];
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-provider-import': QafProviderImport;
  }
}
customElements.define('qaf-provider-import', QafProviderImport);
