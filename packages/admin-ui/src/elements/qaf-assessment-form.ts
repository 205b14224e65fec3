import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { api } from '../api/api-client.js';
import { ApiError, errorText } from '../api/api-error.js';
import type { AssessmentBody } from '../api/api-types.js';
import type { Pack } from '@openqaf/engine';
import { assessmentFormModel, factsFromForm } from '../pack/assessment-form-model.js';
import type { AssessmentFormModel, FactField } from '../pack/assessment-form-model.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-determination-view.js';
import { ownMember } from '@openqaf/engine/browser';

/** How long entry pauses before the live preview is re-evaluated. */
export const PREVIEW_DELAY_MS = 400;

/**
 * A new assessment, its form generated from the pack (criterion judgements grouped by domain
 * and standard, then the pack's input facts), with a live preview of the determination as
 * judgements are entered. Submitting stores it and opens the determination.
 */
export class QafAssessmentForm extends LitElement {
  static override properties = { council: {}, provider: {}, _body: { state: true }, _error: { state: true }, _busy: { state: true } };
  static override styles = [
    sharedStyles,
    css`.layout { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
      @media (max-width: 900px) { .layout { grid-template-columns: minmax(0, 1fr); } }
      .preview { position: sticky; top: 0.5rem; border: 2px solid #0b0c0c; padding: 0 1rem 1rem; max-height: 95vh; overflow: auto; }
      fieldset { border: 1px solid var(--qaf-line, #b1b4b6); margin: 0.5rem 0; } legend { font-weight: 700; }
      .criterion { display: grid; grid-template-columns: minmax(0, 1fr) 11rem; gap: 0.5rem; align-items: center; padding: 0.25rem 0; border-bottom: 1px solid #eee; }
      .criterion label { font-weight: 400; } select { width: 100%; }
      /* Phones: each criterion's wording above its choice. */
      @media (max-width: 40rem) { .criterion { grid-template-columns: minmax(0, 1fr); } }`,
  ];
  declare council: string;
  declare provider: string;
  declare private _body: AssessmentBody | undefined;
  declare private _error: string;
  declare private _busy: boolean;
  private _judgements: Record<string, string> = {};
  private _facts: Record<string, string> = {};
  private _timer: ReturnType<typeof setTimeout> | undefined;

  private _setup = new Task(this, {
    task: async ([c, id], { signal }) => {
      // The form is built from the version in force today, not the latest published (one may be scheduled for later).
      const [published, provider] = await Promise.all([api.packInForce(c, undefined, signal), api.provider(c, id, signal)]);
      const pack = published.pack as unknown as Pack;
      return { pack, model: assessmentFormModel(pack), provider };
    },
    args: () => [this.council, this.provider] as const,
  });

  /** Packs by version, for explaining previews decided under a version other than the one the form was built from. */
  private _versions = new Map<string, Pack>();

  private _preview = new Task(this, {
    task: async ([c, body], { signal }) => {
      if (!body) return undefined;
      const r = await api.preview(c, body, signal);
      // The visit's date decides the version in force, which need not be the latest published (one may be scheduled).
      const version = r.determination.pack.version;
      let pack = this._versions.get(version);
      if (!pack) {
        pack = (await api.version(c, version, signal)).pack;
        this._versions.set(version, pack);
      }
      return { ...r, pack };
    },
    args: () => [this.council, this._body] as const,
  });

  constructor() {
    super();
    this._error = '';
    this._busy = false;
  }

  override render() {
    return renderTask(this._setup, ({ pack, model, provider }) => html`
      <h1>New assessment: ${provider.name}</h1>
      <div class="layout">
        <form @input=${() => this._changed(model)} @change=${() => this._changed(model)} @submit=${(e: SubmitEvent) => this._submit(e, model)}>
          <div class="row"><div><label for="date">Date of this visit</label><input id="date" name="date" type="date" required .value=${new Date().toISOString().slice(0, 10)} /></div></div>
          ${model.groups.length ? html`<h2>${model.labels.criterion} judgements</h2>
            <div class="row"><div><label for="fill">Judge every criterion not yet judged as</label><select id="fill">${model.groups[0]?.standards[0]?.criteria[0]?.judgements.map((j) => html`<option>${j}</option>`)}</select></div>
              <button type="button" class="secondary" @click=${() => this._fill(model)}>Fill the rest</button></div>
            ${model.groups.map((g) => html`<details open><summary>${g.title}</summary>${g.standards.map((s) => html`<fieldset><legend>${s.title}</legend>
              ${s.criteria.map((c) => html`<div class="criterion"><label for=${`j-${c.id}`}>${c.title}${c.flags.map((f) => html`<span class="badge ${f}">${ownMember(pack.framework?.flags, f)?.label ?? f}</span>`)}</label>
                <select id=${`j-${c.id}`} name=${`j:${c.id}`}><option value="">Not judged</option>${c.judgements.map((j) => html`<option>${j}</option>`)}</select></div>`)}
            </fieldset>`)}</details>`)}` : nothing}
          <h2>Facts</h2>
          ${model.facts.map((f) => this._factControl(f))}
          <label for="note">Note (optional)</label><textarea id="note" name="note" rows="3" cols="50"></textarea>
          ${this._error ? html`<p class="notice bad" role="alert">${this._error}</p>` : nothing}
          <p><button ?disabled=${this._busy}>${this._busy ? 'Saving…' : 'Submit the assessment'}</button></p>
        </form>
        <section class="preview" aria-live="polite" aria-label="Live preview">
          <h2>Preview</h2>
          ${this._body ? renderTask(this._preview, (r) => (r ? html`<qaf-determination-view .pack=${r.pack} .determination=${r.determination}></qaf-determination-view>` : nothing), 'Working it out…')
            : html`<p class="muted">Enter judgements to see the determination.</p>`}
        </section>
      </div>`, 'Loading the form…');
  }

  private _factControl(f: FactField) {
    const id = `f-${f.name}`;
    const label = html`<label for=${id}>${f.label}${f.required ? ' (required)' : ''}</label>${f.hint ? html`<span class="muted" id=${`${id}-hint`}>${f.hint}</span><br />` : nothing}`;
    const name = `f:${f.name}`;
    if (f.kind === 'choice' || f.kind === 'yes-no') {
      const options = f.kind === 'yes-no' ? [['yes', 'Yes'], ['no', 'No']] : f.choices!.map((c) => [c, c]);
      return html`<p>${label}<select id=${id} name=${name} aria-describedby=${f.hint ? `${id}-hint` : nothing}><option value="">Not recorded</option>${options.map(([v, t]) => html`<option value=${v!}>${t}</option>`)}</select></p>`;
    }
    return html`<p>${label}<input id=${id} name=${name} aria-describedby=${f.hint ? `${id}-hint` : nothing} type=${f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : 'text'} min=${f.min ?? nothing} max=${f.max ?? nothing} /></p>`;
  }

  private _read(model: AssessmentFormModel): AssessmentBody {
    const form = this.renderRoot.querySelector('form')!;
    const data = new FormData(form);
    this._judgements = {};
    this._facts = {};
    for (const [k, v] of data) {
      if (k.startsWith('j:') && v) this._judgements[k.slice(2)] = String(v);
      if (k.startsWith('f:')) this._facts[k.slice(2)] = String(v);
    }
    const note = String(data.get('note') ?? '');
    return { providerId: this.provider, date: String(data.get('date')), judgements: this._judgements, facts: factsFromForm(model, this._facts), ...(note ? { note } : {}) };
  }

  private _changed(model: AssessmentFormModel) {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => (this._body = this._read(model)), PREVIEW_DELAY_MS);
  }

  private _fill(model: AssessmentFormModel) {
    const value = this.renderRoot.querySelector<HTMLSelectElement>('#fill')!.value;
    for (const s of this.renderRoot.querySelectorAll<HTMLSelectElement>('select[name^="j:"]')) if (!s.value && [...s.options].some((o) => o.value === value)) s.value = value;
    this._changed(model);
  }

  private async _submit(e: SubmitEvent, model: AssessmentFormModel) {
    e.preventDefault();
    this._busy = true;
    this._error = '';
    try {
      const stored = await api.submitAssessment(this.council, this._read(model));
      location.hash = href({ page: 'determination', council: this.council, assessment: stored.id });
    } catch (error) {
      const details = error instanceof ApiError ? error.details.slice(0, 5).map((d) => d.message).join(' ') : '';
      this._error = `Not saved: ${errorText(error)} ${details}`;
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-assessment-form': QafAssessmentForm;
  }
}
customElements.define('qaf-assessment-form', QafAssessmentForm);
