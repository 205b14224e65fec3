import { LitElement, css, html, nothing } from 'lit';
import { longDate } from '../format/long-date.js';
import { counted } from '../format/count-words.js';
import type { Pack, PackCase } from '@openqaf/engine';
import type { CaseResult } from '../api/api-types.js';
import { actualSummary, expectationSummary, failureWords, inputSummary } from '../pack/case-words.js';
import { problemsAt } from '../pack/plain-errors.js';
import type { FieldProblem } from '../pack/plain-errors.js';
import { sharedStyles } from './shared-styles.js';
import './qaf-case-editor.js';
import './qaf-citation.js';

/** Which cases the list shows. */
export type CaseFilter = 'all' | 'failing' | 'passing' | 'changed' | 'problems';

/** A case's state against the last run: passed, failed, changed since, or not run. */
export type CaseState = 'passed' | 'failed' | 'changed' | 'not-run';

const STATE_WORDS: Record<CaseState, string> = { passed: 'Passed', failed: 'Failed', changed: 'Changed since the run', 'not-run': 'Not run' };

/** The order of the states in the list once a run has results: what needs reading first. */
const STATE_ORDER: Record<CaseState, number> = { failed: 0, changed: 1, 'not-run': 2, passed: 3 };

/**
 * Cases drawn at once; the rest are drawn on demand, this many more at a time or all at once
 * (buttons under the table). Failing cases and the case being
 * edited are always drawn. Drawing Birmingham's 218 cases at once made the page's cold load
 * take over a second.
 */
export const CASES_AT_ONCE = 40;

/** A case in words, for the table and for finding cases. */
interface CaseWords { input: string[]; expected: string[]; unreadable?: boolean }

/**
 * The pack's worked cases as a table: each case's id, note and citation, its assessment,
 * what it expects and what the last run gave, in plain words; searchable and filtered
 * (e.g. failing only). The case being edited opens in a row beneath it. Fires `case-open`
 * with the index to edit (or -1 to close).
 */
export class QafCaseList extends LitElement {
  static override properties = {
    pack: { attribute: false },
    results: { attribute: false },
    snapshot: { attribute: false },
    editing: { type: Number },
    canEdit: { type: Boolean, attribute: 'can-edit' },
    problems: { attribute: false },
    show: {},
    _query: { state: true },
    _chosen: { state: true },
    _drawn: { state: true },
  };
  static override styles = [
    sharedStyles,
    css`ul.lines { margin: 0; padding-left: 1rem; font-size: 0.9rem; } td { font-size: 0.95rem; }
      .state { font-weight: 700; white-space: nowrap; } .state.failed, .state.changed { color: var(--qaf-bad, #b10e1e); } .state.passed { color: var(--qaf-good, #00703c); }
      tr.open > td { background: #fff8e0; } .more { margin-top: 0.5rem; } .accepted { font-size: 0.85rem; font-style: italic; } .accept { margin-bottom: 0.4rem; } .accept label { font-weight: 400; } td.editor { padding: 0; border-bottom: 3px solid #0b0c0c; }`,
  ];
  declare pack: Pack;
  /** The last run's result per case id. */
  declare results: Record<string, CaseResult>;
  /** Each case as it was (JSON) when the last run was made, by id. */
  declare snapshot: Record<string, string>;
  declare editing: number;
  declare canEdit: boolean;
  declare problems: FieldProblem[];
  declare show: CaseFilter;
  declare private _query: string;
  /** Failing cases ticked for a reviewed batch acceptance. */
  declare private _chosen: Set<string>;
  /** How many of the shown cases are drawn (see `CASES_AT_ONCE`). */
  declare private _drawn: number;
  /** Each case's words, kept while the pack (and the case) is the same object: a render rewords only edited cases. */
  private _wordsOf = new WeakMap<PackCase, CaseWords>();
  private _wordsPack: Pack | undefined;

  constructor() {
    super();
    this.results = {};
    this.snapshot = {};
    this.editing = -1;
    this.canEdit = false;
    this.problems = [];
    this.show = 'all';
    this._query = '';
    this._chosen = new Set();
    this._drawn = CASES_AT_ONCE;
  }

  override willUpdate(changed: Map<string, unknown>) {
    // Another filter or search draws from the top again.
    if (changed.has('show') || changed.has('_query')) this._drawn = CASES_AT_ONCE;
  }


  /** A case's state against the last run. */
  stateOf(c: PackCase): CaseState {
    const r = this.results[c.id];
    if (!r || this.snapshot[c.id] === undefined) return 'not-run';
    if (this.snapshot[c.id] !== JSON.stringify(c)) return 'changed';
    return r.ok ? 'passed' : 'failed';
  }

  override render() {
    const cases = Array.isArray(this.pack.cases) ? this.pack.cases : [];
    const q = this._query.trim().toLowerCase();
    const rows = cases.map((c, i) => ({ c, i, state: this.stateOf(c) }));
    const shown = rows.filter(({ c, i, state }) => {
      if (i === this.editing) return true;
      if (this.show === 'failing' && state !== 'failed') return false;
      if (this.show === 'passing' && state !== 'passed') return false;
      if (this.show === 'changed' && state !== 'changed' && state !== 'not-run') return false;
      if (this.show === 'problems' && problemsAt(this.problems, `/cases/${i}`).length === 0) return false;
      if (!q) return true;
      const { input, expected } = this._words(c);
      return `${c.id} ${c.note} ${input.join(' ')} ${expected.join(' ')}`.toLowerCase().includes(q);
    });
    // Once a run has results, failing cases come first, then changed ones (pack order within each).
    if (Object.keys(this.results).length) shown.sort((x, y) => STATE_ORDER[x.state] - STATE_ORDER[y.state] || x.i - y.i);
    const drawn = shown.filter((row, at) => at < this._drawn || row.state === 'failed' || row.i === this.editing);
    const left = shown.length - drawn.length;
    return html`
      <div class="row">
        <div><label for="find">Find a case</label><input id="find" type="search" placeholder="e.g. safeguarding, Silver, saf-06" .value=${this._query}
          @input=${(e: Event) => (this._query = (e.target as HTMLInputElement).value)} /></div>
        <div><label for="show">Show</label><select id="show" @change=${(e: Event) => (this.show = (e.target as HTMLSelectElement).value as CaseFilter)}>
          ${([['all', 'All cases'], ['failing', 'Failing cases'], ['passing', 'Passing cases'], ['changed', 'Changed or new since the last run'], ['problems', 'Cases with problems']] as const)
            .map(([v, t]) => html`<option value=${v} ?selected=${this.show === v}>${t}</option>`)}</select></div>
        <p role="status">Showing ${shown.length} of ${counted(cases.length, 'case')}.</p>
        ${this.canEdit ? this._batch(rows.filter((r) => r.state === 'failed').map((r) => r.c.id)) : nothing}
      </div>
      ${cases.length === 0 ? html`<p class="muted">This pack has no worked cases yet.</p>` : html`<div class="scroll" tabindex="0"><table>
        <thead><tr><th scope="col">Result</th><th scope="col">Case</th><th scope="col">The assessment</th><th scope="col">Expected</th><th scope="col">Last run</th>
          ${this.canEdit ? html`<th scope="col"><span class="visually-hidden">Edit</span></th>` : nothing}</tr></thead>
        <tbody>${drawn.map((row) => this._row({ ...row, ...this._words(row.c) }))}</tbody></table></div>
        ${left ? html`<p class="more">${drawn.length} of these ${shown.length} cases are drawn.
          <button class="secondary" data-more @click=${() => (this._drawn += CASES_AT_ONCE)}>Show ${Math.min(left, CASES_AT_ONCE)} more</button>
          <button class="secondary" data-all @click=${() => (this._drawn = Infinity)}>Show all ${shown.length}</button></p>` : nothing}`}`;
  }

  /** A case in words; a case the JSON editor left unreadable says so instead of blanking the page. */
  private _words(c: PackCase): CaseWords {
    if (this._wordsPack !== this.pack) {
      this._wordsPack = this.pack;
      this._wordsOf = new WeakMap();
    }
    let words = this._wordsOf.get(c);
    if (!words) {
      try {
        words = { input: inputSummary(this.pack, c), expected: expectationSummary(this.pack, c) };
      } catch {
        words = { input: ['This case cannot be read: fix it in the JSON editor.'], expected: [], unreadable: true };
      }
      this._wordsOf.set(c, words);
    }
    return words;
  }

  private _row({ c, i, state, input, expected, unreadable }: { c: PackCase; i: number; state: CaseState } & CaseWords) {
    const r = this.results[c.id];
    const open = i === this.editing;
    const problems = problemsAt(this.problems, `/cases/${i}`).length;
    return html`<tr class=${open ? 'open' : ''}>
        <td><span class="state ${state}">${STATE_WORDS[state]}</span>${problems ? html`<div class="bad">${counted(problems, 'problem')}</div>` : nothing}</td>
        <td><strong>${c.id}</strong><div>${c.note}</div>${c.source ? html`<qaf-citation .source=${c.source} .pack=${this.pack}></qaf-citation>` : nothing}
          ${c.accepted ? html`<div class="accepted">Expected value accepted by ${c.accepted.by} on ${longDate(c.accepted.on)}${c.accepted.reason ? `: ${c.accepted.reason}` : ''} (not from the document)</div>` : nothing}</td>
        <td><ul class="lines">${input.map((l) => html`<li>${l}</li>`)}</ul></td>
        <td><ul class="lines">${expected.map((l) => html`<li>${l}</li>`)}</ul></td>
        <td>${r ? html`${r.determination ? html`<ul class="lines">${actualSummary(this.pack, c, r.determination).map((l) => html`<li>${l}</li>`)}</ul>` : nothing}
          ${r.failures.length ? html`<ul class="lines bad">${r.failures.map((f) => html`<li>${failureWords(this.pack, f)}</li>`)}</ul>` : nothing}` : html`<span class="muted">—</span>`}</td>
        ${this.canEdit ? html`<td>${state === 'failed' && r?.determination ? this._acceptControls(c.id) : nothing}${unreadable ? nothing : html`<button class="secondary" data-case=${c.id} aria-expanded=${open ? 'true' : 'false'} @click=${() => this._open(open ? -1 : i)}>${open ? 'Close' : 'Edit'}<span class="visually-hidden"> case ${c.id}</span></button>`}</td>` : nothing}
      </tr>
      ${open ? html`<tr><td class="editor" colspan=${this.canEdit ? 6 : 5}><qaf-case-editor .pack=${this.pack} .index=${i} .result=${r}
        ?stale=${state === 'changed'} .problems=${problemsAt(this.problems, `/cases/${i}`)} ?readonly=${!this.canEdit}></qaf-case-editor></td></tr>` : nothing}`;
  }

  /** A failing case's own acceptance: accept now, or tick it for the reviewed batch. */
  private _acceptControls(id: string) {
    return html`<div class="accept"><button data-accept=${id} @click=${() => this._accept([id])}>Accept the new result<span class="visually-hidden"> of case ${id}</span></button>
      <label><input type="checkbox" data-choose=${id} .checked=${this._chosen.has(id)} @change=${(e: Event) => this._choose(id, (e.target as HTMLInputElement).checked)} /> Reviewed: add to batch</label></div>`;
  }

  /** The reviewed batch: accept every ticked failing case at once. */
  private _batch(failing: string[]) {
    const chosen = failing.filter((id) => this._chosen.has(id));
    return failing.length ? html`<div><button class="secondary" data-accept-batch ?disabled=${chosen.length === 0} @click=${() => this._accept(chosen)}>
      Accept the ${chosen.length} reviewed result${chosen.length === 1 ? '' : 's'}</button></div>` : nothing;
  }

  private _choose(id: string, on: boolean) {
    const next = new Set(this._chosen);
    if (on) next.add(id);
    else next.delete(id);
    this._chosen = next;
  }

  private _accept(ids: string[]) {
    this._chosen = new Set([...this._chosen].filter((id) => !ids.includes(id)));
    this.dispatchEvent(new CustomEvent<{ ids: string[] }>('case-accept', { detail: { ids }, bubbles: true, composed: true }));
  }

  private _open(index: number) {
    this.dispatchEvent(new CustomEvent<{ index: number }>('case-open', { detail: { index }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-case-list': QafCaseList;
  }
}
customElements.define('qaf-case-list', QafCaseList);
