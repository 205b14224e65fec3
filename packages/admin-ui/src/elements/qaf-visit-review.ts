import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import type { Pack } from '@openqaf/engine';
import { api } from '../api/api-client.js';
import { errorText } from '../api/api-error.js';
import { evidenceFileUrl, returnVisit, signOffVisit } from '../api/visits-api.js';
import type { Visit, VisitStatus } from '../api/visits-api.js';
import { longDate, longDateTime } from '../format/long-date.js';
import { href } from '../routing/route.js';
import type { AssessmentFormModel } from '../pack/assessment-form-model.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-determination-view.js';
import { ownMember } from '@openqaf/engine/browser';

/** A lifecycle status in words. */
export const STATUS_WORDS: Record<VisitStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted, awaiting sign-off',
  'signed-off': 'Signed off',
  shared: 'Shared with the provider as a draft report',
  final: 'Final',
};

/**
 * The sign-off screen of a submitted visit record: the determination it would make, the
 * judgements with the evidence the officer recorded, and the decisions awaiting a person as
 * tasks. A reviewer (a council admin other than the officer who submitted it) signs it off or
 * returns it to the officer with a reason. Fires `visit-changed` with the visit after either.
 */
export class QafVisitReview extends LitElement {
  static override properties = {
    council: {},
    pack: { attribute: false },
    model: { attribute: false },
    visit: { attribute: false },
    canReview: { type: Boolean, attribute: 'can-review' },
    userId: { attribute: 'user-id' },
    _error: { state: true },
    _busy: { state: true },
  };
  static override styles = [sharedStyles];
  declare council: string;
  declare pack: Pack;
  declare model: AssessmentFormModel;
  declare visit: Visit;
  declare canReview: boolean;
  declare userId: string;
  declare private _error: string;
  declare private _busy: boolean;

  private _assessment = new Task(this, {
    task: async ([c, id], { signal }) => (id ? api.assessment(c, id, true, signal) : undefined),
    args: () => [this.council, this.visit?.assessmentId] as const,
  });

  constructor() {
    super();
    this.canReview = false;
    this._error = '';
    this._busy = false;
  }

  private async _act(action: () => Promise<Visit>) {
    this._busy = true;
    this._error = '';
    try {
      const visit = await action();
      this.dispatchEvent(new CustomEvent<Visit>('visit-changed', { detail: visit, bubbles: true, composed: true }));
    } catch (error) {
      this._error = errorText(error);
    } finally {
      this._busy = false;
    }
  }

  private _return(e: SubmitEvent) {
    e.preventDefault();
    const reason = ((e.target as HTMLFormElement).elements.namedItem('reason') as HTMLTextAreaElement).value.trim();
    if (!reason) {
      this._error = 'Enter the reason for returning the visit record';
      return;
    }
    void this._act(() => returnVisit(this.council, this.visit.id, reason));
  }

  /** Why signing off determines the record again: the version it was submitted under is no longer in force on its date. */
  private _notInForce(v: Visit) {
    const n = v.notUnderVersionInForce;
    if (!n) return nothing;
    return html`<div class="notice bad" id="not-in-force" role="alert"><p><strong>Submitted under version ${n.decidedUnder.version}, which ${n.decidedUnder.withdrawn
      ? `was withdrawn since (“${n.decidedUnder.withdrawn}”)` : 'is no longer the version in force on the visit date'}.</strong>
      ${n.inForce ? html`Signing off determines it again under version ${n.inForce.version}: ${n.before} → ${n.after ?? n.error}.` : html`No version is in force on its date: it cannot be signed off.`}
      The determination shown below is the one it was submitted with; it stays in the provider's history, marked superseded.</p>
      ${n.differences.length ? html`<ul>${n.differences.map((d) => html`<li>${d.explanation}</li>`)}</ul>` : nothing}</div>`;
  }

  override render() {
    const v = this.visit;
    const submitter = v.events.findLast((e) => e.to === 'submitted')?.by;
    const ownSubmission = submitter !== undefined && submitter === this.userId;
    return html`
      <p>Status: <strong>${STATUS_WORDS[v.status]}</strong>${v.determinationFinal ? ' — the determination is final.' : ' — the determination is not final until signed off.'}</p>
      ${Object.keys(v.prefilled).length ? html`<p id="facts-confirmed">${v.factsConfirmed
        ? html`The facts from the provider record (${Object.entries(v.factsConfirmed.facts).map(([k, x]) => `${this.model.facts.find((f) => f.name === k)?.label ?? k}: ${x === null ? 'not recorded' : String(x)}`).join('; ')}) were confirmed by ${v.factsConfirmed.by} on ${longDateTime(v.factsConfirmed.at)}.`
        : html`<strong>The facts from the provider record were not confirmed by the officer.</strong>`}</p>` : nothing}
      <ul>${v.events.map((e) => html`<li>${STATUS_WORDS[e.to]}: ${longDateTime(e.at)} by ${e.by}${e.reason ? html` — “${e.reason}”` : nothing}</li>`)}</ul>
      ${v.decisionsRecorded?.length ? html`<h2>Decisions recorded since</h2><ul>${v.decisionsRecorded.map((r) => Object.entries(r.decisions).map(([id, d]) => html`<li>
        ${ownMember(this.pack?.decisions, id)?.label ?? id}: <strong>${String(d.value)}</strong>, decided by ${d.by} on ${longDate(d.at)}${d.reason ? html` — “${d.reason}”` : nothing}
        (<a href=${href({ page: 'determination', council: this.council, assessment: r.assessmentId })}>the determination it made</a>)</li>`))}</ul>` : nothing}
      ${v.status === 'submitted' && this.canReview ? html`<section aria-labelledby="sign-off">
        <h2 id="sign-off">Sign off</h2>
        ${ownSubmission ? html`<p class="notice">You submitted this visit record: a second person signs it off.</p>` : html`
          ${this._error ? html`<p class="notice bad" role="alert">${this._error}</p>` : nothing}
          ${this._notInForce(v)}
          <p><button type="button" ?disabled=${this._busy || (v.notUnderVersionInForce && !v.notUnderVersionInForce.inForce)}
            @click=${() => this._act(() => signOffVisit(this.council, v.id, v.notUnderVersionInForce?.inForce?.version))}>${v.notUnderVersionInForce?.inForce
              ? `Sign off, determined again under version ${v.notUnderVersionInForce.inForce.version}` : 'Sign off the visit record'}</button></p>
          <form @submit=${this._return}><label for="reason">Or return it to the officer, saying why</label>
            <textarea id="reason" name="reason" rows="3" cols="50"></textarea>
            <p><button type="submit" class="secondary" ?disabled=${this._busy}>Return to the officer</button></p></form>`}
      </section>` : nothing}
      ${renderTask(this._assessment, (stored) => stored ? html`<h2>The determination</h2>
        <qaf-determination-view .pack=${this.pack} .determination=${stored.determination}></qaf-determination-view>` : nothing, 'Loading the determination…')}
      <h2>Judgements and evidence</h2>
      ${this.model.groups.map((g) => html`<h3>${g.title}</h3><div class="scroll"><table>
        <thead><tr><th scope="col">${this.model.labels.criterion}</th><th scope="col">Judgement</th><th scope="col">Evidence</th></tr></thead>
        <tbody>${g.standards.flatMap((s) => s.criteria).map((c) => {
          const evidence = v.evidence.filter((e) => e.target === c.id);
          return html`<tr><td>${c.title}</td><td>${v.draft.judgements?.[c.id] ?? 'Not judged'}</td><td>${evidence.length ? html`<ul>${evidence.map((e) => html`<li>${e.kind === 'text'
            ? e.text : html`<a href=${evidenceFileUrl(this.council, v.id, e.id)}>${e.file!.name}</a>`}</li>`)}</ul>` : html`<span class="muted">None</span>`}</td></tr>`;
        })}</tbody></table></div>`)}
      ${v.draft.note ? html`<h3>Officer's note</h3><p>${v.draft.note}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-visit-review': QafVisitReview;
  }
}
customElements.define('qaf-visit-review', QafVisitReview);
