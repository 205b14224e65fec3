import { LitElement, html, nothing } from 'lit';
import type { Pack } from '@openqaf/engine';
import { PackWords, describeCondition, describeValue } from '../pack/describe-condition.js';
import { dueText, everyText } from '../pack/outcome-words.js';
import { sharedStyles } from './shared-styles.js';
import './qaf-citation.js';

/** The pack's outcomes as tables: actions with due times, visit frequencies and scores. */
export class QafOutcomesView extends LitElement {
  static override properties = { pack: { attribute: false } };
  static override styles = [sharedStyles];
  declare pack: Pack;

  override render() {
    const o = this.pack?.outcomes;
    if (!o) return nothing;
    const declared = new PackWords(this.pack);
    const cite = (source: unknown, interpretation?: string) =>
      html`<qaf-citation .source=${source} .pack=${this.pack} interpretation=${interpretation ?? nothing}></qaf-citation>`;
    return html`
      <h3>Actions</h3>
      ${(o.actions ?? []).length === 0 ? html`<p class="muted">No actions.</p>` : html`<div class="scroll" tabindex="0"><table>
        <thead><tr><th scope="col">Action</th><th scope="col">Who</th><th scope="col">Due</th><th scope="col">When</th><th scope="col">Source</th></tr></thead>
        <tbody>${o.actions!.map((a) => html`<tr><td>${a.label}</td><td>${a.owner}</td><td>${dueText(a.due, declared)}</td><td class="muted">${describeCondition(a.when, {}, declared)}</td><td>${cite(a.source, a.interpretation)}</td></tr>`)}</tbody>
      </table></div>`}
      <h3>Visits and returns</h3>
      ${(o.schedule ?? []).length === 0 ? html`<p class="muted">No schedule.</p>` : html`<div class="scroll" tabindex="0"><table>
        <thead><tr><th scope="col">Activity</th><th scope="col">How often</th><th scope="col">When</th><th scope="col">Source</th></tr></thead>
        <tbody>${o.schedule!.map((s) => html`<tr><td>${s.label}</td><td>${everyText(s, declared)}</td><td class="muted">${describeCondition(s.when, {}, declared)}</td><td>${cite(s.source, s.interpretation)}</td></tr>`)}</tbody>
      </table></div>`}
      ${(o.scores ?? []).length === 0 ? nothing : html`<h3>Scores</h3><div class="scroll" tabindex="0"><table>
        <thead><tr><th scope="col">Score</th><th scope="col">Value</th><th scope="col">Source</th></tr></thead>
        <tbody>${o.scores!.map((s) => html`<tr><td>${s.label}</td><td class="muted">${describeValue(s.value, {}, declared)}${s.when ? html` when ${describeCondition(s.when, {}, declared)}` : nothing}</td><td>${cite(s.source, s.interpretation)}</td></tr>`)}</tbody>
      </table></div>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-outcomes-view': QafOutcomesView;
  }
}
customElements.define('qaf-outcomes-view', QafOutcomesView);
