import { LitElement, css, html, nothing } from 'lit';
import { counted } from '../format/count-words.js';
import { api } from '../api/api-client.js';
import { DraftController } from '../controllers/draft-controller.js';
import { editableFields } from '../pack/editable-fields.js';
import { declaresParameters } from '../pack/parameter-fields.js';
import type { EditableField, FieldGroup } from '../pack/editable-fields.js';
import { withValueAt } from '../pack/json-pointer.js';
import { pointerWords, problemsAt } from '../pack/plain-errors.js';
import { draftMessage } from './draft-message.js';
import { sharedStyles } from './shared-styles.js';
import type { FieldChange } from './qaf-field-editor.js';
import './qaf-field-editor.js';
import './qaf-status.js';
import './qaf-criteria-upload.js';

const GROUPS: { id: FieldGroup; title: string; hint: string }[] = [
  { id: 'parameters', title: 'Parameters', hint: 'The numbers the framework declares a quality lead may change, each with its bounds and where the council\'s document sets it.' },
  { id: 'thresholds', title: 'Thresholds', hint: 'The numbers in the band rules: how many criteria, how many domains.' },
  { id: 'mappings', title: 'Mappings', hint: 'How one scale maps to another (e.g. CQC rating to quality rating).' },
  { id: 'visits', title: 'Visit intervals', hint: 'How often each visit or return happens.' },
  { id: 'actions', title: 'Action due times', hint: 'How long each action has.' },
  { id: 'criteria', title: 'Criterion titles', hint: 'The wording of each criterion.' },
];

/**
 * Structured editing of the draft's common changes, grouped and searchable, each field checked
 * as it is typed and the whole pack validated by the engine; save sends the draft with If-Match.
 */
export class QafDraftEditor extends LitElement {
  static override properties = { council: {}, canEdit: { type: Boolean, attribute: 'can-edit' }, _filter: { state: true }, _typedProblems: { state: true } };
  static override styles = [sharedStyles, css`.bar { position: sticky; top: 0; background: #fff; z-index: 1; padding: 0.5rem 0; border-bottom: 2px solid #0b0c0c; } h3 { font-size: 1rem; margin: 1rem 0 0.2rem; }`];
  declare council: string;
  declare canEdit: boolean;
  declare private _filter: string;
  declare private _typedProblems: Set<string>;
  private readonly _draft = new DraftController(this, api);

  constructor() {
    super();
    this.canEdit = false;
    this._filter = '';
    this._typedProblems = new Set();
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('council') && this.council) void this._draft.load(this.council);
  }

  override render() {
    const d = this._draft;
    if (d.state === 'loading') return html`<qaf-status kind="loading" message="Loading the draft…"></qaf-status>`;
    if (d.state === 'error') return html`<qaf-status kind="error" message=${d.error}></qaf-status>`;
    const fields = editableFields(d.pack!);
    const q = this._filter.toLowerCase();
    const shown = q ? fields.filter((f) => `${f.section} ${f.label} ${f.context ?? ''} ${f.value}`.toLowerCase().includes(q)) : fields;
    const placed = new Set(fields.map((f) => f.pointer));
    const elsewhere = d.problems.filter((p) => ![...placed].some((ptr) => problemsAt([p], ptr).length > 0));
    return html`
      ${draftMessage(d)}
      ${this.canEdit ? nothing : html`<p class="notice">You can read the draft. Only the council's admins can change it.</p>`}
      <div class="bar row">
        <div><label for="filter">Find a value</label><input id="filter" type="search" placeholder="e.g. Safeguarding, Silver, visit" .value=${this._filter} @input=${(e: Event) => (this._filter = (e.target as HTMLInputElement).value)} /></div>
        ${this.canEdit ? html`<button ?disabled=${!d.dirty || d.saving || this._typedProblems.size > 0} @click=${() => d.save()}>${d.saving ? 'Saving…' : 'Save draft'}</button>` : nothing}
        <span class="muted" role="status">${d.dirty ? 'Unsaved changes' : `Revision ${d.revision}`}${!d.checked ? ' · checking…' : d.problems.length ? html` · <span class="bad">${counted(d.problems.length, 'problem')} in the pack</span>` : ' · valid'}</span>
      </div>
      ${this._typedProblems.size > 0 ? html`<p class="notice bad" role="alert">Fix the highlighted ${this._typedProblems.size === 1 ? 'field' : 'fields'} before saving.</p>` : nothing}
      ${elsewhere.length ? html`<div class="notice bad"><strong>Problems outside these fields</strong> (fix them in the JSON editor):
        <ul>${elsewhere.slice(0, 20).map((p) => html`<li>${pointerWords(p.pointer)}: ${p.message}</li>`)}</ul></div>` : nothing}
      ${declaresParameters(d.pack!) ? nothing : html`<p class="notice" data-fallback>This pack declares no parameters yet, so the numbers below are found from its rules' shapes and names: only counts of criteria have known bounds. Declare the pack's parameters to edit exactly those, with their bounds.</p>`}
      ${this.canEdit ? html`<qaf-criteria-upload council=${this.council} .etag=${d.etag} ?disabled=${d.dirty}
        @criteria-loaded=${() => d.load(this.council)}></qaf-criteria-upload>` : nothing}
      <div @field-change=${this._onChange}>
        ${GROUPS.map((g) => this._group(g, shown.filter((f) => f.group === g.id)))}
      </div>`;
  }

  private _group(g: (typeof GROUPS)[number], fields: EditableField[]) {
    if (fields.length === 0) return nothing;
    const sections = [...new Set(fields.map((f) => f.section))];
    return html`<details ?open=${g.id !== 'criteria' || this._filter !== ''}>
      <summary><h2 style="display:inline">${g.title}</h2> <span class="muted">(${fields.length})</span></summary>
      <p class="muted">${g.hint}</p>
      ${sections.map((s) => html`<h3>${s}</h3>${fields.filter((f) => f.section === s).map((f) => html`<qaf-field-editor .field=${f} .pack=${this._draft.pack}
        .problems=${problemsAt(this._draft.problems, f.pointer)} ?readonly=${!this.canEdit}></qaf-field-editor>`)}`)}
    </details>`;
  }

  private _onChange(e: CustomEvent<FieldChange>) {
    const { pointer, value, problem } = e.detail;
    const typed = new Set(this._typedProblems);
    if (problem) typed.add(pointer);
    else typed.delete(pointer);
    this._typedProblems = typed;
    if (value !== undefined && this._draft.content) this._draft.update(withValueAt(this._draft.content, pointer, value));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-draft-editor': QafDraftEditor;
  }
}
customElements.define('qaf-draft-editor', QafDraftEditor);
