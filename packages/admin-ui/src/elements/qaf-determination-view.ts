import { LitElement, css, html, nothing } from 'lit';
import { longDate } from '../format/long-date.js';
import { counted } from '../format/count-words.js';
import type { Determination, Pack } from '@openqaf/engine';
import { explainDetermination, ownMember, decisionInstanceWords } from '@openqaf/engine/browser';
import { whyNotHigher, type WhyNotHigher } from '../pack/why-not-higher.js';
import { headlineWords } from '../format/headline-words.js';
import { sharedStyles } from './shared-styles.js';
import './qaf-proposals.js';

function text(v: unknown): string {
  return v === null || v === undefined ? '—' : typeof v === 'string' || typeof v === 'number' ? String(v) : Array.isArray(v) ? v.join(', ') : JSON.stringify(v);
}

/** The criteria whose judgements kept a band from the next one up: each with the judgement given and the one needed. */
function criteriaToRaise(why: WhyNotHigher) {
  const seen = new Set<string>();
  const rows = why.blockers.flatMap((b) => b.criteria).filter((c) => !seen.has(c.id) && seen.add(c.id));
  if (rows.length === 0) return nothing;
  return html`<table class="criteria-to-raise"><thead><tr><th scope="col">Criterion</th><th scope="col">Judged</th><th scope="col">Needed</th></tr></thead>
    <tbody>${rows.map((c) => html`<tr><td>${c.id} ${c.title}</td><td>${c.judgement ?? 'not judged'}</td><td>${c.needed}${c.gain !== undefined ? html` <span class="muted">(${c.gain} ${c.gain === 1 ? 'point' : 'points'} more)</span>` : nothing}${c.of < rows.length ? html` <span class="muted">(${c.of} of these)</span>` : nothing}</td></tr>`)}</tbody></table>`;
}

/**
 * A determination answering "why": the headline and the rule that gave it, each domain's band
 * and what kept it from the next band up, the interpretations relied on, actions with due dates
 * and the next visits. Prints as the provider report councils send providers.
 */
export class QafDeterminationView extends LitElement {
  static override properties = { pack: { attribute: false }, determination: { attribute: false }, providerName: { attribute: 'provider-name' }, canRecord: { type: Boolean, attribute: 'can-record' }, decisionErrors: { attribute: false } };
  static override styles = [
    sharedStyles,
    css`
      .headline { font-size: 1.5rem; border: 3px solid #0b0c0c; padding: 0.6rem 1rem; display: inline-block; margin: 0.3rem 0; }
      .because { margin: 0.2rem 0 0 1rem; padding: 0; }
      .warning { border-left: 5px solid #b58800; padding: 0.3rem 0.6rem; margin: 0.4rem 0; }
      @media print {
        :host { font-size: 10.5pt; }
        table { page-break-inside: auto; } tr { page-break-inside: avoid; }
        details { display: block; } details > summary { list-style: none; }
        .no-print { display: none; }
        a { color: inherit; text-decoration: none; }
      }
    `,
  ];
  declare pack: Pack;
  declare determination: Determination;
  declare providerName: string | undefined;
  /** The viewer may record a person's decision (an officer of the council). */
  declare canRecord: boolean;
  /** The server's refusals of a recorded decision, by JSON pointer, shown at the proposal's fields. */
  declare decisionErrors: Record<string, string> | undefined;

  override render() {
    const d = this.determination;
    const p = this.pack;
    if (!d || !p) return nothing;
    const headline = ownMember(p.decisions, d.headline.decision);
    const fired = explainDetermination(p, d).find((t) => t.decision === d.headline.decision && t.fired);
    const top = whyNotHigher(p, d, d.headline.decision);
    const perDomain = Object.entries(p.decisions).filter(([, x]) => x.forEach === 'domain');
    const domains = p.framework?.domains ?? [];
    return html`
      ${this.providerName ? html`<h2>${this.providerName}</h2>` : nothing}
      <p>Visit of ${longDate(d.assessmentDate)}${d.asOf && d.asOf !== d.assessmentDate ? `, determined as of ${longDate(d.asOf)} (what was recorded by then counts: a step recorded done after the visit)` : ''}, decided under ${p.metadata.council}'s pack ${d.pack.version}.</p>
      <div class="headline" role="status" aria-label="Headline">${headline?.label ?? d.headline.decision}: <strong>${headlineWords(d.headline.value)}</strong>${d.headline.pending ? html` <span class="muted">(pending: awaiting a decision)</span>` : nothing}</div>
      ${(d.warnings ?? []).map((w) => html`<p class="warning" role="note"><strong>Warning:</strong> ${w.message} <span class="muted">(${w.citation})</span></p>`)}
      <qaf-proposals .pack=${p} .determination=${d} ?can-record=${this.canRecord} .errors=${this.decisionErrors ?? {}}></qaf-proposals>
      ${Object.entries(d.decidedBy ?? {}).map(([id, x]) => html`<p>${decisionInstanceWords(p, id)}: ${text(x.value)}, ${x.kind === 'override' ? 'overridden' : 'decided'} by ${x.by} on ${longDate(x.at)}${x.reason ? `: ${x.reason}` : ''} <span class="muted">(the rules gave ${text(x.computed)})</span>.</p>`)}
      ${fired ? html`<p>Because: ${fired.label ?? fired.rule}${fired.source ? html` <span class="muted">(${fired.source})</span>` : nothing}.</p>` : nothing}
      ${top.nextUp && top.blockers.length ? html`<p>Not ${top.nextUp}: ${top.blockers.map((b) => b.because.join('; ')).join(' — ')}.</p>` : nothing}
      ${perDomain.map(([id, decision]) => html`<h3>${decision.label}</h3><div class="scroll" tabindex="0"><table>
        <thead><tr><th scope="col">${p.framework?.labels?.domain ?? 'Domain'}</th><th scope="col">Band</th><th scope="col">What kept it from the next band up</th></tr></thead>
        <tbody>${domains.map((dom) => {
          const why = whyNotHigher(p, d, `${id}.${dom.id}`);
          return html`<tr><th scope="row">${dom.title}</th><td><strong>${text(why.value)}</strong></td><td>${!why.nextUp ? html`<span class="muted">Top band</span>`
            : why.blockers.length === 0 ? html`<span class="muted">Not explained (no trace)</span>`
            : html`<div>Not ${why.nextUp}:</div><ul class="because">${why.blockers.flatMap((b) => b.because).map((x) => html`<li>${x}</li>`)}</ul>${criteriaToRaise(why)}`}</td></tr>`;
        })}</tbody></table></div>`)}
      <h3>Actions</h3>
      ${d.actions.length === 0 ? html`<p>No actions.</p>` : html`<table><thead><tr><th scope="col">Action</th><th scope="col">Who</th><th scope="col">Due by</th><th scope="col">Under</th></tr></thead>
        <tbody>${d.actions.map((a) => html`<tr><td>${a.label}</td><td>${a.owner}</td><td><strong>${longDate(a.due)}</strong></td><td>${a.source}</td></tr>`)}</tbody></table>`}
      <h3>Next visits and returns</h3>
      ${d.schedule.length === 0 ? html`<p>None scheduled.</p>` : html`<table><thead><tr><th scope="col">Activity</th><th scope="col">How often</th><th scope="col">Next due</th></tr></thead>
        <tbody>${d.schedule.map((s) => html`<tr><td>${s.label}</td><td>${s.everyMonths ? `every ${counted(s.everyMonths, 'month')}` : s.everyDays ? `every ${counted(s.everyDays, 'day')}` : ''}</td><td><strong>${longDate(s.nextDue)}</strong></td></tr>`)}</tbody></table>`}
      ${Object.keys(d.scores ?? {}).length ? html`<h3>Scores</h3><table><tbody>${Object.entries(d.scores).map(([id, v]) => html`<tr><td>${p.outcomes.scores?.find((s) => s.id === id)?.label ?? id}</td><td>${text(v)}</td></tr>`)}</tbody></table>` : nothing}
      <h3>Interpretations relied on</h3>
      ${d.interpretations.length === 0 ? html`<p>None: the documents decided everything directly.</p>`
        : html`<dl>${d.interpretations.map((i) => html`<dt><strong>${i.title}</strong></dt><dd>${i.note}</dd>`)}</dl>`}
      <details class="no-print"><summary>Every decision</summary><table><tbody>${Object.entries(d.decisions).map(([k, v]) => html`<tr><td>${ownMember(p.decisions, k.split('.')[0]!)?.label ?? k}${k.includes('.') ? ` (${domains.find((dom) => dom.id === k.split('.')[1])?.title ?? k.split('.')[1]})` : ''}</td><td>${text(v)}</td></tr>`)}</tbody></table></details>
      <p class="muted">Pack ${d.pack.id} ${d.pack.version}, ${d.pack.hash}. The same assessment under the same pack always gives this determination.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-determination-view': QafDeterminationView;
  }
}
customElements.define('qaf-determination-view', QafDeterminationView);
