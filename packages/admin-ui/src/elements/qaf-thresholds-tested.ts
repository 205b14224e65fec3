import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import type { Pack } from '@openqaf/engine';
import { api } from '../api/api-client.js';
import { thresholdsTested } from '../pack/thresholds-tested.js';
import type { SideRow, ThresholdRow, ThresholdsTested } from '../pack/thresholds-tested.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-status.js';

/** How many of a side's cases are shown before "and N more". */
export const CASES_SHOWN = 4;

/** What the section measures: the draft (saved first), or a published version. */
const DRAFT = 'draft';

/**
 * "Thresholds tested": for the draft (its unsaved edits saved first, as the cases are run) or
 * a published version, each threshold of each decision in the council's words, its sides, and
 * for each side the cases that test it (for the draft, buttons that open the case), the reason
 * recorded for leaving it untested, or "Not tested". Fires `case-open-id` with a case's id.
 */
export class QafThresholdsTested extends LitElement {
  static override properties = { council: {}, pack: { attribute: false }, saveFirst: { attribute: false }, _of: { state: true }, _onlyGaps: { state: true } };
  static override styles = [
    sharedStyles,
    css`.state { font-weight: 600; } .untested { color: var(--qaf-bad, #b10e1e); }
      ul.cases { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; }
      button.link { background: none; border: none; color: var(--qaf-accent, #0b5cad); text-decoration: underline; padding: 0; min-height: 1.5rem; text-align: left; }
      td.side { white-space: nowrap; } th[scope='rowgroup'] { font-weight: 400; background: #fff; }`,
  ];
  declare council: string;
  /** The draft as edited, to find a case's place when one is opened. */
  declare pack: Pack | undefined;
  /** Saves the draft's unsaved edits before it is measured (throws when the save is refused). */
  declare saveFirst: (() => Promise<void>) | undefined;
  declare private _of: string;
  declare private _onlyGaps: boolean;

  private _versions = new Task(this, {
    task: async ([c], { signal }) => (c ? (await api.versions(c, signal)).map((v) => v.version) : []),
    args: () => [this.council] as const,
  });

  private _run = new Task(this, {
    task: async ([c, of], { signal }): Promise<{ of: string; measured: string; view: ThresholdsTested }> => {
      if (of === DRAFT) {
        await this.saveFirst?.();
        const reply = await api.draftBoundaryCoverage(c, signal);
        return { of, measured: `the draft (revision ${reply.revision})`, view: thresholdsTested(reply, this.pack ?? (await api.draft(c, signal)).draft.content as unknown as Pack) };
      }
      const [reply, version] = await Promise.all([api.versionBoundaryCoverage(c, of, signal), api.version(c, of, signal)]);
      return { of, measured: `version ${of}`, view: thresholdsTested(reply, version.pack) };
    },
    args: () => [this.council, this._of] as const,
    autoRun: false,
  });

  constructor() {
    super();
    this._of = DRAFT;
    this._onlyGaps = false;
  }

  override render() {
    const versions = this._versions.value ?? [];
    return html`<h2 id="thresholds-tested">Thresholds tested</h2>
      <p>Every number the pack compares a fact with has two sides (three for "exactly"). A quality officer must be able to defend a rating on either side, so each side should have a case whose value sits on its edge, or a recorded reason why none can.</p>
      <div class="row">
        <div><label for="of">Of</label><select id="of" @change=${(e: Event) => { this._of = (e.target as HTMLSelectElement).value; }}>
          <option value=${DRAFT} ?selected=${this._of === DRAFT}>The draft (unsaved changes are saved first)</option>
          ${versions.map((v) => html`<option value=${v} ?selected=${this._of === v}>Published version ${v}</option>`)}</select></div>
        <button class="secondary" @click=${() => this._run.run()}>Show the thresholds tested</button>
        <label><input type="checkbox" .checked=${this._onlyGaps} @change=${(e: Event) => { this._onlyGaps = (e.target as HTMLInputElement).checked; }} /> Only thresholds with a side not tested</label>
      </div>
      ${this._run.status === TaskStatus.INITIAL ? html`<p class="muted">Not shown yet.</p>` : renderTask(this._run, (r) => this._result(r.of, r.measured, r.view), 'Measuring which thresholds the cases test…')}`;
  }

  private _result(of: string, measured: string, v: ThresholdsTested) {
    const groups = v.groups.map((g) => ({ ...g, thresholds: this._onlyGaps ? g.thresholds.filter((t) => t.sides.some((s) => s.state === 'untested')) : g.thresholds })).filter((g) => g.thresholds.length);
    return html`<p class="notice ${v.gaps ? 'bad' : 'good'}" role="status" data-summary>Of ${measured}: <strong>${v.summary}</strong>.</p>
      <p class="muted" data-reasons>${v.reasons}</p>
      ${v.notes.length ? html`<details><summary>About these results (${v.notes.length})</summary><ul>${v.notes.map((n) => html`<li>${n}</li>`)}</ul></details>` : nothing}
      ${of === DRAFT ? nothing : html`<p class="muted">The cases of a published version are shown by name; open the draft's cases to change one.</p>`}
      ${groups.length === 0 ? html`<p class="good">Every side of every threshold is tested by a case or left with a reason.</p>` : nothing}
      ${groups.map((g) => html`<h3>${g.heading} <span class="muted">(${g.id})</span></h3>
        <div class="scroll"><table>
          <caption class="visually-hidden">Thresholds of ${g.heading} and the cases that test each side</caption>
          <thead><tr><th scope="col">Threshold</th><th scope="col">Side</th><th scope="col">Tested by</th></tr></thead>
          ${g.thresholds.map((t) => this._threshold(t, of === DRAFT))}
        </table></div>`)}`;
  }

  private _threshold(t: ThresholdRow, draft: boolean) {
    return html`<tbody>${t.sides.map((s, i) => html`<tr>
      ${i === 0 ? html`<th scope="rowgroup" rowspan=${t.sides.length}>${t.words}<div class="muted">${t.where}</div></th>` : nothing}
      <td class="side">${s.label}</td>
      <td>${this._state(s, draft)}</td></tr>`)}</tbody>`;
  }

  private _state(s: SideRow, draft: boolean) {
    if (s.state === 'untested') return html`<span class="state untested">Not tested</span>`;
    if (s.state === 'left') return html`<span class="state">Left untested:</span> ${s.reason}`;
    const caseItem = (id: string) => html`<li>${draft
      ? html`<button class="link" data-case=${id} @click=${() => this._openCase(id)}>${id}<span class="visually-hidden"> (open the case)</span></button>`
      : html`<code>${id}</code>`}</li>`;
    const more = s.cases.length - CASES_SHOWN;
    return html`<ul class="cases">${s.cases.slice(0, CASES_SHOWN).map(caseItem)}</ul>
      ${more > 0 ? html`<details><summary>and ${more} more</summary><ul class="cases">${s.cases.slice(CASES_SHOWN).map(caseItem)}</ul></details>` : nothing}`;
  }

  private _openCase(id: string) {
    this.dispatchEvent(new CustomEvent('case-open-id', { detail: { id }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-thresholds-tested': QafThresholdsTested;
  }
}
customElements.define('qaf-thresholds-tested', QafThresholdsTested);
