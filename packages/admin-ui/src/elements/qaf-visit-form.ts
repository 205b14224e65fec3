import { LitElement, css, html, nothing } from 'lit';
import type { Determination, Pack } from '@openqaf/engine';
import { api } from '../api/api-client.js';
import { ApiError, errorText } from '../api/api-error.js';
import { addVisitEvidence, fileBase64, saveVisitDraft, submitVisit } from '../api/visits-api.js';
import type { Visit, VisitDraft, VisitEvidence } from '../api/visits-api.js';
import type { AssessmentFormModel, CriterionField, FactField } from '../pack/assessment-form-model.js';
import { readFactValue } from '../pack/assessment-form-model.js';
import {
  allCriteria,
  bestFirst,
  decisionFieldId,
  defaultFillValue,
  domainProgress,
  factAnswer,
  factControlValue,
  factFieldId,
  fillUnjudged,
  fillValues,
  judgementFieldId,
  judgementsKept,
  runningBandJudgements,
  visitProblems,
} from '../pack/visit-form-model.js';
import type { VisitProblem } from '../pack/visit-form-model.js';
import { longDate } from '../format/long-date.js';
import type { RecordDecisionDetail } from './qaf-proposals.js';
import { sharedStyles } from './shared-styles.js';
import './qaf-error-summary.js';
import './qaf-proposals.js';
import { headlineWords } from '../format/headline-words.js';
import { ownMember } from '@openqaf/engine/browser';

/** How long entry pauses before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 600;

/** Where the draft is: saved, changed and waiting to be saved, being saved, refused as changed elsewhere, or failed. */
type SaveState = 'saved' | 'pending' | 'saving' | 'conflict' | 'failed';

/**
 * The visit record form (issue 12): facts from the provider record to confirm or correct, the
 * judgements as one radio group per criterion grouped by domain (jump links, a running band per
 * domain), "fill the rest", evidence per criterion, and "check your answers" before submitting.
 * The draft is saved as the officer goes (If-Match; a conflict shows a banner with reload) and a
 * warning stops the page being left while a save is pending. The tick "the facts from the
 * provider record are right" is saved with the draft and cleared when one of those facts changes.
 * Fires `visit-changed` with the visit after submitting, `reload-visit` when the officer asks to
 * reload after a conflict, and `visit-date-change` with the new date (the page then gives the form
 * the framework version in force on it; judgements whose criteria it still has are kept).
 */
export class QafVisitForm extends LitElement {
  static override properties = {
    council: {},
    pack: { attribute: false },
    packVersion: { attribute: 'pack-version' },
    model: { attribute: false },
    visit: { attribute: false },
    providerName: { attribute: 'provider-name' },
    _draft: { state: true },
    _save: { state: true },
    _saveError: { state: true },
    _problems: { state: true },
    _step: { state: true },
    _confirmed: { state: true },
    _preview: { state: true },
    _evidence: { state: true },
    _evidenceErrors: { state: true },
    _submitting: { state: true },
    _formChanged: { state: true },
  };
  static override styles = [
    sharedStyles,
    css`
      .bar { position: sticky; top: 0; z-index: 1; background: #fff; border-bottom: 1px solid var(--qaf-line, #b1b4b6); padding: 0.3rem 0; }
      nav.jump a { margin-right: 0.8rem; display: inline-block; }
      section.domain > h2 { outline: none; }
      fieldset.criterion { border: 0; border-top: 1px solid var(--qaf-line, #b1b4b6); margin: 0; padding: 0.5rem 0; min-width: 0; }
      fieldset.criterion legend { font-weight: 600; padding: 0; max-width: 100%; white-space: normal; }
      fieldset.criterion.invalid { border-left: 5px solid var(--qaf-bad, #b10e1e); padding-left: 0.6rem; }
      .choices { display: flex; flex-wrap: wrap; gap: 0.2rem 1.2rem; margin: 0.3rem 0; }
      .choices label { font-weight: 400; display: inline-flex; gap: 0.35rem; align-items: center; min-height: 2rem; }
      .choices input { min-height: auto; width: 1.2rem; height: 1.2rem; margin: 0; }
      .evidence textarea { width: 100%; }
      dl.answers { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) auto; gap: 0.2rem 1rem; }
      dl.answers dt { font-weight: 600; } dl.answers dd { margin: 0; }
      .band { font-weight: 400; font-size: 1rem; }
      .checkbox { display: flex; gap: 0.5rem; align-items: center; font-weight: 600; }
      .checkbox input { min-height: auto; width: 1.3rem; height: 1.3rem; }
    `,
  ];
  declare council: string;
  declare pack: Pack;
  /** The published version the form is built from (the one in force on the visit date). */
  declare packVersion: string;
  declare model: AssessmentFormModel;
  declare visit: Visit;
  declare providerName: string;
  declare private _draft: VisitDraft;
  declare private _save: SaveState;
  declare private _saveError: string;
  declare private _problems: VisitProblem[];
  declare private _step: 'form' | 'check';
  declare private _confirmed: boolean;
  declare private _preview: { determination: Determination; finished: string[] } | undefined;
  declare private _evidence: VisitEvidence[];
  declare private _evidenceErrors: Record<string, string>;
  declare private _submitting: boolean;
  /** Told to the officer when the form was rebuilt for another framework version. */
  declare private _formChanged: string;
  private _etag = '';
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _saving: Promise<void> | undefined;
  private _previewTimer: ReturnType<typeof setTimeout> | undefined;
  private _previewAbort: AbortController | undefined;
  private _fill = '';

  constructor() {
    super();
    this._save = 'saved';
    this._saveError = '';
    this._problems = [];
    this._step = 'form';
    this._confirmed = false;
    this._evidence = [];
    this._evidenceErrors = {};
    this._submitting = false;
    this._formChanged = '';
  }

  /** A save is waiting or under way: leaving the page now would lose it. */
  get unsaved(): boolean {
    return this._save === 'pending' || this._save === 'saving';
  }

  private readonly _beforeUnload = (e: BeforeUnloadEvent) => {
    if (!this.unsaved) return;
    e.preventDefault();
    e.returnValue = '';
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('beforeunload', this._beforeUnload);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this._beforeUnload);
    // Leaving within the app: the pending save is sent now rather than dropped.
    if (this._save === 'pending') void this._flush();
    clearTimeout(this._previewTimer);
    this._previewAbort?.abort();
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('visit') && this.visit) {
      this._draft = structuredClone(this.visit.draft);
      this._draft.judgements ??= {};
      this._draft.facts ??= {};
      this._etag = this.visit.etag;
      this._evidence = this.visit.evidence;
      this._save = 'saved';
      this._confirmed = this.visit.factsConfirmed != null;
      this._fill = defaultFillValue(this.model) ?? '';
      this._schedulePreview();
    } else if (changed.has('model') && changed.get('model') && this._draft) {
      this._rebuilt();
    }
  }

  /**
   * The page gave the form the framework version in force on the new visit date: keep the
   * judgements whose criteria (and values) it still has, and tell the officer what changed.
   */
  private _rebuilt() {
    const { kept, dropped } = judgementsKept(this.model, this._draft.judgements ?? {});
    const kinds = this.model.labels.criterion.toLowerCase();
    this._formChanged = `The form has changed: the visit date falls under framework version ${this.packVersion}, so the form is now that version's.`
      + ` ${Object.keys(kept).length} judgement${Object.keys(kept).length === 1 ? '' : 's'} kept`
      + (dropped.length ? `; ${dropped.length} removed because their ${kinds} ${dropped.length === 1 ? 'is' : 'are'} not in this version.` : '.');
    this._fill = defaultFillValue(this.model) ?? '';
    if (dropped.length) {
      this._draft.judgements = kept;
      this._changed();
    } else {
      this._schedulePreview();
    }
  }

  /** The visit date changed: saved, and the page asked for the framework version in force on it. */
  private _dateChanged(date: string) {
    this._draft.date = date;
    this._changed();
    if (date) this.dispatchEvent(new CustomEvent<string>('visit-date-change', { detail: date, bubbles: true, composed: true }));
  }

  // ---- saving ----

  private _changed() {
    this._save = 'pending';
    this._problems = this._problems.length ? this._currentProblems() : [];
    clearTimeout(this._timer);
    this._timer = setTimeout(() => void this._flush(), AUTOSAVE_DELAY_MS);
    this._schedulePreview();
    this.requestUpdate();
  }

  /** Saves the draft now (after any save under way); resolves when what was entered is stored. */
  private async _flush(): Promise<void> {
    clearTimeout(this._timer);
    if (this._saving) await this._saving;
    if (this._save !== 'pending') return;
    const draft = { ...structuredClone(this._draft), ...(Object.keys(this.visit.prefilled).length ? { factsConfirmed: this._confirmed } : {}) };
    this._save = 'saving';
    this._saving = (async () => {
      try {
        const saved = await saveVisitDraft(this.council, this.visit.id, draft, this._etag);
        this._etag = saved.etag;
        // Entry made while saving stays pending and is saved next.
        if (this._save === 'saving') this._save = 'saved';
        this._saveError = '';
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) this._save = 'conflict';
        else this._save = 'failed';
        this._saveError = errorText(error);
      } finally {
        this._saving = undefined;
      }
    })();
    await this._saving;
    if ((this._save as SaveState) === 'pending') await this._flush();
  }

  // ---- running band and decisions awaiting a person ----

  private _schedulePreview() {
    clearTimeout(this._previewTimer);
    this._previewTimer = setTimeout(() => void this._runPreview(), AUTOSAVE_DELAY_MS);
  }

  private async _runPreview() {
    if (!this._draft?.date) return;
    this._previewAbort?.abort();
    const abort = new AbortController();
    this._previewAbort = abort;
    const probe = runningBandJudgements(this.model, this._draft.judgements ?? {}, this._fill || (defaultFillValue(this.model) ?? ''));
    try {
      const body = { ...this._draft, providerId: this.visit.providerId, judgements: probe.judgements };
      const r = await api.preview(this.council, body as never, abort.signal);
      this._preview = { determination: r.determination as Determination, finished: probe.finished };
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this._preview = undefined;
    }
  }

  private _band(domain: string): string | undefined {
    if (!this._preview?.finished.includes(domain)) return undefined;
    const perDomain = Object.entries(this.pack.decisions).filter(([, d]) => d.forEach === 'domain');
    const values = perDomain.map(([id]) => ownMember(this._preview!.determination.decisions, `${id}.${domain}`)).filter((v) => v !== undefined);
    return values.length ? values.map(String).join(', ') : undefined;
  }

  private _decisionLabel(id: string): string {
    return ownMember(this.pack.decisions, id.split('.')[0]!)?.label ?? id;
  }

  /** Changes the reason of a decision recorded in the draft, or (`undefined`) removes the decision so the proposal is made again. */
  private _editDecision(id: string, reason: string | undefined) {
    const { [id]: recorded, ...rest } = this._draft.decisions ?? {};
    if (!recorded) return;
    const { reason: _before, ...decided } = recorded;
    const kept = reason === undefined ? rest : { ...rest, [id]: reason ? { ...decided, reason } : decided };
    this._draft = { ...this._draft, decisions: kept } as VisitDraft;
    this._problems = this._problems.filter((p) => p.field !== decisionFieldId(id));
    this._changed();
  }

  private _recordDecision(d: RecordDecisionDetail) {
    this._draft = { ...this._draft, decisions: { ...this._draft.decisions, [d.decision]: { value: d.value, ...(d.reason ? { reason: d.reason } : {}) } } } as VisitDraft;
    this._changed();
  }

  // ---- entry ----

  private _judge(c: CriterionField, value: string) {
    this._draft.judgements = { ...this._draft.judgements, [c.id]: value };
    this._changed();
  }

  private _fact(f: FactField, raw: string) {
    const facts = { ...this._draft.facts };
    const read = raw === '' ? {} : readFactValue(f, raw);
    if (read.value === undefined) delete facts[f.name];
    else facts[f.name] = read.value;
    // A fact from the provider record changed: the officer confirms the facts again.
    if (f.name in this.visit.prefilled && facts[f.name] !== this._draft.facts?.[f.name]) this._confirmed = false;
    this._draft.facts = facts;
    this._changed();
  }

  private _fillRest() {
    this._draft.judgements = fillUnjudged(this.model, this._draft.judgements ?? {}, this._fill);
    this._changed();
  }

  private async _addText(target: string) {
    // Not a form of its own: it sits inside the visit form (forms do not nest).
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`#ev-${CSS.escape(target)}`)!;
    const text = area.value.trim();
    if (!text) {
      this._evidenceErrors = { ...this._evidenceErrors, [target]: 'Enter the evidence text' };
      return;
    }
    await this._addEvidence(target, { target, text });
    if (!this._evidenceErrors[target]) area.value = '';
  }

  private async _addFile(target: string, input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    await this._addEvidence(target, { target, file: { name: file.name, mediaType: file.type || 'application/octet-stream', base64: await fileBase64(file) } });
    input.value = '';
  }

  private async _addEvidence(target: string, body: Parameters<typeof addVisitEvidence>[2]) {
    const { [target]: _dropped, ...rest } = this._evidenceErrors;
    this._evidenceErrors = rest;
    try {
      const added = await addVisitEvidence(this.council, this.visit.id, body);
      this._evidence = [...this._evidence, added];
    } catch (error) {
      this._evidenceErrors = { ...this._evidenceErrors, [target]: `Not added: ${errorText(error)}` };
    }
  }

  // ---- check and submit ----

  private _currentProblems(): VisitProblem[] {
    return visitProblems(this.model, this._draft, this._confirmed || Object.keys(this.visit.prefilled).length === 0);
  }

  private async _continue(e: Event) {
    e.preventDefault();
    this._problems = this._currentProblems();
    if (this._problems.length) return;
    this._step = 'check';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2#check')?.focus();
  }

  private async _submit() {
    this._submitting = true;
    this._saveError = '';
    try {
      await this._flush();
      if (this._save !== 'saved') return;
      const submitted = await submitVisit(this.council, this.visit.id, this._etag);
      this.dispatchEvent(new CustomEvent<Visit>('visit-changed', { detail: submitted, bubbles: true, composed: true }));
    } catch (error) {
      this._problems = this._serverProblems(error);
      this._step = 'form';
    } finally {
      this._submitting = false;
    }
  }

  /** The server's refusal, each located problem tied to its control and named in the pack's words. */
  private _serverProblems(error: unknown): VisitProblem[] {
    if (!(error instanceof ApiError) || error.details.length === 0) return [{ field: 'date', message: `Not submitted: ${errorText(error)}` }];
    const criteria = new Map(allCriteria(this.model).map((c) => [c.id, c]));
    const facts = new Map(this.model.facts.map((f) => [f.name, f]));
    return error.details.map((d) => {
      const [, where, id] = (d.pointer ?? '').split('/');
      if (where === 'judgements' && id && criteria.has(id)) return { field: judgementFieldId(id), message: `Choose a judgement for "${criteria.get(id)!.title}"` };
      if (where === 'facts' && id && facts.has(id)) return { field: factFieldId(id), message: `${facts.get(id)!.label}: ${d.message.replaceAll(`"${id}"`, '').trim()}` };
      if (where === 'decisions' && id && ownMember(this._draft.decisions, id)) return { field: decisionFieldId(id), message: `${this._decisionLabel(id)}: ${d.message}` };
      return { field: 'date', message: d.message };
    });
  }

  // ---- rendering ----

  override render() {
    if (!this._draft) return nothing;
    return html`
      <div class="bar" aria-live="polite">${this._saveStatus()}</div>
      ${this._save === 'conflict' ? html`<div class="notice bad" role="alert">
        <p><strong>This visit record was saved elsewhere</strong> (another device or person) since you opened it. ${this._saveError}</p>
        <p><button type="button" @click=${() => this.dispatchEvent(new CustomEvent('reload-visit', { bubbles: true, composed: true }))}>Reload the visit record</button></p></div>` : nothing}
      <qaf-error-summary .errors=${this._problems}></qaf-error-summary>
      ${this._step === 'check' ? this._checkAnswers() : this._form()}`;
  }

  private _saveStatus() {
    switch (this._save) {
      case 'saved': return html`<span class="muted">All changes saved.</span>`;
      case 'pending': return html`<span class="muted">Changes not yet saved…</span>`;
      case 'saving': return html`<span class="muted">Saving…</span>`;
      case 'conflict': return html`<strong class="bad">Not saved: changed elsewhere.</strong>`;
      case 'failed': return html`<strong class="bad">Not saved: ${this._saveError}</strong> <button type="button" class="secondary" @click=${() => { this._save = 'pending'; void this._flush(); }}>Try again</button>`;
    }
  }

  private _error(field: string) {
    const p = this._problems.find((x) => x.field === field);
    return p ? html`<p class="field-error" id=${`${field}-error`}>${p.message}</p>` : nothing;
  }

  private _form() {
    const m = this.model;
    const prefilled = m.facts.filter((f) => f.name in this.visit.prefilled);
    const main = m.facts.filter((f) => f.name in this.visit.prefilled || f.required);
    const more = m.facts.filter((f) => !main.includes(f));
    return html`<form novalidate @submit=${this._continue}>
      <p><label for="date">Date of the visit</label>${this._error('date')}
        <input id="date" type="date" .value=${this._draft.date ?? ''} @change=${(e: Event) => this._dateChanged((e.target as HTMLInputElement).value)} /></p>
      ${this._formChanged ? html`<p class="notice" role="status" id="form-changed">${this._formChanged}</p>` : nothing}
      <h2>Facts</h2>
      ${prefilled.length ? html`<p>Filled from the provider record: check them and correct any that are wrong.</p>` : nothing}
      ${main.map((f) => this._factControl(f))}
      ${prefilled.length ? html`${this._error('confirm-prefilled')}<label class="checkbox"><input id="confirm-prefilled" type="checkbox" .checked=${this._confirmed}
        @change=${(e: Event) => { this._confirmed = (e.target as HTMLInputElement).checked; this._changed(); }} />The facts from the provider record are right</label>` : nothing}
      ${more.length ? html`<details><summary>More facts (${more.length}, optional)</summary>${more.map((f) => this._factControl(f))}</details>` : nothing}
      ${m.groups.length ? this._judgements() : nothing}
      <h2>Note</h2>
      <label for="note">Note (optional)</label>
      <textarea id="note" rows="3" cols="50" .value=${this._draft.note ?? ''} @input=${(e: Event) => { const v = (e.target as HTMLTextAreaElement).value; if (v) this._draft.note = v; else delete this._draft.note; this._changed(); }}></textarea>
      ${this._recordedDecisions()}
      ${this._tasks(true)}
      <p><button id="continue" type="submit">Continue to check your answers</button></p>
    </form>`;
  }

  private _factControl(f: FactField) {
    const id = factFieldId(f.name);
    const value = factControlValue(f, this._draft.facts?.[f.name]);
    const from = f.name in this.visit.prefilled ? html` <span class="muted">(from the provider record${this.visit.prefilled[f.name] !== this._draft.facts?.[f.name] ? `: ${String(this.visit.prefilled[f.name])}` : ''})</span>` : nothing;
    const label = html`<label for=${id}>${f.label}${f.required ? '' : ' (optional)'}${from}</label>${f.hint ? html`<span class="muted" id=${`${id}-hint`}>${f.hint}</span>` : nothing}${this._error(id)}`;
    const change = (e: Event) => this._fact(f, (e.target as HTMLInputElement).value);
    const invalid = this._problems.some((p) => p.field === id) ? 'true' : 'false';
    if (f.kind === 'choice' || f.kind === 'yes-no') {
      const options = f.kind === 'yes-no' ? [['yes', 'Yes'], ['no', 'No']] : f.choices!.map((c) => [c, c]);
      return html`<p>${label}<select id=${id} aria-invalid=${invalid} aria-describedby=${f.hint ? `${id}-hint` : nothing} @change=${change}>
        <option value="" ?selected=${value === ''}>Not recorded</option>${options.map(([v, t]) => html`<option value=${v!} ?selected=${v === value}>${t}</option>`)}</select></p>`;
    }
    return html`<p>${label}<input id=${id} aria-invalid=${invalid} aria-describedby=${f.hint ? `${id}-hint` : nothing} .value=${value} @change=${change}
      type=${f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : 'text'} min=${f.min ?? nothing} max=${f.max ?? nothing} /></p>`;
  }

  private _judgements() {
    const m = this.model;
    const values = fillValues(m);
    const judgements = this._draft.judgements ?? {};
    const left = allCriteria(m).filter((c) => !judgements[c.id]).length;
    return html`<h2>${m.labels.criterion} judgements</h2>
      <nav class="jump" aria-label=${`Jump to a ${m.labels.domain.toLowerCase()}`}>${m.groups.map((g) => html`<a href=${`#d-${g.id}`} @click=${(e: Event) => this._jump(e, g.id)}>${g.title}</a>`)}</nav>
      <div class="row"><div><label for="fill">Judge every ${m.labels.criterion.toLowerCase()} not yet judged (${left} left) as</label>
        <select id="fill" @change=${(e: Event) => { this._fill = (e.target as HTMLSelectElement).value; }}>${values.map((v) => html`<option ?selected=${v === this._fill}>${v}</option>`)}</select></div>
        <button id="fill-rest" type="button" class="secondary" @click=${this._fillRest}>Fill the rest</button></div>
      ${m.groups.map((g) => {
        const progress = domainProgress(g, judgements);
        const band = this._band(g.id);
        return html`<section class="domain" aria-labelledby=${`d-${g.id}`}>
          <h2 id=${`d-${g.id}`} tabindex="-1">${g.title} <span class="band">— ${band ? html`band <strong>${band}</strong>` : html`${progress.judged} of ${progress.total} judged`}</span></h2>
          ${g.standards.map((s) => html`<h3>${s.title}</h3>${s.criteria.map((c) => this._criterion(c))}`)}
        </section>`;
      })}`;
  }

  private _jump(e: Event, domain: string) {
    e.preventDefault();
    const heading = this.renderRoot.querySelector<HTMLElement>(`#d-${domain}`);
    heading?.focus();
    heading?.scrollIntoView({ block: 'start' });
  }

  private _criterion(c: CriterionField) {
    const id = judgementFieldId(c.id);
    const current = this._draft.judgements?.[c.id];
    const evidence = this._evidence.filter((e) => e.target === c.id);
    const invalid = this._problems.some((p) => p.field === id);
    return html`<fieldset class=${invalid ? 'criterion invalid' : 'criterion'}>
      <legend>${c.title}${c.flags.map((f) => html`<span class="badge ${f}">${ownMember(this.pack.framework?.flags, f)?.label ?? f}</span>`)}</legend>
      ${this._error(id)}
      <div class="choices">${bestFirst(c).map((v, i) => html`<label><input type="radio" name=${`j:${c.id}`} id=${i === 0 ? id : `${id}-${i}`} .value=${v}
        .checked=${current === v} @change=${() => this._judge(c, v)} />${v}</label>`)}</div>
      <details class="evidence"><summary>Evidence for this ${this.model.labels.criterion.toLowerCase()} (${evidence.length})</summary>
        ${evidence.length ? html`<ul>${evidence.map((e) => html`<li>${e.kind === 'text' ? e.text : html`${e.file!.name} (${Math.ceil(e.file!.size / 1024)} kB)`}</li>`)}</ul>` : nothing}
        ${this._evidenceErrors[c.id] ? html`<p class="field-error" role="alert">${this._evidenceErrors[c.id]}</p>` : nothing}
        <div class="evidence">
          <label for=${`ev-${c.id}`}>Evidence text</label><textarea id=${`ev-${c.id}`} rows="2"></textarea>
          <div class="row"><button type="button" class="secondary" @click=${() => void this._addText(c.id)}>Add the text</button>
          <div><label for=${`evf-${c.id}`}>Or add a file (PDF, image or office document, at most 4 MB)</label>
            <input id=${`evf-${c.id}`} type="file" @change=${(e: Event) => void this._addFile(c.id, e.target as HTMLInputElement)} /></div></div>
        </div>
      </details>
    </fieldset>`;
  }

  /** The decisions recorded in the draft, each with its reason to correct (where the server's refusal of it is shown) or to decide again. */
  private _recordedDecisions() {
    const recorded = Object.entries(this._draft.decisions ?? {});
    if (!recorded.length) return nothing;
    return html`<h2>Decisions recorded in this draft</h2>
      ${recorded.map(([id, r]) => {
        const field = decisionFieldId(id);
        const invalid = this._problems.some((p) => p.field === field);
        return html`<p><strong>${this._decisionLabel(id)}</strong>: ${String(r.value)}
          <button type="button" class="secondary" @click=${() => this._editDecision(id, undefined)}>Decide again</button></p>
          <p><label for=${field}>Reason for the decision</label>${this._error(field)}
          <textarea id=${field} rows="2" .value=${r.reason ?? ''} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? `${field}-error` : nothing}
            @change=${(e: Event) => this._editDecision(id, (e.target as HTMLTextAreaElement).value.trim())}></textarea></p>`;
      })}`;
  }

  /** Decisions the pack leaves to a person, as tasks: the proposal, who decides, by when. */
  private _tasks(canRecord: boolean) {
    const d = this._preview?.determination;
    if (!d?.proposals?.length || this._preview!.finished.length !== this.model.groups.length) return nothing;
    return html`<h2>Decisions for a person</h2>
      <qaf-proposals .pack=${this.pack} .determination=${d} ?can-record=${canRecord} @record-decision=${(e: CustomEvent<RecordDecisionDetail>) => this._recordDecision(e.detail)}></qaf-proposals>`;
  }

  private _checkAnswers() {
    const m = this.model;
    const change = (field: string) => html`<a href=${`#${field}`} @click=${(e: Event) => this._change(e, field)}>Change</a>`;
    const d = this._preview?.determination;
    const complete = this._preview?.finished.length === m.groups.length;
    return html`<h2 id="check" tabindex="-1">Check your answers before submitting</h2>
      <p>Visit to ${this.providerName} on ${this._draft.date ? longDate(this._draft.date) : '—'}.</p>
      ${complete && d ? html`<p class="notice">${ownMember(this.pack.decisions, d.headline.decision)?.label ?? 'Headline'}: <strong>${headlineWords(d.headline.value)}</strong>${d.headline.pending ? ' (awaiting a decision)' : ''}. It is final only once signed off by a second person.</p>` : nothing}
      <p class="row"><button id="submit" type="button" ?disabled=${this._submitting} @click=${this._submit}>${this._submitting ? 'Submitting…' : 'Submit the visit record for sign-off'}</button>
        <button type="button" class="secondary" @click=${() => { this._step = 'form'; }}>Back to the form</button></p>
      <h3>Facts</h3>
      <dl class="answers">${m.facts.filter((f) => this._draft.facts?.[f.name] !== undefined || f.required).map((f) => html`<dt>${f.label}</dt><dd>${factAnswer(f, this._draft.facts?.[f.name])}</dd><dd>${change(factFieldId(f.name))}</dd>`)}</dl>
      ${m.groups.map((g) => html`<h3>${g.title}${this._band(g.id) ? html` — band ${this._band(g.id)}` : nothing}</h3>
        <dl class="answers">${g.standards.flatMap((s) => s.criteria).map((c) => html`<dt>${c.title}</dt><dd>${this._draft.judgements?.[c.id] ?? 'Not judged'}${this._evidence.some((e) => e.target === c.id) ? html` <span class="muted">(${this._evidence.filter((e) => e.target === c.id).length} evidence)</span>` : nothing}</dd><dd>${change(judgementFieldId(c.id))}</dd>`)}</dl>`)}
      ${this._draft.note ? html`<h3>Note</h3><p>${this._draft.note}</p>` : nothing}
      ${this._tasks(false)}`;
  }

  private async _change(e: Event, field: string) {
    e.preventDefault();
    this._step = 'form';
    await this.updateComplete;
    const el = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(field)}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-visit-form': QafVisitForm;
  }
}
customElements.define('qaf-visit-form', QafVisitForm);
