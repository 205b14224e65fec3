import { Task } from '@lit/task';
import { longDate, longDateTime } from '../format/long-date.js';
import { counted } from '../format/count-words.js';
import { LitElement, css, html, nothing } from 'lit';
import { api } from '../api/api-client.js';
import { errorText } from '../api/api-error.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-diff-view.js';

/**
 * Every published version, newest first: who published it, when, why, which is in force today
 * and which is next, which were withdrawn and why; a readable diff between any two; and, for
 * council admins, rolling back to an earlier version (the later ones withdrawn for their whole
 * period, the earlier content published again as a new version, never rewriting history), then
 * the assessments decided under a withdrawn version, with what they would be now, determined
 * again in one action.
 */
export class QafVersionHistory extends LitElement {
  static override properties = { council: {}, canEdit: { type: Boolean, attribute: 'can-edit' }, _from: { state: true }, _to: { state: true }, _message: { state: true } };
  static override styles = [sharedStyles, css`td form { display: flex; gap: 0.4rem; flex-wrap: wrap; } td input { min-width: 12rem; }`];
  declare council: string;
  declare canEdit: boolean;
  declare private _from: string | undefined;
  declare private _to: string | undefined;
  declare private _message: { kind: 'good' | 'bad'; text: string } | undefined;

  private _versions = new Task(this, {
    task: async ([c], { signal }) => {
      const [versions, schedule, stale] = await Promise.all([
        api.versions(c, signal),
        api.schedule(c, signal),
        api.redeterminations(c, signal).catch(() => ({ assessments: [], awaitingSignOff: [] })),
      ]);
      this._to ??= versions[0]?.version;
      this._from ??= versions[1]?.version ?? versions[0]?.version;
      return { versions, schedule, stale: stale.assessments, awaiting: stale.awaitingSignOff };
    },
    args: () => [this.council] as const,
  });

  private _diff = new Task(this, {
    task: ([c, from, to], { signal }) => (from && to ? api.diff(c, from, to, signal) : Promise.resolve(undefined)),
    args: () => [this.council, this._from, this._to] as const,
  });

  constructor() {
    super();
    this.canEdit = false;
  }

  override render() {
    return html`${this._message ? html`<p class="notice ${this._message.kind}" role="status">${this._message.text}</p>` : nothing}
      ${renderTask(this._versions, ({ versions, schedule, stale, awaiting }) => html`
      <p>In force today (${longDate(schedule.today)}): <strong>${schedule.inForce?.version ?? 'none'}</strong>${schedule.next
        ? html`. Next: <strong>${schedule.next.version}</strong>, in force from ${longDate(schedule.next.effectiveFrom)}` : nothing}.</p>
      ${stale.length ? html`<section class="notice bad" role="alert"><h2>${counted(stale.length, 'assessment')} decided under a version not in force on their date</h2>
        <ul>${stale.map((a) => html`<li>${a.providerName}, ${longDate(a.date)}: decided under ${a.decidedUnder.version}${a.decidedUnder.withdrawn ? html` (withdrawn: ${a.decidedUnder.withdrawn})` : nothing}:
          ${a.before}; under ${a.inForce?.version ?? 'no version'}: ${a.after ?? a.error}${a.differences.length ? html` <span class="muted">(${a.differences.map((d) => d.explanation).join('; ')})</span>` : nothing}</li>`)}</ul>
        ${this.canEdit ? html`<form @submit=${this._redetermine}><label for="redetermine-reason">Why determine them again? (recorded on each earlier determination)</label>
          <input id="redetermine-reason" name="reason" required /><button>Determine all ${stale.length} again</button></form>` : nothing}
      </section>` : nothing}
      ${awaiting.length ? html`<section class="notice" id="awaiting-sign-off"><h2>${counted(awaiting.length, 'visit record')} awaiting sign-off, submitted under a version not in force on ${awaiting.length === 1 ? 'its' : 'their'} date</h2>
        <p>Not final, so not counted yet. Signing off determines each again under the version in force; the reviewer is shown what changes.</p>
        <ul>${awaiting.map((a) => html`<li>${a.providerName}, ${longDate(a.date)}: submitted under ${a.decidedUnder.version}: ${a.before}; under ${a.inForce?.version ?? 'no version'}: ${a.after ?? a.error}
          (<a href=${href({ page: 'visit', council: this.council, visit: a.awaitingSignOff!.visitId })}>the visit record</a>)</li>`)}</ul>
      </section>` : nothing}
      <div class="scroll" tabindex="0" role="region" aria-label="Versions"><table>
        <thead><tr><th scope="col">Version</th><th scope="col">In force from</th><th scope="col">Published</th><th scope="col">Note</th>${this.canEdit ? html`<th scope="col">Roll back</th>` : nothing}</tr></thead>
        <tbody>${versions.map((v, i) => html`<tr>
          <td><strong>${v.version}</strong>${v.id === schedule.inForce?.id ? html`<span class="badge">in force today</span>` : nothing}${v.id === schedule.next?.id
            ? html`<span class="badge">next</span>` : nothing}${v.withdrawn ? html`<span class="badge">withdrawn</span><div class="muted">${v.withdrawn.reason}</div>` : nothing}<div class="muted" title=${v.hash}>${v.hash.slice(0, 15)}…</div></td>
          <td>${longDate(v.effectiveFrom)}</td><td>${longDateTime(v.publishedAt)}</td><td>${v.note}</td>
          ${this.canEdit ? html`<td>${i === 0 || v.withdrawn ? html`<span class="muted">${v.withdrawn ? 'withdrawn' : 'latest'}</span>` : html`<form @submit=${(e: SubmitEvent) => this._rollBack(e, v.version)}>
            <label class="muted" for=${`rb-${i}`} style="font-weight:400">Why roll back to ${v.version}?</label>
            <input id=${`rb-${i}`} name="note" required /><button class="secondary">Roll back to ${v.version}</button></form>`}</td>` : nothing}
        </tr>`)}</tbody>
      </table></div>
      <h2>Compare two versions</h2>
      <div class="row">
        ${this._picker('From', 'from', this._from, versions.map((v) => v.version))}
        ${this._picker('To', 'to', this._to, versions.map((v) => v.version))}
      </div>
      ${renderTask(this._diff, (d) => (d ? html`<qaf-diff-view .changes=${d.changes}></qaf-diff-view>` : nothing), 'Comparing…')}`, 'Loading the versions…')}`;
  }

  private _picker(label: string, id: 'from' | 'to', value: string | undefined, versions: string[]) {
    return html`<div><label for=${id}>${label}</label><select id=${id} @change=${(e: Event) => {
      const v = (e.target as HTMLSelectElement).value;
      if (id === 'from') this._from = v;
      else this._to = v;
    }}>${versions.map((v) => html`<option ?selected=${v === value}>${v}</option>`)}<option value="draft" ?selected=${value === 'draft'}>the draft</option></select></div>`;
  }

  private async _redetermine(e: SubmitEvent) {
    e.preventDefault();
    const reason = String(new FormData(e.target as HTMLFormElement).get('reason') ?? '');
    try {
      const done = await api.redetermine(this.council, { reason });
      this._message = { kind: 'good', text: `${counted(done.redetermined.length, 'assessment')} determined again; the earlier determinations stay in each provider's history, marked superseded.` };
      void this._versions.run();
    } catch (error) {
      this._message = { kind: 'bad', text: `Not determined again: ${errorText(error)}` };
    }
  }

  private async _rollBack(e: SubmitEvent, version: string) {
    e.preventDefault();
    const note = String(new FormData(e.target as HTMLFormElement).get('note') ?? '');
    try {
      const v = await api.rollBack(this.council, version, { note });
      this._message = {
        kind: 'good',
        text: `Rolled back: ${v.withdrew.map((w) => w.version).join(', ')} withdrawn for their whole period; version ${v.version}, with the content of ${version}, in force from ${longDate(v.effectiveFrom)}.`,
      };
      this._from = undefined;
      this._to = undefined;
      void this._versions.run();
    } catch (error) {
      this._message = { kind: 'bad', text: `Not rolled back: ${errorText(error)}` };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-version-history': QafVersionHistory;
  }
}
customElements.define('qaf-version-history', QafVersionHistory);
