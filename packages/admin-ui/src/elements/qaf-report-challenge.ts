import { LitElement, css, html, nothing } from 'lit';
import type { ProviderReport, ReportComment, ReportStatus } from '../api/report-api.js';
import { longDate, longDateTime } from '../format/long-date.js';
import { findingWords, findings } from '../report/report-findings.js';
import { sharedStyles } from './shared-styles.js';

/** `comment-on-finding`: a provider user's comment on one finding. */
export interface CommentDetail {
  finding: string;
  comment: string;
}

/** `answer-comment`: the officer's answer to one comment. */
export interface AnswerDetail {
  comment: string;
  decision: 'accepted' | 'rejected';
  reason: string;
}

/**
 * The factual-accuracy challenge of a shared report: each comment under the finding it is on,
 * with the officer's answer. A provider user (`can-comment`) comments per finding until the last
 * day of the window, which it shows; after it the challenge is closed. An officer (`can-answer`)
 * accepts or rejects each open comment with a reason.
 */
export class QafReportChallenge extends LitElement {
  static override properties = {
    report: { attribute: false }, comments: { attribute: false }, status: {}, today: {},
    canComment: { type: Boolean, attribute: 'can-comment' }, canAnswer: { type: Boolean, attribute: 'can-answer' },
    _errors: { state: true },
  };
  static override styles = [
    sharedStyles,
    css`article { border-left: 4px solid var(--qaf-line, #b1b4b6); padding: 0.2rem 0 0.2rem 0.75rem; margin: 0.75rem 0; }
      fieldset { border: none; padding: 0; margin: 0.5rem 0; } legend { font-weight: 600; }
      .choice { display: inline-flex; gap: 0.35rem; align-items: center; font-weight: 400; margin-right: 1rem; }
      .choice input { min-height: auto; width: 1.2rem; height: 1.2rem; }
      textarea { width: 100%; min-height: 4rem; }
      select { width: 100%; }
      @media print { form { display: none; } }`,
  ];
  declare report: ProviderReport;
  declare comments: ReportComment[];
  declare status: ReportStatus;
  /** Today (YYYY-MM-DD, UTC as the server counts it). */
  declare today: string;
  declare canComment: boolean;
  declare canAnswer: boolean;
  declare _errors: Record<string, string>;

  constructor() {
    super();
    this.comments = [];
    this.status = 'shared';
    this.today = new Date().toISOString().slice(0, 10);
    this.canComment = false;
    this.canAnswer = false;
    this._errors = {};
  }

  /** True while the provider may still comment. */
  get open(): boolean {
    return this.status === 'shared' && this.today <= this.report.challenge.until;
  }

  override render() {
    if (!this.report || this.status === 'draft') return nothing;
    const until = longDate(this.report.challenge.until);
    return html`
      <h2>Factual-accuracy comments</h2>
      <p>${this.status === 'final' ? 'The report is final: the comments and answers below are recorded in it.'
        : this.open ? `Comments are open until ${until}.` : `Comments closed on ${until}.`}</p>
      ${this.comments.length === 0 ? html`<p class="muted">No comments.</p>` : this.comments.map((c) => this._comment(c))}
      ${this.canComment && this.open ? this._commentForm() : nothing}`;
  }

  private _comment(c: ReportComment) {
    return html`<article aria-label=${`Comment on ${findingWords(this.report, c.finding)}`}>
      <h3>On: ${findingWords(this.report, c.finding)}</h3>
      <p>${c.comment}</p>
      <p class="muted">Sent ${longDateTime(c.at)}</p>
      ${c.answer ? html`<p><strong>${c.answer.decision === 'accepted' ? 'Accepted' : 'Rejected'}:</strong> ${c.answer.reason}</p>`
        : this.canAnswer && this.status === 'shared' ? this._answerForm(c) : html`<p class="muted">Not yet answered.</p>`}
    </article>`;
  }

  private _answerForm(c: ReportComment) {
    const err = this._errors[c.id];
    const id = `reason-${c.id}`;
    return html`<form @submit=${(e: SubmitEvent) => this._answer(e, c.id)} novalidate>
      <fieldset><legend>Your answer</legend>
        <label class="choice"><input type="radio" name="decision" value="accepted" required> Accept</label>
        <label class="choice"><input type="radio" name="decision" value="rejected"> Reject</label>
      </fieldset>
      <label for=${id}>Reason</label>
      ${err ? html`<p class="field-error" id=${`${id}-error`}>${err}</p>` : nothing}
      <textarea id=${id} name="reason" aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `${id}-error` : ''}></textarea>
      <p><button type="submit">Record the answer</button></p>
    </form>`;
  }

  private _commentForm() {
    const err = this._errors['new'];
    return html`<form @submit=${this._send} novalidate>
      <h3>Comment on a finding</h3>
      <p>You may comment until ${longDate(this.report.challenge.until)}.</p>
      <label for="finding">Finding</label>
      <select id="finding" name="finding">${findings(this.report).map((f) => html`<option value=${f.key}>${f.words}</option>`)}</select>
      <label for="comment">Your comment on its factual accuracy</label>
      ${err ? html`<p class="field-error" id="comment-error">${err}</p>` : nothing}
      <textarea id="comment" name="comment" aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? 'comment-error' : ''}></textarea>
      <p><button type="submit">Send the comment</button></p>
    </form>`;
  }

  private _answer(e: SubmitEvent, comment: string) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const decision = (form.querySelector<HTMLInputElement>('input[name=decision]:checked')?.value ?? '') as AnswerDetail['decision'] | '';
    const reason = (form.elements.namedItem('reason') as HTMLTextAreaElement).value.trim();
    const problem = !decision ? 'Choose accept or reject' : !reason ? 'Give the reason for your answer' : '';
    this._errors = { ...this._errors, [comment]: problem };
    if (problem || !decision) return;
    this.dispatchEvent(new CustomEvent<AnswerDetail>('answer-comment', { detail: { comment, decision, reason }, bubbles: true, composed: true }));
  }

  private _send(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const finding = (form.elements.namedItem('finding') as HTMLSelectElement).value;
    const comment = (form.elements.namedItem('comment') as HTMLTextAreaElement).value.trim();
    this._errors = { ...this._errors, new: comment ? '' : 'Write your comment' };
    if (!comment) return;
    this.dispatchEvent(new CustomEvent<CommentDetail>('comment-on-finding', { detail: { finding, comment }, bubbles: true, composed: true }));
    form.reset();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-report-challenge': QafReportChallenge;
  }
}
customElements.define('qaf-report-challenge', QafReportChallenge);
