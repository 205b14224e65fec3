import { LitElement, css, html, nothing } from 'lit';
import type { Pack, PackCase } from '@openqaf/engine';
import { withFact, withFill, withJudgement } from '../pack/case-edits.js';
import { fillsOf } from '../pack/case-words.js';
import { assessmentFormModel, readFactValue } from '../pack/assessment-form-model.js';
import type { FactField } from '../pack/assessment-form-model.js';
import { pointerToken } from '../pack/json-pointer.js';
import { problemsAt } from '../pack/plain-errors.js';
import type { FieldProblem } from '../pack/plain-errors.js';
import { sharedStyles } from './shared-styles.js';
import type { CaseChange } from './qaf-expectation-editor.js';
import { ownMember } from '@openqaf/engine/browser';

/**
 * A case's assessment, edited without JSON: the visit date, the date it is judged as of, the
 * facts it records (choices from the scale or enum, yes/no, dates, numbers) and the criterion
 * judgements, grouped by domain, with the judgement that fills every criterion not set.
 * Fires `case-change`.
 */
export class QafCaseInputEditor extends LitElement {
  static override properties = {
    pack: { attribute: false },
    case: { attribute: false },
    base: {},
    readonly: { type: Boolean },
    problems: { attribute: false },
    _pendingFacts: { state: true },
    _typed: { state: true },
  };
  static override styles = [
    sharedStyles,
    css`h4 { margin: 1rem 0 0.3rem; font-size: 1rem; }
      .fact { padding: 0.3rem 0; border-bottom: 1px solid #eee; }
      .criterion { display: grid; grid-template-columns: 1fr 13rem; gap: 0.5rem; align-items: center; padding: 0.2rem 0; border-bottom: 1px solid #eee; }
      .criterion label { font-weight: 400; } .criterion select { width: 100%; } .set { font-weight: 700; }
      button.small { min-height: 2rem; padding: 0 0.5rem; }`,
  ];
  declare pack: Pack;
  declare case: PackCase;
  declare base: string;
  declare readonly: boolean;
  declare problems: FieldProblem[];
  declare private _pendingFacts: string[];
  /** Problems with what was typed, by pointer (kept out of the case until fixed). */
  declare private _typed: Record<string, string>;

  constructor() {
    super();
    this.readonly = false;
    this.problems = [];
    this._pendingFacts = [];
    this._typed = {};
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('base') && changed.get('base') !== undefined) {
      this._pendingFacts = [];
      this._typed = {};
    }
  }

  private _messages(path: string): string[] {
    const typed = this._typed[`${this.base}${path}`];
    return [...(typed ? [typed] : []), ...problemsAt(this.problems, `${this.base}${path}`).map((p) => p.message + (p.hint ? ` ${p.hint}` : ''))];
  }

  private _errors(path: string) {
    return this._messages(path).map((m) => html`<p class="field-error">${m}</p>`);
  }

  override render() {
    const c = this.case;
    const model = assessmentFormModel(this.pack);
    const recorded = [...Object.keys(c.input.facts ?? {}), ...this._pendingFacts.filter((n) => !(n in (c.input.facts ?? {})))];
    const unrecorded = model.facts.filter((f) => !recorded.includes(f.name));
    return html`
      <div class="row">
        <div><label for="date">Date of the visit</label>${this._errors('/input/date')}
          <input id="date" type="date" required .value=${c.input.date ?? ''} ?readonly=${this.readonly} aria-invalid=${this._messages('/input/date').length ? 'true' : 'false'}
            @change=${(e: Event) => this._date('/input/date', (e.target as HTMLInputElement).value, true)} /></div>
        <div><label for="as-of">Judged as of (optional)</label>${this._errors('/asOf')}
          <input id="as-of" type="date" .value=${c.asOf ?? ''} ?readonly=${this.readonly} @change=${(e: Event) => this._date('/asOf', (e.target as HTMLInputElement).value, false)} /></div>
      </div>

      <h4>Facts</h4>
      ${recorded.length === 0 ? html`<p class="muted">No facts recorded.</p>` : nothing}
      ${recorded.map((name) => this._fact(model.facts.find((f) => f.name === name) ?? { name, label: name, kind: 'text', required: false }))}
      ${this.readonly || unrecorded.length === 0 ? nothing : html`<div class="row"><div><label for="add-fact">Record another fact</label>
        <select id="add-fact">${unrecorded.map((f) => html`<option value=${f.name}>${f.label}</option>`)}</select></div>
        <button class="secondary" @click=${this._addFact}>Add<span class="visually-hidden"> the fact</span></button></div>`}

      ${this.pack.framework ? this._judgements(model) : nothing}`;
  }

  private _fact(f: FactField) {
    const c = this.case;
    const path = `/input/facts/${pointerToken(f.name)}`;
    const id = `fact-${f.name}`;
    const value = c.input.facts?.[f.name];
    const invalid = this._messages(path).length ? 'true' : 'false';
    const change = (e: Event) => this._factValue(f, (e.target as HTMLInputElement | HTMLSelectElement).value);
    let control;
    if (f.kind === 'choice' || f.kind === 'yes-no') {
      const options = f.kind === 'yes-no' ? [['yes', 'Yes'], ['no', 'No']] : f.choices!.map((x) => [x, x]);
      const current = value === undefined ? '' : f.kind === 'yes-no' ? (value ? 'yes' : 'no') : String(value);
      control = html`<select id=${id} aria-invalid=${invalid} ?disabled=${this.readonly} @change=${change}>
        ${value === undefined ? html`<option value="" selected>Choose…</option>` : nothing}
        ${options.map(([v, t]) => html`<option value=${v!} ?selected=${v === current}>${t}</option>`)}</select>`;
    } else {
      control = html`<input id=${id} aria-invalid=${invalid} type=${f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : 'text'} .value=${value === undefined ? '' : String(value)}
        min=${f.min ?? nothing} max=${f.max ?? nothing} step="any" ?readonly=${this.readonly} @change=${change} />`;
    }
    return html`<div class="fact"><label for=${id}>${f.label}${f.required ? ' (required)' : ''}</label>
      ${f.hint ? html`<span class="muted">${f.hint}</span>` : nothing}${this._errors(path)}
      <div class="row">${control}${this.readonly ? nothing : html`<button class="secondary small" @click=${() => this._removeFact(f.name)}>Remove<span class="visually-hidden">: ${f.label}</span></button>`}</div></div>`;
  }

  private _judgements(model: ReturnType<typeof assessmentFormModel>) {
    const c = this.case;
    const fills = fillsOf(c);
    const fw = this.pack.framework!;
    const scale = ownMember(this.pack.scales, fw.judgements.scale);
    const values = scale && 'values' in scale ? scale.values : [];
    const judged = c.input.judgements ?? {};
    return html`<h4>${model.labels.criterion} judgements</h4>
      ${this._errors('/fillJudgements')}
      <label for="fill-all">Judge every criterion not set below as</label>
      <select id="fill-all" ?disabled=${this.readonly} @change=${(e: Event) => this._fill('*', (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!fills['*']}>Nothing: set each criterion</option>
        ${values.map((v) => html`<option ?selected=${fills['*'] === v}>${v}</option>`)}</select>
      ${model.groups.map((g) => {
        const ids = g.standards.flatMap((s) => s.criteria.map((x) => x.id));
        const set = ids.filter((id) => id in judged).length;
        const fill = fills[g.id] ?? fills['*'];
        return html`<details><summary>${g.title} <span class="muted">(${set ? `${set} of ${ids.length} set in this case` : `all ${ids.length}: ${fill ?? 'not judged'}`}${fills[g.id] ? `; unset ones ${fills[g.id]}` : ''})</span></summary>
          <label for=${`fill-${g.id}`}>In ${g.title}, judge every criterion not set as</label>
          <select id=${`fill-${g.id}`} ?disabled=${this.readonly} @change=${(e: Event) => this._fill(g.id, (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!fills[g.id]}>As above${fills['*'] ? ` (${fills['*']})` : ''}</option>
            ${values.map((v) => html`<option ?selected=${fills[g.id] === v}>${v}</option>`)}</select>
          ${g.standards.map((s) => s.criteria.map((cr) => {
            const path = `/input/judgements/${pointerToken(cr.id)}`;
            return html`<div class="criterion"><label for=${`j-${cr.id}`} class=${cr.id in judged ? 'set' : ''}>${cr.id} ${cr.title}${cr.flags.map((f) => html`<span class="badge ${f}">${ownMember(fw.flags, f)?.label ?? f}</span>`)}</label>
              <select id=${`j-${cr.id}`} ?disabled=${this.readonly} aria-invalid=${this._messages(path).length ? 'true' : 'false'}
                @change=${(e: Event) => this._emit(path, withJudgement(c, cr.id, (e.target as HTMLSelectElement).value || undefined))}>
                <option value="" ?selected=${!(cr.id in judged)}>${fill ? `Not set (${fill})` : 'Not judged'}</option>
                ${cr.judgements.map((j) => html`<option ?selected=${judged[cr.id] === j}>${j}</option>`)}</select>
              ${this._errors(path)}</div>`;
          }))}
        </details>`;
      })}`;
  }

  private _date(path: string, value: string, required: boolean) {
    if (!value && required) return this._problem(path, 'Enter the date of the visit.');
    this._clear(path);
    if (path === '/input/date') this._emit(path, { ...this.case, input: { ...this.case.input, date: value } });
    else {
      const { asOf: _old, ...rest } = this.case;
      this._emit(path, value ? { ...this.case, asOf: value } : rest);
    }
  }

  private _fill(domain: string, value: string) {
    this._emit('/fillJudgements', withFill(this.case, domain, value || undefined));
  }

  private _factValue(f: FactField, raw: string) {
    const path = `/input/facts/${pointerToken(f.name)}`;
    const checked = readFactValue(f, raw);
    if (checked.problem) return this._problem(path, checked.problem);
    this._clear(path);
    this._pendingFacts = this._pendingFacts.filter((n) => n !== f.name);
    this._emit(path, withFact(this.case, f.name, checked.value));
  }

  private async _addFact() {
    const name = this.renderRoot.querySelector<HTMLSelectElement>('#add-fact')!.value;
    this._pendingFacts = [...this._pendingFacts, name];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#fact-${CSS.escape(name)}`)?.focus();
  }

  private _removeFact(name: string) {
    const path = `/input/facts/${pointerToken(name)}`;
    this._clear(path);
    this._pendingFacts = this._pendingFacts.filter((n) => n !== name);
    if (name in (this.case.input.facts ?? {})) this._emit(path, withFact(this.case, name, undefined));
    else this.dispatchEvent(new CustomEvent<CaseChange>('case-change', { detail: { pointer: `${this.base}${path}` }, bubbles: true, composed: true }));
  }

  private _clear(path: string) {
    const { [`${this.base}${path}`]: _gone, ...rest } = this._typed;
    this._typed = rest;
  }

  private _problem(path: string, problem: string) {
    this._typed = { ...this._typed, [`${this.base}${path}`]: problem };
    this.dispatchEvent(new CustomEvent<CaseChange>('case-change', { detail: { pointer: `${this.base}${path}`, problem }, bubbles: true, composed: true }));
  }

  private _emit(path: string, next: PackCase) {
    this.dispatchEvent(new CustomEvent<CaseChange>('case-change', { detail: { pointer: `${this.base}${path}`, case: next }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-case-input-editor': QafCaseInputEditor;
  }
}
customElements.define('qaf-case-input-editor', QafCaseInputEditor);
