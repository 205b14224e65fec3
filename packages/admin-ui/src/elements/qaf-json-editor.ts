import { json } from '@codemirror/lang-json';
import { counted } from '../format/count-words.js';
import { linter, lintGutter } from '@codemirror/lint';
import type { Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, basicSetup } from 'codemirror';
import { LitElement, css, html, nothing } from 'lit';
import { api } from '../api/api-client.js';
import { DraftController } from '../controllers/draft-controller.js';
import { packDiagnostics } from '../pack/pack-diagnostics.js';
import type { TextDiagnostic } from '../pack/pack-diagnostics.js';
import { pointerWords } from '../pack/plain-errors.js';
import { sharedStyles } from './shared-styles.js';
import './qaf-status.js';

/**
 * The whole draft as JSON in CodeMirror 6, validated by the engine as you type: each problem
 * is underlined at its value and listed below in plain words with a link to it. Typed text not
 * yet saved counts as unsaved changes: closing the tab or going to another page asks first.
 */
export class QafJsonEditor extends LitElement {
  static override properties = { council: {}, canEdit: { type: Boolean, attribute: 'can-edit' }, _problems: { state: true }, _parseError: { state: true } };
  static override styles = [sharedStyles, css`.cm { border: 2px solid #0b0c0c; height: 60vh; } .cm .cm-editor { height: 100%; } li button { min-height: 0; padding: 0 0.4rem; margin-left: 0.3rem; }`];
  declare council: string;
  declare canEdit: boolean;
  declare private _problems: TextDiagnostic[];
  private readonly _draft = new DraftController(this, api);
  private _view: EditorView | undefined;

  constructor() {
    super();
    this.canEdit = false;
    this._problems = [];
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('council') && this.council) void this._draft.load(this.council);
  }

  override updated() {
    const host = this.renderRoot.querySelector<HTMLElement>('.cm');
    if (!host || this._view) return;
    this._view = new EditorView({
      parent: host,
      root: this.renderRoot as ShadowRoot,
      state: EditorState.create({
        doc: JSON.stringify(this._draft.content, null, 2),
        extensions: [
          basicSetup,
          json(),
          lintGutter(),
          linter((view) => this._lint(view), { delay: 400 }),
          EditorState.readOnly.of(!this.canEdit),
          EditorView.contentAttributes.of({ 'aria-label': 'The draft pack as JSON' }),
          // Typed text is an unsaved change at once (not only once saved): leaving the page asks first.
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || this._draft.dirty) return;
            this._draft.dirty = true;
            this.requestUpdate();
          }),
        ],
      }),
    });
    // The scrolling area is reachable by keyboard too (axe: scrollable-region-focusable).
    this._view.scrollDOM.tabIndex = 0;
    this._view.scrollDOM.setAttribute('aria-label', 'The draft pack as JSON, scrollable');
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._view?.destroy();
    this._view = undefined;
  }

  private _lint(view: EditorView): Diagnostic[] {
    this._problems = packDiagnostics(view.state.doc.toString());
    return this._problems.map((p) => ({ from: p.from, to: p.to, severity: 'error', message: p.message }));
  }

  override render() {
    const d = this._draft;
    if (d.state === 'loading') return html`<qaf-status kind="loading" message="Loading the draft…"></qaf-status>`;
    if (d.state === 'error') return html`<qaf-status kind="error" message=${d.error}></qaf-status>`;
    return html`
      ${this.canEdit ? nothing : html`<p class="notice">Read only: only the council's admins can change the draft.</p>`}
      <div class="row">
        ${this.canEdit ? html`<button @click=${this._save} ?disabled=${d.saving}>${d.saving ? 'Saving…' : 'Save draft'}</button>` : nothing}
        ${d.dirty ? html`<strong class="bad">Unsaved changes</strong>` : nothing}
        <span role="status" class=${this._problems.length ? 'bad' : 'good'}>${this._problems.length ? counted(this._problems.length, 'problem') : 'No problems found'}</span>
      </div>
      ${d.message ? html`<p class="notice ${d.message.kind}" role="status">${d.message.text}</p>` : nothing}
      <div class="cm"></div>
      ${this._problems.length ? html`<h2>Problems</h2><ul>${this._problems.slice(0, 50).map((p) => html`<li>${pointerWords(p.pointer)}: ${p.message}
        <button class="secondary" @click=${() => this._goTo(p)}>Show</button></li>`)}</ul>` : nothing}`;
  }

  private _goTo(p: TextDiagnostic) {
    this._view?.dispatch({ selection: { anchor: p.from, head: p.to }, scrollIntoView: true });
    this._view?.focus();
  }

  private async _save() {
    const text = this._view?.state.doc.toString() ?? '';
    let content: Record<string, unknown>;
    try {
      content = JSON.parse(text) as Record<string, unknown>;
    } catch {
      this._draft.message = { kind: 'bad', text: 'The text is not valid JSON yet, so it cannot be saved. See the problems below.' };
      this.requestUpdate();
      return;
    }
    this._draft.update(content);
    await this._draft.save();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-json-editor': QafJsonEditor;
  }
}
customElements.define('qaf-json-editor', QafJsonEditor);
