import { LitElement, css, html, nothing } from 'lit';
import type { ProviderReport, ReportStatus } from '../api/report-api.js';
import {
  bandHeadingWords, bandUpWords, challengeWords, criterionNeededWords, nextVisitWords, NO_OFFICER_NOTE_WORDS, otherReasonWords, proposalWords, ratingHeadingWords, reportStatusWords, reviewerWords,
} from '@openqaf/engine/browser';
import { longDate } from '../format/long-date.js';
import { sharedStyles } from './shared-styles.js';

/** The words of a report's status, with the day it was shared: the engine's, the PDF's too. */
export function statusWords(status: ReportStatus, sharedOn?: string): string {
  return reportStatusWords(status, sharedOn, longDate);
}

/**
 * The provider report as the page shows and prints it, in the same order as the server's PDF:
 * who and when, the rating, each band and the criteria (by their wording) that kept it from the
 * next one up with the evidence recorded for them, actions, next visit, the right to challenge
 * and only the interpretations that changed this provider's outcome. Its sentences are the
 * engine's report words, which the PDF says too.
 */
export class QafProviderReport extends LitElement {
  static override properties = { report: { attribute: false }, status: {}, sharedOn: { attribute: 'shared-on' } };
  static override styles = [
    sharedStyles,
    css`dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0 1rem; }
      dt { font-weight: 600; } dd { margin: 0; }
      section { break-inside: avoid; }
      .band { border-left: 4px solid var(--qaf-line, #b1b4b6); padding-left: 0.75rem; margin: 0.75rem 0; }
      ul { padding-left: 1.25rem; } li { margin: 0.3rem 0; }
      .evidence { margin: 0.2rem 0 0; padding-left: 1rem; border-left: 2px solid var(--qaf-soft, #f3f2f1); }
      @media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.4rem; } }
      @media print { :host { font-size: 11pt; } a { color: inherit; text-decoration: none; } .band { border-color: #000; } }`,
  ];
  declare report: ProviderReport;
  declare status: ReportStatus;
  declare sharedOn: string | undefined;

  constructor() {
    super();
    this.status = 'draft';
  }

  override render() {
    const r = this.report;
    if (!r) return nothing;
    return html`
      <p><strong>${statusWords(this.status, this.sharedOn)}</strong></p>
      <dl>
        <dt>Council</dt><dd>${r.council}</dd>
        <dt>Provider</dt><dd>${r.provider.name}</dd>
        <dt>Visit date</dt><dd>${longDate(r.assessment.date)}</dd>
        <dt>Officer</dt><dd>${r.officer ?? 'Not recorded'}</dd>
        <dt>Reviewer</dt><dd>${reviewerWords(r.reviewer, r.reviewedOn, longDate)}</dd>
        <dt>Framework</dt><dd>${r.framework.title}, version ${r.framework.version}</dd>
      </dl>
      <section>
        <h2>${ratingHeadingWords(r.rating)}</h2>
        ${r.rating.awaiting ? html`<p>${proposalWords(r.rating.awaiting, longDate)}</p>` : nothing}
        ${r.rating.description ? html`<p>${r.rating.description}</p>` : nothing}
        ${(r.warnings ?? []).length > 0 ? html`<div role="note" class="warnings"><strong>Please note:</strong>
          <ul>${r.warnings.map((w) => html`<li>${w.message} (${w.citation})</li>`)}</ul></div>` : nothing}
      </section>
      <section>
        <h2>What kept each rating from the next band up</h2>
        ${r.bands.map((b) => html`<div class="band">
          <h3>${bandHeadingWords(b, r.rating.label)}</h3>
          <p>${bandUpWords(b)}</p>
          ${b.criteria.length || b.otherReasons.length ? html`<ul>
              ${b.criteria.map((c) => html`<li><strong>${c.wording}</strong>: ${criterionNeededWords(c)}.
                ${c.evidence?.length ? html`<div class="evidence"><span class="muted">Evidence recorded:</span> ${c.evidence.map((e, i) => html`${i ? html`<br>` : nothing}${e}`)}</div>` : nothing}</li>`)}
              ${b.otherReasons.map((why) => html`<li>${otherReasonWords(why)}</li>`)}
            </ul>` : nothing}
        </div>`)}
      </section>
      <section>
        <h2>The officer's note on the visit</h2>
        <p>${r.officerNote ?? NO_OFFICER_NOTE_WORDS}</p>
      </section>
      <section>
        <h2>Actions</h2>
        ${r.actions.length === 0 ? html`<p>No actions.</p>` : html`<div class="scroll"><table>
          <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th></tr></thead>
          <tbody>${r.actions.map((a) => html`<tr><td>${a.label}</td><td>${a.owner}</td><td>${longDate(a.due)}</td></tr>`)}</tbody>
        </table></div>`}
      </section>
      <section>
        <h2>Next visit</h2>
        <p>${nextVisitWords(r.nextVisit, longDate)}</p>
      </section>
      <section>
        <h2>Your right to challenge</h2>
        <p>${challengeWords(r.challenge, this.status, longDate)}</p>
      </section>
      ${r.interpretations.length > 0 ? html`<section>
        <h2>How the council read its framework for this rating</h2>
        <ul>${r.interpretations.map((i) => html`<li>${i}</li>`)}</ul>
      </section>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-provider-report': QafProviderReport;
  }
}
customElements.define('qaf-provider-report', QafProviderReport);
