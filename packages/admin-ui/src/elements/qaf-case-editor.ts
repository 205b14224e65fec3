import { LitElement, css, html, nothing } from 'lit';
import type { Pack, PackCase } from '@openqaf/engine';
import type { CaseResult } from '../api/api-types.js';
import { caseIdProblem, copyId } from '../pack/case-edits.js';
import type { CaseEdit } from '../pack/case-edits.js';
import { failureWords } from '../pack/case-words.js';
import { pointerWords, problemsAt } from '../pack/plain-errors.js';
import type { FieldProblem } from '../pack/plain-errors.js';
import { sharedStyles } from './shared-styles.js';
import type { CaseChange } from './qaf-expectation-editor.js';
import './qaf-case-input-editor.js';
import './qaf-expectation-editor.js';
import { ownMember } from '@openqaf/engine/browser';

/** Where in a case the editor shows problems at a field; any other problem is listed at the top. */
const PLACED = /^\/(id|note|source|asOf|wantError|fillJudgements|input\/(date|facts|judgements)|want\/(headline|decisions|actions|actionsExact|noActions|schedule|scores|interpretations))(\/|$)/;

/** Detail of `case-edit`: the edit to apply to the draft, or the problem that kept a typed value out. */
export interface CaseEditRequest {
  pointer: string;
  edit?: CaseEdit;
  problem?: string;
}

/**
 * One worked case, edited without JSON: its id, note and citation, its assessment, and what
 * the council's document expects; copy it to make a new case, or delete it (after a
 * confirmation). Fires `case-edit` for each change and `case-close` when closed.
 */
export class QafCaseEditor extends LitElement {
  static override properties = {
    pack: { attribute: false },
    index: { type: Number },
    result: { attribute: false },
    stale: { type: Boolean },
    readonly: { type: Boolean },
    problems: { attribute: false },
    _step: { state: true },
    _typed: { state: true },
  };
  static override styles = [
    sharedStyles,
    css`:host { border: 2px solid #0b0c0c; padding: 0.5rem 1rem 1rem; margin: 0.5rem 0; background: #fff; }
      section { margin-top: 1rem; } h3 { margin-top: 0.5rem; } #note { width: 100%; } label[for='note'] { margin-top: 0.6rem; }
      .confirm { border: 3px solid var(--qaf-bad, #b10e1e); padding: 0.5rem 1rem; margin: 0.5rem 0; }
      .copy { border: 2px solid var(--qaf-accent, #0b5cad); padding: 0.5rem 1rem; margin: 0.5rem 0; }`,
  ];
  declare pack: Pack;
  declare index: number;
  declare result: CaseResult | undefined;
  declare stale: boolean;
  declare readonly: boolean;
  declare problems: FieldProblem[];
  declare private _step: 'edit' | 'copy' | 'delete';
  declare private _typed: Record<string, string>;

  constructor() {
    super();
    this.stale = false;
    this.readonly = false;
    this.problems = [];
    this._step = 'edit';
    this._typed = {};
  }

  private get _case(): PackCase {
    return this.pack.cases![this.index]!;
  }

  private get _base(): string {
    return `/cases/${this.index}`;
  }

  /** Moves focus to the editor's heading, so a keyboard user starts at the top of the case. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('index') && changed.get('index') !== undefined) {
      this._step = 'edit';
      this._typed = {};
    }
  }

  override render() {
    const c = this._case;
    if (!c) return nothing;
    const r = this.result;
    const own = (path: string) => [...(this._typed[path] ? [this._typed[path]] : []), ...problemsAt(this.problems, `${this._base}${path}`).map((p) => p.message)];
    const sources = Object.entries(this.pack.sources);
    const sections = c.source ? Object.entries(ownMember(this.pack.sources, c.source.doc)?.sections ?? {}) : [];
    return html`
      <h3 tabindex="-1">Case ${c.id}</h3>
      ${r ? html`<div class="notice ${r.ok ? 'good' : 'bad'}"><strong>Last run${this.stale ? ' (before your changes)' : ''}: ${r.ok ? 'passed' : 'failed'}</strong>
        ${r.failures.length ? html`<ul>${r.failures.map((f) => html`<li>${failureWords(this.pack, f)}</li>`)}</ul>` : nothing}
        ${this.stale ? html`<p>You changed this case since: run the cases again to check it.</p>` : nothing}</div>`
        : html`<p class="muted">Not run yet: run the cases to see what the engine gives.</p>`}
      <div class="row">
        ${this.readonly ? nothing : html`<button class="secondary" @click=${() => this._to('copy', '#copy-id')}>Copy this case</button>
          <button class="danger" @click=${() => this._to('delete', '#keep')}>Delete this case</button>`}
        <button class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('case-close', { bubbles: true, composed: true }))}>Close the case</button>
      </div>
      ${this._step === 'copy' ? this._copyForm() : this._step === 'delete' ? this._confirmDelete() : nothing}
      ${problemsAt(this.problems, this._base).filter((p) => p.pointer === this._base || (p.pointer.startsWith(`${this._base}/`) && !PLACED.test(p.pointer.slice(this._base.length))))
        .map((p) => html`<p class="field-error top-problem">${p.pointer === this._base ? '' : `${pointerWords(p.pointer)}: `}${p.message}${p.hint ? ` ${p.hint}` : ''}</p>`)}

      <section aria-label="About the case" @case-change=${this._onChange}>
        <div class="row">
          <div><label for="id">Id</label>${own('/id').map((m) => html`<p class="field-error">${m}</p>`)}
            <input id="id" type="text" size="40" .value=${c.id} ?readonly=${this.readonly} aria-invalid=${own('/id').length ? 'true' : 'false'} @input=${this._onId} /></div>
          <div><label for="doc">Cited document</label>
            <select id="doc" ?disabled=${this.readonly} @change=${this._onDoc}>
              <option value="" ?selected=${!c.source}>No citation</option>
              ${sources.map(([id, s]) => html`<option value=${id} ?selected=${c.source?.doc === id}>${id} ${s.title}</option>`)}</select></div>
          ${c.source ? html`<div><label for="section">Section</label>${own('/source').map((m) => html`<p class="field-error">${m}</p>`)}
            <select id="section" ?disabled=${this.readonly} @change=${this._onSection}>
              ${sections.some(([s]) => s === c.source!.section) ? nothing : html`<option selected value=${c.source.section}>${c.source.section} (not a section of this document)</option>`}
              ${sections.map(([s, heading]) => html`<option value=${s} ?selected=${c.source!.section === s}>${s} ${heading}</option>`)}</select></div>` : nothing}
        </div>
        <label for="note">Note: what the document says this case shows</label>${own('/note').map((m) => html`<p class="field-error">${m}</p>`)}
        <textarea id="note" rows="2" .value=${c.note} ?readonly=${this.readonly} aria-invalid=${own('/note').length ? 'true' : 'false'} @input=${(e: Event) => this._emit('/note', { ...c, note: (e.target as HTMLTextAreaElement).value })}></textarea>
      </section>

      <section aria-label="What is expected" @case-change=${this._onChange}>
        <h3>What is expected</h3>
        <qaf-expectation-editor .pack=${this.pack} .case=${c} base=${this._base} .determination=${r?.determination} ?stale=${this.stale}
          .problems=${this.problems} ?readonly=${this.readonly}></qaf-expectation-editor>
      </section>

      <section aria-label="The assessment" @case-change=${this._onChange}>
        <h3>The assessment</h3>
        <qaf-case-input-editor .pack=${this.pack} .case=${c} base=${this._base} .problems=${this.problems} ?readonly=${this.readonly}></qaf-case-input-editor>
      </section>`;
  }

  private _copyForm() {
    const problem = this._typed['copy'];
    return html`<div class="copy" role="group" aria-labelledby="copy-title">
      <p id="copy-title"><strong>Copy “${this._case.id}” as a new case</strong>, placed after it, with the same assessment and expectations for you to change.</p>
      <label for="copy-id">Id of the copy</label>${problem ? html`<p class="field-error">${problem}</p>` : nothing}
      <div class="row"><input id="copy-id" type="text" size="40" .value=${copyId(this.pack.cases!, this._case.id)} aria-invalid=${problem ? 'true' : 'false'}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this._copy()} />
        <button @click=${this._copy}>Make the copy</button><button class="secondary" @click=${() => (this._step = 'edit')}>Cancel</button></div>
    </div>`;
  }

  private _confirmDelete() {
    return html`<div class="confirm" role="alertdialog" aria-labelledby="delete-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this._step = 'edit')}>
      <p id="delete-title"><strong>Delete the case “${this._case.id}”?</strong> It leaves the draft now and is gone for good once the draft is saved.</p>
      <div class="row"><button class="danger" @click=${() => this._edit(this._base, { kind: 'delete', index: this.index })}>Delete the case</button>
        <button id="keep" class="secondary" @click=${() => (this._step = 'edit')}>Keep it</button></div>
    </div>`;
  }

  private async _to(step: 'copy' | 'delete', focus: string) {
    this._step = step;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  private _copy() {
    const id = this.renderRoot.querySelector<HTMLInputElement>('#copy-id')!.value.trim();
    const problem = caseIdProblem(this.pack.cases!, id);
    if (problem) {
      this._typed = { ...this._typed, copy: problem };
      return;
    }
    this._typed = {};
    this._step = 'edit';
    this._edit(this._base, { kind: 'copy', index: this.index, id });
  }

  private _onId(e: Event) {
    const id = (e.target as HTMLInputElement).value;
    const problem = caseIdProblem(this.pack.cases!, id, this.index);
    const { '/id': _old, ...rest } = this._typed;
    this._typed = problem ? { ...rest, '/id': problem } : rest;
    if (problem) this._request({ pointer: `${this._base}/id`, problem });
    else this._emit('/id', { ...this._case, id });
  }

  private _onDoc(e: Event) {
    const doc = (e.target as HTMLSelectElement).value;
    const { source: _old, ...rest } = this._case;
    const first = Object.keys(ownMember(this.pack.sources, doc)?.sections ?? {})[0] ?? '';
    this._emit('/source', doc ? { ...this._case, source: { doc, section: first } } : rest);
  }

  private _onSection(e: Event) {
    this._emit('/source', { ...this._case, source: { doc: this._case.source!.doc, section: (e.target as HTMLSelectElement).value } });
  }

  private _onChange(e: CustomEvent<CaseChange>) {
    e.stopPropagation();
    const { pointer, case: next, problem } = e.detail;
    this._request({ pointer, ...(problem !== undefined ? { problem } : {}), ...(next ? { edit: { kind: 'replace', index: this.index, case: next } } : {}) });
  }

  private _emit(path: string, next: PackCase) {
    this._request({ pointer: `${this._base}${path}`, edit: { kind: 'replace', index: this.index, case: next } });
  }

  private _edit(pointer: string, edit: CaseEdit) {
    this._request({ pointer, edit });
  }

  private _request(detail: CaseEditRequest) {
    this.dispatchEvent(new CustomEvent<CaseEditRequest>('case-edit', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-case-editor': QafCaseEditor;
  }
}
customElements.define('qaf-case-editor', QafCaseEditor);
