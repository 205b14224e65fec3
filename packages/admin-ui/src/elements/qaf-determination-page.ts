import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import type { Pack } from '@openqaf/engine';
import { api } from '../api/api-client.js';
import { ApiError, errorText } from '../api/api-error.js';
import { decisionErrors } from '../api/decision-errors.js';
import { can } from '../api/roles.js';
import type { RecordDecisionDetail } from './qaf-proposals.js';
import { href } from '../routing/route.js';
import { longDate } from '../format/long-date.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-determination-view.js';
import { ownMember } from '@openqaf/engine/browser';

/** A recorded decision as the page words it. */
interface DecisionRecordWords {
  answers: { assessmentId: string };
  assessmentId: string;
  decisions: Record<string, { value: unknown; by: string; at: string; reason?: string }>;
}

/** A stored determination with its explanation (reproduced under its pack hash) and a printable report. */
export class QafDeterminationPage extends LitElement {
  static override properties = { council: {}, assessment: {}, _error: { state: true }, _decisionErrors: { state: true } };
  static override styles = [sharedStyles, css`@media print { .no-print { display: none; } h1 { font-size: 16pt; } }`];
  declare council: string;
  declare assessment: string;
  declare _error: string;
  /** What the server refused of the decision recorded, by JSON pointer: shown at the proposal's fields. */
  declare _decisionErrors: Record<string, string>;

  private _data = new Task(this, {
    task: async ([c, id], { signal }) => {
      const stored = await api.assessment(c, id, true, signal);
      const [version, provider, me] = await Promise.all([api.version(c, stored.packVersion, signal), api.provider(c, stored.providerId, signal), api.me(signal).catch(() => undefined)]);
      return { stored, pack: version.pack!, provider, canRecord: can(me, c, 'officer') };
    },
    args: () => [this.council, this.assessment] as const,
  });

  /**
   * Records a person's decision on this determination: the server stores the provider's next
   * determination (this assessment with the decision as an input), linked to this one and to its
   * visit record, and the page moves to it.
   */
  private async _record(id: string, d: RecordDecisionDetail) {
    this._error = '';
    this._decisionErrors = {};
    try {
      const next = await api.recordDecision(this.council, id, { [d.decision]: { value: d.value, ...(d.reason ? { reason: d.reason } : {}) } });
      location.hash = href({ page: 'determination', council: this.council, assessment: next.id });
    } catch (error) {
      // A refusal naming a decision's field is shown at that field; anything else at the top.
      this._decisionErrors = decisionErrors(error);
      const rest = error instanceof ApiError ? error.details.filter((x) => !x.pointer?.startsWith('/decisions/')).slice(0, 5).map((x) => x.message).join(' ') : '';
      this._error = `Not recorded: ${errorText(error)}${Object.keys(this._decisionErrors).length ? ' (see the decision below)' : ''} ${rest}`.trim();
    }
  }

  /** Who decided what, when and why: the decision this determination answers, or the one that answered it. */
  private _decisionLink(record: DecisionRecordWords | undefined, kind: 'answers' | 'answeredBy', pack: Pack) {
    if (!record) return nothing;
    const words = Object.entries(record.decisions).map(([id, d]) => html`${ownMember(pack.decisions, id)?.label ?? id}: <strong>${String(d.value)}</strong>, decided by ${d.by} on ${longDate(d.at)}${d.reason ? html` (“${d.reason}”)` : nothing}`);
    const other = kind === 'answers' ? record.answers.assessmentId : record.assessmentId;
    return html`<p class="notice" id=${kind === 'answers' ? 'decision-answers' : 'decision-answered'}>${kind === 'answers' ? 'Made by recording a decision' : 'A decision was recorded on this determination'}: ${words}.
      <a href=${href({ page: 'determination', council: this.council, assessment: other })}>${kind === 'answers' ? 'The determination it answered' : 'The determination that followed'}</a></p>`;
  }

  override render() {
    return renderTask(this._data, ({ stored, pack, provider, canRecord }) => html`
      <p class="no-print"><a href=${href({ page: 'provider', council: this.council, provider: provider.id })}>← ${provider.name}</a></p>
      <h1>Quality assurance report: ${provider.name}</h1>
      <p class="no-print"><button class="secondary" @click=${() => window.print()}>Print the provider report</button>
        <a href=${href({ page: 'report', council: this.council, assessment: stored.id })}>The provider report: share, challenge, final</a></p>
      ${stored.provisional ? html`<p class="notice" role="status"><strong>Provisional:</strong> the visit record of this determination awaits sign-off by a second person.
        It is not final, and is not yet the provider's rating.</p>` : ''}
      ${this._decisionLink(stored.answers, 'answers', pack)}${this._decisionLink(stored.answeredBy, 'answeredBy', pack)}
      ${this._error ? html`<p role="alert">${this._error}</p>` : ''}
      <qaf-determination-view .pack=${pack} .determination=${stored.determination} ?can-record=${canRecord && !stored.provisional && !stored.answeredBy} .decisionErrors=${this._decisionErrors}
        @record-decision=${(e: CustomEvent<RecordDecisionDetail>) => this._record(stored.id, e.detail)}></qaf-determination-view>
      ${stored.input?.note ? html`<h3>Officer's note</h3><p>${stored.input.note}</p>` : ''}`, 'Loading the determination…');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-determination-page': QafDeterminationPage;
  }
}
customElements.define('qaf-determination-page', QafDeterminationPage);
