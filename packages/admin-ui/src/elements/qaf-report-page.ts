import { LitElement, css, html, nothing } from 'lit';
import { errorText } from '../api/api-error.js';
import { answerComment, commentOnReport, finaliseReport, loadReport, recordActionProgress, reportPdfHref, shareReport, submitActionPlan } from '../api/report-api.js';
import type { PlannedAction, ReportReply } from '../api/report-api.js';
import { href } from '../routing/route.js';
import type { AnswerDetail, CommentDetail } from './qaf-report-challenge.js';
import { sharedStyles } from './shared-styles.js';
import './qaf-action-plan.js';
import type { ProgressDetail } from './qaf-action-plan.js';
import './qaf-provider-report.js';
import './qaf-report-challenge.js';
import './qaf-status.js';

/** What the reader of the page may do: an officer shares, answers and finalises; a provider user comments and plans. */
export type ReportRole = 'officer' | 'viewer' | 'provider';

/**
 * The provider report page of one assessment: the report (printable, and as the server's PDF),
 * the share step once the visit record is signed off, the factual-accuracy comments with the
 * officer's answers, making it final, and the provider's action plan.
 */
export class QafReportPage extends LitElement {
  static override properties = { council: {}, assessment: {}, reader: {}, _reply: { state: true }, _error: { state: true }, _failed: { state: true }, _busy: { state: true } };
  static override styles = [
    sharedStyles,
    css`.toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 0.5rem 0 1rem; }
      @media print { .no-print { display: none !important; } h1 { font-size: 16pt; } }`,
  ];
  declare council: string;
  declare assessment: string;
  declare reader: ReportRole;
  declare _reply: ReportReply | undefined;
  /** The page could not be loaded. */
  declare _failed: string | undefined;
  /** A step failed (the report stays shown). */
  declare _error: string | undefined;
  declare _busy: boolean;

  constructor() {
    super();
    this.reader = 'viewer';
    this._busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this._load();
  }

  private async _load() {
    try {
      this._reply = await loadReport(this.council, this.assessment);
      this._failed = undefined;
    } catch (error) {
      this._failed = errorText(error);
    }
  }

  /** Runs one step, shows its error if it fails, and reloads the report. */
  private async _step(run: () => Promise<unknown>) {
    this._busy = true;
    try {
      await run();
      this._error = undefined;
      await this._load();
    } catch (error) {
      this._error = errorText(error);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    if (this._failed) return html`<qaf-status kind="error" message=${this._failed}></qaf-status>`;
    const r = this._reply;
    if (!r) return html`<qaf-status kind="loading" message="Loading the report"></qaf-status>`;
    const back = this.reader === 'provider'
      ? html`<a href=${href({ page: 'reports', council: this.council })}>← Your reports</a>`
      : html`<a href=${href({ page: 'determination', council: this.council, assessment: this.assessment })}>← The determination</a>`;
    return html`
      <p class="no-print">${back}</p>
      <h1>Quality report: ${r.report.provider.name}</h1>
      <div class="toolbar no-print">
        <button class="secondary" @click=${() => window.print()}>Print this report</button>
        <a class="button secondary" href=${reportPdfHref(this.council, this.assessment)} download=${`report-${this.assessment}.pdf`}>Download PDF</a>
      </div>
      ${this._error ? html`<div class="notice bad no-print" role="alert">${this._error}</div>` : nothing}
      ${this.reader === 'officer' ? this._officerSteps(r) : nothing}
      <qaf-provider-report .report=${r.report} status=${r.status} shared-on=${r.sharedOn ?? ''}></qaf-provider-report>
      <qaf-report-challenge .report=${r.report} .comments=${r.comments} status=${r.status}
        ?can-comment=${this.reader === 'provider'} ?can-answer=${this.reader === 'officer'}
        @comment-on-finding=${(e: CustomEvent<CommentDetail>) => this._step(() => commentOnReport(this.council, this.assessment, e.detail.finding, e.detail.comment))}
        @answer-comment=${(e: CustomEvent<AnswerDetail>) => this._step(() => answerComment(this.council, this.assessment, e.detail.comment, e.detail.decision, e.detail.reason))}></qaf-report-challenge>
      ${r.status !== 'draft' ? html`<qaf-action-plan .plan=${r.actionPlan}
        ?can-edit=${this.reader === 'provider' && (r.status === 'shared' || r.actionPlan.length === 0)}
        ?can-record=${this.reader === 'provider' && r.status === 'final' && r.actionPlan.length > 0}
        @submit-action-plan=${(e: CustomEvent<{ actions: PlannedAction[] }>) => this._step(() => submitActionPlan(this.council, this.assessment, e.detail.actions))}
        @record-action-progress=${(e: CustomEvent<ProgressDetail>) => this._step(() => recordActionProgress(this.council, this.assessment, e.detail.number, { status: e.detail.status, owner: e.detail.owner, on: e.detail.on, ...(e.detail.note ? { note: e.detail.note } : {}) }))}></qaf-action-plan>` : nothing}`;
  }

  private _officerSteps(r: ReportReply) {
    if (r.status === 'final') return nothing;
    if (r.status === 'shared') {
      const open = r.comments.filter((c) => !c.answer).length;
      return html`<div class="notice no-print"><p>${open ? `${open} comment${open === 1 ? '' : 's'} await${open === 1 ? 's' : ''} your answer before the report can be made final.` : 'Every comment is answered.'}</p>
        <p><button ?disabled=${this._busy} @click=${() => this._step(() => finaliseReport(this.council, this.assessment))}>Make the report final</button></p></div>`;
    }
    if (r.visit?.status === 'signed-off') {
      return html`<div class="notice no-print"><p>The visit record is signed off. Sharing the draft opens the provider's ${r.report.challenge.days} days for factual-accuracy comments.</p>
        <p><button ?disabled=${this._busy} @click=${() => this._step(() => shareReport(this.council, this.assessment))}>Share with the provider</button></p></div>`;
    }
    return html`<div class="notice no-print"><p>${r.visit
      ? `The visit record is ${r.visit.status}: a reviewer signs it off before the report is shared with the provider.`
      : 'This assessment was recorded without a visit record: only a signed-off visit record\'s report is shared with the provider.'}</p></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-report-page': QafReportPage;
  }
}
customElements.define('qaf-report-page', QafReportPage);
