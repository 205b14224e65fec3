import { LitElement, html } from 'lit';
import { errorText } from '../api/api-error.js';
import { listReports } from '../api/report-api.js';
import type { ReportListItem } from '../api/report-api.js';
import { longDate } from '../format/long-date.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import './qaf-status.js';

/**
 * The council's shared and final provider reports (a provider user: only its own), with the
 * last day for comments; each opens its report page.
 */
export class QafReportsPage extends LitElement {
  static override properties = { council: {}, today: {}, _reports: { state: true }, _error: { state: true } };
  static override styles = [sharedStyles];
  declare council: string;
  /** Today (YYYY-MM-DD, UTC). */
  declare today: string;
  declare _reports: ReportListItem[] | undefined;
  declare _error: string | undefined;

  constructor() {
    super();
    this.today = new Date().toISOString().slice(0, 10);
  }

  override connectedCallback() {
    super.connectedCallback();
    void listReports(this.council).then((r) => { this._reports = r; }, (error: unknown) => { this._error = errorText(error); });
  }

  override render() {
    if (this._error) return html`<qaf-status kind="error" message=${this._error}></qaf-status>`;
    if (!this._reports) return html`<qaf-status kind="loading" message="Loading the reports"></qaf-status>`;
    if (this._reports.length === 0) return html`<qaf-status kind="empty" message="No report has been shared yet."></qaf-status>`;
    return html`<div class="scroll"><table>
      <thead><tr><th scope="col">Provider</th><th scope="col">Visit</th><th scope="col">Report</th><th scope="col">Comments</th></tr></thead>
      <tbody>${this._reports.map((r) => html`<tr>
        <td><a href=${href({ page: 'report', council: this.council, assessment: r.assessmentId })}>${r.providerName}</a></td>
        <td>${longDate(r.visitDate)}</td>
        <td>${r.status === 'final' ? 'Final' : `Draft, shared on ${longDate(r.sharedOn)}`}</td>
        <td>${r.status === 'final' ? 'Closed' : this.today <= r.challengeUntil ? `Open until ${longDate(r.challengeUntil)}` : `Closed on ${longDate(r.challengeUntil)}`}</td>
      </tr>`)}</tbody>
    </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-reports-page': QafReportsPage;
  }
}
customElements.define('qaf-reports-page', QafReportsPage);
