import { LitElement, css, html, nothing } from 'lit';
import type { Decision, Pack } from '@openqaf/engine';
import { expandDecisionTables, ownMember } from '@openqaf/engine/browser';
import { PackWords, describeCondition, describeValue } from '../pack/describe-condition.js';
import { humanize } from '../pack/editable-fields.js';
import { sharedStyles } from './shared-styles.js';
import './qaf-citation.js';

const POLICY: Record<string, string> = {
  first: 'the first rule that applies, highest priority first',
  max: 'the highest value of the rules that apply',
  min: 'the lowest value of the rules that apply',
  collect: 'every rule that applies',
  unique: 'exactly one rule may apply',
};

/**
 * One decision as the council's document would show it: its rules as a table (what, when,
 * citation, interpretation) and, for a per-domain decision, the table of each domain's numbers.
 */
export class QafDecisionTable extends LitElement {
  static override properties = { pack: { attribute: false }, decisionId: { attribute: 'decision-id' } };
  // Off screen, a decision's table is not laid out or painted until scrolled near: the pack page opens faster.
  static override styles = [sharedStyles, css`:host { content-visibility: auto; contain-intrinsic-block-size: auto 20rem; } td.out { font-weight: 600; white-space: nowrap; } caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }`];
  declare pack: Pack;
  declare decisionId: string;

  private _parameterTable(decision: Decision) {
    const domains = this.pack.framework?.domains ?? [];
    const text = JSON.stringify(decision.rules ?? []);
    const names = [...new Set(domains.flatMap((d) => Object.keys(d.parameters ?? {})))].filter((n) => text.includes(`"${n}"`));
    if (names.length === 0) return nothing;
    return html`<div class="scroll" tabindex="0"><table>
      <caption>Numbers for each ${this.pack.framework?.labels?.domain?.toLowerCase() ?? 'domain'}</caption>
      <thead><tr><th scope="col">${this.pack.framework?.labels?.domain ?? 'Domain'}</th>${names.map((n) => html`<th scope="col">${ownMember(this.pack.parameters, n)?.label ?? humanize(n)}</th>`)}</tr></thead>
      <tbody>${domains.map((d) => html`<tr><th scope="row">${d.title}</th>${names.map((n) => html`<td>${ownMember(d.parameters, n) ?? '—'}</td>`)}</tr>`)}</tbody>
    </table></div>`;
  }

  override render() {
    // A decision written as a table shows its rows as the rules they compile to, each read as a sentence.
    const decision = ownMember(this.pack?.decisions, this.decisionId)?.table ? ownMember(expandDecisionTables(this.pack).pack.decisions, this.decisionId) : ownMember(this.pack?.decisions, this.decisionId);
    if (!decision) return nothing;
    const scale = ownMember(this.pack.scales, decision.scale);
    // A per-domain decision's numbers differ by domain (shown in their own table): its rules name them by label.
    const declared = new PackWords(this.pack, decision.forEach === 'domain');
    const rules = [...(decision.rules ?? [])].sort((a, b) => (decision.hitPolicy === 'first' ? (b.priority ?? 0) - (a.priority ?? 0) : 0));
    return html`
      <h3 id=${`decision-${this.decisionId}`}>${decision.label}${decision.forEach === 'domain' ? html`<span class="badge">per ${this.pack.framework?.labels?.domain?.toLowerCase() ?? 'domain'}</span>` : nothing}</h3>
      ${decision.description ? html`<p class="muted">${decision.description}</p>` : nothing}
      <p>Result on the scale <em>${scale?.label ?? decision.scale}</em>: ${ownMember(POLICY, decision.hitPolicy) ?? decision.hitPolicy}.</p>
      ${decision.forEach === 'domain' ? this._parameterTable(decision) : nothing}
      <div class="scroll" tabindex="0"><table>
        <thead><tr><th scope="col">Result</th><th scope="col">When</th><th scope="col">Source</th></tr></thead>
        <tbody>
          ${rules.map((r) => html`<tr>
            <td class="out">${describeValue(r.output, {}, declared)}</td>
            <td>${r.label ? html`<div>${r.label}</div>` : nothing}<div class="muted">${describeCondition(r.when, {}, declared)}</div></td>
            <td><qaf-citation .source=${r.source} .pack=${this.pack} interpretation=${r.interpretation ?? nothing}></qaf-citation></td>
          </tr>`)}
          ${decision.fallback
            ? html`<tr><td class="out">${describeValue(decision.fallback.output, {}, declared)}</td><td>${decision.fallback.label ?? 'Otherwise (no rule applies)'}</td>
                <td><qaf-citation .source=${decision.fallback.source} .pack=${this.pack} interpretation=${decision.fallback.interpretation ?? nothing}></qaf-citation></td></tr>`
            : nothing}
        </tbody>
      </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-decision-table': QafDecisionTable;
  }
}
customElements.define('qaf-decision-table', QafDecisionTable);
