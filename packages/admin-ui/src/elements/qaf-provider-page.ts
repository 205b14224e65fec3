import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { api } from '../api/api-client.js';
import type { TimelineEntry } from '../api/api-types.js';
import { longDate } from '../format/long-date.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import '../charts/qaf-rating-history-chart.js';
import './qaf-provider-editor.js';
import './qaf-provider-officer.js';
import './qaf-provider-visits.js';
import './qaf-departing-decisions.js';
import { headlineWords } from '../format/headline-words.js';
import { departsFromProposal, ownMember } from '@openqaf/engine/browser';

/**
 * One provider: details (officers edit them), its officer (assigned by a team manager), rating
 * history over time, and each determination with its pack version; a determination awaiting
 * sign-off is marked provisional and is not the current rating. A decision recorded earlier without
 * a reason that now departs from the proposal, on the current determination (the provider's `latest`,
 * marked "Current" in the table, the one the work queue asks about), is listed first, for an officer
 * to add the reason (`qaf-departing-decisions`); adding it reloads the page. One on an earlier
 * determination is history, asking for nothing.
 */
export class QafProviderPage extends LitElement {
  static override properties = { council: {}, provider: {}, canAssess: { type: Boolean, attribute: 'can-assess' }, canAssign: { type: Boolean, attribute: 'can-assign' } };
  static override styles = [sharedStyles];
  declare council: string;
  declare provider: string;
  declare canAssess: boolean;
  declare canAssign: boolean;

  private _data = new Task(this, {
    task: async ([c, id], { signal }) => {
      const [provider, timeline, published] = await Promise.all([api.provider(c, id, signal), api.timeline(c, id, signal), api.pack(c, signal)]);
      const pack = published.pack!;
      const scale = ownMember(pack.scales, ownMember(pack.decisions, pack.outcomes.headline)?.scale ?? '');
      const labels = Object.fromEntries(Object.entries(pack.decisions).map(([id, d]) => [id, d.label ?? id]));
      return { provider, timeline, pack, labels, order: scale && 'values' in scale ? scale.values : [] };
    },
    args: () => [this.council, this.provider] as const,
  });

  constructor() {
    super();
    this.canAssess = false;
    this.canAssign = false;
  }

  /** "Decision recorded: Overall rating Bronze, by manager@… on 2 December 2026 (reason)". */
  private _decisionWords(decisions: Record<string, { value: unknown; by: string; at: string; reason?: string }>, labels: Record<string, string>): string {
    return `Decision recorded: ${Object.entries(decisions).map(([id, d]) => `${ownMember(labels, id) ?? id} ${String(d.value)}, by ${d.by} on ${longDate(d.at)}${d.reason ? ` (${d.reason})` : ''}`).join('; ')}`;
  }

  /**
   * A determination's decisions without a reason, as its row says them: on the current determination,
   * where to add the reason; on an earlier one, history only (the work queue asks only about the current one).
   */
  private _flagWords(t: TimelineEntry, current: string | undefined) {
    const departing = Object.values(t.decidedBy ?? {}).filter((d) => d.departsWithoutReason);
    if (t.answeredBy || !departing.length) return nothing;
    // An override answers no proposal: the officer departed from the framework's value. Under a
    // version that always requires a reason, a person's decision agreeing with the proposal is
    // marked too: it does not depart, it only lacks the reason.
    const overrides = departing.every((d) => d.kind === 'override');
    const departs = departing.some((d) => d.kind !== 'override' && departsFromProposal(d.computed, d.value));
    const [now, then] = overrides
      ? ["An officer's override has no reason", "An officer's override had no reason"]
      : departs
        ? ['A decision departs from the proposal without a reason', 'A decision departed from the proposal without a reason']
        : ['A decision has no reason, which the framework requires', 'A decision had no reason, which the framework required'];
    if (t.assessmentId === current) return html`<div class="bad">${now}: add it under "Decisions without a reason"</div>`;
    if (t.provisional) return html`<div class="muted">${now}: asked once the visit record is signed off</div>`;
    return html`<div class="muted">${then} (history: a later determination is current)</div>`;
  }

  override render() {
    return renderTask(this._data, ({ provider: p, timeline, pack, order, labels }) => html`
      <h1>${p.name}</h1>
      <p class="muted">${[p.serviceType, p.cqcLocationId && `CQC ${p.cqcLocationId}`].filter(Boolean).join(' · ')}</p>
      ${p.latest ? html`<p>Current rating <strong>${String(p.latest.rating)}</strong> from the visit on ${longDate(p.latest.assessmentDate)} (pack ${p.latest.packVersion}).
        Next visit due ${p.latest.nextVisitDue ? longDate(p.latest.nextVisitDue) : '—'}. ${p.latest.overdueActions ? html`<strong class="bad">${p.latest.overdueActions} overdue action(s).</strong>` : nothing}</p>` : html`<p>Not assessed yet.</p>`}
      ${this.canAssess ? html`<a class="button" href=${href({ page: 'assess', council: this.council, provider: p.id })}>New assessment</a>
        <details><summary>Edit the provider's details</summary>
          <qaf-provider-editor council=${this.council} .provider=${p} @provider-saved=${() => void this._data.run()}></qaf-provider-editor></details>` : nothing}
      <qaf-departing-decisions council=${this.council} current=${p.latest?.assessmentId ?? nothing} .timeline=${timeline} .pack=${pack} ?can-record=${this.canAssess} @reason-added=${() => void this._data.run()}></qaf-departing-decisions>
      <qaf-provider-officer council=${this.council} provider=${p.id} ?can-assign=${this.canAssign}></qaf-provider-officer>
      <qaf-provider-visits council=${this.council} provider=${p.id} ?can-start=${this.canAssess}></qaf-provider-visits>
      <h2>Rating over time</h2>
      <qaf-rating-history-chart .entries=${timeline.filter((t) => !t.provisional && !t.answeredBy).map((t) => ({ date: t.date, value: t.headline.value }))} .order=${order}></qaf-rating-history-chart>
      <h2>Determinations</h2>
      ${timeline.length === 0 ? html`<qaf-status kind="empty" message="No determinations yet."></qaf-status>` : html`<div class="scroll" tabindex="0"><table>
        <thead><tr><th scope="col">Visit date</th><th scope="col">Rating</th><th scope="col">Pack version</th><th scope="col">Actions</th><th scope="col"></th></tr></thead>
        <tbody>${[...timeline].reverse().map((t) => html`<tr class=${t.assessmentId === p.latest?.assessmentId ? 'current' : nothing}><td>${longDate(t.date)}</td><td><strong>${headlineWords(t.headline.value)}</strong>${t.assessmentId === p.latest?.assessmentId
          ? html` <span class="badge">Current</span>` : nothing}${t.provisional
          ? html` <span class="badge">Provisional: awaiting sign-off</span>` : nothing}${(t.superseded ?? []).map((e) => html`<div class="muted superseded">${`Earlier: ${headlineWords(e.headline.value)} under ${e.packVersion}, superseded ${longDate(e.supersededAt.slice(0, 10))}: ${e.reason}`}</div>`)}${t.answeredBy ? html`<div class="muted">${this._decisionWords(t.answeredBy.decisions, labels)}: the determination that followed</div>` : nothing}${t.answers
            ? html`<div class="muted">${this._decisionWords(t.answers.decisions, labels)}</div>` : nothing}${this._flagWords(t, p.latest?.assessmentId)}</td>
          <td title=${t.packHash}>${t.packVersion}</td><td>${t.actions.length}</td>
          <td><a href=${href({ page: 'determination', council: this.council, assessment: t.assessmentId })}>Why? (determination ${longDate(t.date)})</a></td></tr>`)}</tbody>
      </table></div>`}`, 'Loading the provider…');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-provider-page': QafProviderPage;
  }
}
customElements.define('qaf-provider-page', QafProviderPage);
