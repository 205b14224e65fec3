import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { api } from '../api/api-client.js';
import { ApiError, errorText } from '../api/api-error.js';
import { can } from '../api/roles.js';
import type { RecordDecisionDetail } from './qaf-proposals.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-determination-view.js';

/** A stored determination with its explanation (reproduced under its pack hash) and a printable report. */
export class QafDeterminationPage extends LitElement {
  static override properties = { council: {}, assessment: {}, _error: { state: true } };
  static override styles = [sharedStyles, css`@media print { .no-print { display: none; } h1 { font-size: 16pt; } }`];
  declare council: string;
  declare assessment: string;
  declare _error: string;

  private _data = new Task(this, {
    task: async ([c, id], { signal }) => {
      const stored = await api.assessment(c, id, true, signal);
      const [version, provider, me] = await Promise.all([api.version(c, stored.packVersion, signal), api.provider(c, stored.providerId, signal), api.me(signal).catch(() => undefined)]);
      return { stored, pack: version.pack!, provider, canRecord: can(me, c, 'officer') };
    },
    args: () => [this.council, this.assessment] as const,
  });

  /** Records a person's decision: the same assessment again with the decision as an input, re-evaluated and stored. */
  private async _record(stored: { providerId: string; input: Record<string, unknown> }, d: RecordDecisionDetail) {
    this._error = '';
    const input = stored.input as { date: string; decisions?: Record<string, unknown> };
    try {
      const body = { ...input, providerId: stored.providerId, decisions: { ...input.decisions, [d.decision]: { value: d.value, ...(d.reason ? { reason: d.reason } : {}) } } };
      const again = await api.submitAssessment(this.council, body as never);
      location.hash = href({ page: 'determination', council: this.council, assessment: again.id });
    } catch (error) {
      const details = error instanceof ApiError ? error.details.slice(0, 5).map((x) => x.message).join(' ') : '';
      this._error = `Not recorded: ${errorText(error)} ${details}`;
    }
  }

  override render() {
    return renderTask(this._data, ({ stored, pack, provider, canRecord }) => html`
      <p class="no-print"><a href=${href({ page: 'provider', council: this.council, provider: provider.id })}>← ${provider.name}</a></p>
      <h1>Quality assurance report: ${provider.name}</h1>
      <p class="no-print"><button class="secondary" @click=${() => window.print()}>Print the provider report</button>
        <a href=${href({ page: 'report', council: this.council, assessment: stored.id })}>The provider report: share, challenge, final</a></p>
      ${stored.provisional ? html`<p class="notice" role="status"><strong>Provisional:</strong> the visit record of this determination awaits sign-off by a second person.
        It is not final, and is not yet the provider's rating.</p>` : ''}
      ${this._error ? html`<p role="alert">${this._error}</p>` : ''}
      <qaf-determination-view .pack=${pack} .determination=${stored.determination} ?can-record=${canRecord}
        @record-decision=${(e: CustomEvent<RecordDecisionDetail>) => this._record(stored, e.detail)}></qaf-determination-view>
      ${stored.input?.note ? html`<h3>Officer's note</h3><p>${stored.input.note}</p>` : ''}`, 'Loading the determination…');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-determination-page': QafDeterminationPage;
  }
}
customElements.define('qaf-determination-page', QafDeterminationPage);
