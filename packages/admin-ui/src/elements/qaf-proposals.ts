import { LitElement, html, nothing } from 'lit';
import type { Decision, Determination, Pack } from '@openqaf/engine';
import { proposalWords, reasonRequired, recordableValues, ownMember, toConfirmWords, valueWords, decisionInstanceWords } from '@openqaf/engine/browser';
import { longDate } from '../format/long-date.js';
import { sharedStyles } from './shared-styles.js';

/** What recording a decision sends: the decision id, the decided value and the reason. */
export interface RecordDecisionDetail { decision: string; value: string; reason: string }

type Proposal = NonNullable<Determination['proposals']>[number];

/** Why the reason is required for this choice, in words; undefined when it is not. */
function reasonRule(decision: Decision | undefined, p: Proposal, value: string): string | undefined {
  if (!decision || !reasonRequired(decision, { proposed: p.proposed, value })) return undefined;
  return decision.decidedBy?.reasonRequired === 'always' ? 'Required: the framework asks for the reason for every decision.'
    : `Required: the decision departs from the proposal (${valueWords(p.proposed)}).`;
}

/**
 * The decisions awaiting a person, in words ("Proposed: Level 2. To be decided by the multi-agency
 * panel, by 12 January 2027."), each with a form to record the decision (value and reason). The
 * reason is required where the pack says (`decidedBy.reasonRequired`: when the chosen value departs
 * from the proposal, or always). Recording fires `record-decision` with {@link RecordDecisionDetail};
 * the page re-evaluates with it, and hands back what the server refused as `errors` (by JSON pointer,
 * `decisionErrors`), each shown at its field.
 */
export class QafProposals extends LitElement {
  static override properties = { pack: { attribute: false }, determination: { attribute: false }, canRecord: { type: Boolean, attribute: 'can-record' }, errors: { attribute: false }, _chosen: { state: true }, _missing: { state: true } };
  static override styles = [sharedStyles];
  declare pack: Pack;
  declare determination: Determination;
  declare canRecord: boolean;
  /** The server's refusals, by JSON pointer (`/decisions/<id>/reason`). */
  declare errors: Record<string, string>;
  declare _chosen: Record<string, string>;
  /** Decisions submitted without the reason they require. */
  declare _missing: Record<string, string>;

  constructor() {
    super();
    this.errors = {};
    this._chosen = {};
    this._missing = {};
  }

  private _record(e: SubmitEvent, p: Proposal) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const value = (form.elements.namedItem('value') as HTMLSelectElement).value;
    const reason = (form.elements.namedItem('reason') as HTMLTextAreaElement).value.trim();
    const rule = reasonRule(ownMember(this.pack.decisions, p.decision.split('.')[0]!), p, value);
    const { [p.decision]: _done, ...missing } = this._missing;
    this._missing = rule && !reason ? { ...missing, [p.decision]: `Give the reason. ${rule}` } : missing;
    if (this._missing[p.decision]) {
      (form.elements.namedItem('reason') as HTMLTextAreaElement).focus();
      return;
    }
    this.dispatchEvent(new CustomEvent<RecordDecisionDetail>('record-decision', { detail: { decision: p.decision, value, reason }, bubbles: true, composed: true }));
  }

  private _form(p: Proposal, decision: Decision | undefined, values: readonly string[], initial: unknown = p.proposed) {
    const id = p.decision;
    const value = this._chosen[id] ?? (values.includes(initial as string) ? initial as string : '');
    const rule = reasonRule(decision, p, value);
    const reasonError = this._missing[id] ?? this.errors[`/decisions/${id}/reason`];
    const valueError = this.errors[`/decisions/${id}/value`];
    const other = this.errors[`/decisions/${id}`];
    const describedBy = [rule ? `reason-rule-${id}` : '', reasonError ? `reason-error-${id}` : ''].filter(Boolean).join(' ');
    return html`<form class="no-print" @submit=${(e: SubmitEvent) => this._record(e, p)}>
      ${other ? html`<p class="field-error" role="alert">${other}</p>` : nothing}
      <label>Decision <select name="value" required aria-invalid=${valueError ? 'true' : nothing} aria-describedby=${valueError ? `value-error-${id}` : nothing}
        @change=${(e: Event) => { this._chosen = { ...this._chosen, [id]: (e.target as HTMLSelectElement).value }; }}>${values.includes(p.proposed as string) ? nothing : html`<option value="" selected disabled>Choose the decision</option>`}${values.map((v) => html`<option value=${v} ?selected=${v === value}>${v}</option>`)}</select></label>
      ${valueError ? html`<p class="field-error" id=${`value-error-${id}`}>${valueError}</p>` : nothing}
      <label for=${`reason-${id}`}>Reason</label>
      ${rule ? html`<p class="muted" id=${`reason-rule-${id}`}>${rule}</p>` : nothing}
      ${reasonError ? html`<p class="field-error" id=${`reason-error-${id}`}>${reasonError}</p>` : nothing}
      <textarea id=${`reason-${id}`} name="reason" rows="2" ?required=${rule !== undefined} aria-invalid=${reasonError ? 'true' : nothing} aria-describedby=${describedBy || nothing}></textarea>
      <button type="submit">Record the decision</button>
    </form>`;
  }

  /** Only what a person may record for the decision (`decidedBy.values`): never the pack's meanwhile states. */
  private _values(decision: Decision | undefined): readonly string[] {
    const scale = decision ? ownMember(this.pack.scales, decision.scale) : undefined;
    return decision && scale && 'values' in scale ? recordableValues(decision, scale.values) : [];
  }

  override render() {
    const proposals = this.determination?.proposals ?? [];
    const toConfirm = Object.entries(this.determination?.decidedBy ?? {}).filter(([, r]) => r.departsWithoutReason);
    if ((!proposals.length && !toConfirm.length) || !this.pack) return nothing;
    return html`<h3>Decisions awaiting a person</h3>
      ${toConfirm.map(([id, r]) => {
        const decision = ownMember(this.pack.decisions, id.split('.')[0]!);
        const words = decisionInstanceWords(this.pack, id);
        // Recording it again is answering the new proposal: the same form, the recorded value chosen, the reason asked for.
        const again: Proposal = { decision: id, proposed: r.computed, role: r.role ?? '', roleLabel: r.roleLabel ?? '', source: r.source ?? '', meanwhile: 'proposed', ...(r.due ? { due: r.due } : {}) };
        const values = this._values(decision);
        return html`<section aria-label=${`${words}: to confirm with a reason`}>
          <p><strong>${words}</strong>: ${toConfirmWords(r)}${r.source ? html` <span class="muted">(${r.source})</span>` : nothing}</p>
          ${this.canRecord && values.length ? this._form(again, decision, values, r.value) : nothing}
        </section>`;
      })}
      ${proposals.map((p) => {
        const decision = ownMember(this.pack.decisions, p.decision.split('.')[0]!);
        const values = this._values(decision);
        const words = decisionInstanceWords(this.pack, p.decision);
        return html`<section aria-label=${`${words}: proposal`}>
          <p><strong>${words}</strong>: ${proposalWords(p, longDate)} <span class="muted">(${p.source})</span></p>
          ${this.canRecord && values.length ? this._form(p, decision, values) : nothing}
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
