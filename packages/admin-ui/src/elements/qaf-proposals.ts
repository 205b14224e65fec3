import { LitElement, html, nothing } from 'lit';
import type { Determination, Pack } from '@openqaf/engine';
import { proposalWords, recordableValues } from '@openqaf/engine/browser';
import { decisionWords } from '../pack/decision-words.js';
import { sharedStyles } from './shared-styles.js';

/** "12 January 2027" from "2027-01-12". */
export function longDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** What recording a decision sends: the decision id, the decided value and the reason. */
export interface RecordDecisionDetail { decision: string; value: string; reason: string }

/**
 * The decisions awaiting a person, in words ("Proposed: Level 2. To be decided by the multi-agency
 * panel, by 12 January 2027."), each with a form to record the decision (value and reason). Recording
 * fires `record-decision` with {@link RecordDecisionDetail}; the page re-evaluates with it.
 */
export class QafProposals extends LitElement {
  static override properties = { pack: { attribute: false }, determination: { attribute: false }, canRecord: { type: Boolean, attribute: 'can-record' } };
  static override styles = [sharedStyles];
  declare pack: Pack;
  declare determination: Determination;
  declare canRecord: boolean;

  private _record(e: SubmitEvent, decision: string) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const value = (form.elements.namedItem('value') as HTMLSelectElement).value;
    const reason = (form.elements.namedItem('reason') as HTMLTextAreaElement).value.trim();
    this.dispatchEvent(new CustomEvent<RecordDecisionDetail>('record-decision', { detail: { decision, value, reason }, bubbles: true, composed: true }));
  }

  override render() {
    const proposals = this.determination?.proposals ?? [];
    if (!proposals.length || !this.pack) return nothing;
    return html`<h3>Decisions awaiting a person</h3>
      ${proposals.map((p) => {
        const decision = this.pack.decisions[p.decision.split('.')[0]!];
        const scale = decision ? this.pack.scales[decision.scale] : undefined;
        // Only what a person may record (`decidedBy.values`): never the pack's meanwhile states.
        const values = decision && scale && 'values' in scale ? recordableValues(decision, scale.values) : [];
        const words = decisionWords(this.pack, p.decision);
        return html`<section aria-label=${`${words}: proposal`}>
          <p><strong>${words}</strong>: ${proposalWords(p, longDate)} <span class="muted">(${p.source})</span></p>
          ${this.canRecord && values.length ? html`<form class="no-print" @submit=${(e: SubmitEvent) => this._record(e, p.decision)}>
            <label>Decision <select name="value" required>${values.includes(p.proposed as string) ? nothing : html`<option value="" selected disabled>Choose the decision</option>`}${values.map((v) => html`<option value=${v} ?selected=${v === p.proposed}>${v}</option>`)}</select></label>
            <label>Reason <textarea name="reason" rows="2"></textarea></label>
            <button type="submit">Record the decision</button>
          </form>` : nothing}
        </section>`;
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-proposals': QafProposals;
  }
}
customElements.define('qaf-proposals', QafProposals);
