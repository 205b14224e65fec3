import { LitElement, css, html, nothing } from 'lit';
import type { CaseExpectation, Determination, Pack, PackCase } from '@openqaf/engine';
import { withExpectedDecision, withExpectedScore, withWant } from '../pack/case-edits.js';
import { decisionTargets, headlineTarget, listOptions, scoreTargets } from '../pack/expectation-targets.js';
import type { ValueTarget } from '../pack/expectation-targets.js';
import { pointerToken } from '../pack/json-pointer.js';
import { problemsAt } from '../pack/plain-errors.js';
import type { FieldProblem } from '../pack/plain-errors.js';
import { sharedStyles } from './shared-styles.js';
import type { ValueChange } from './qaf-expected-value.js';
import type { PickedItem } from './qaf-pick-list.js';
import './qaf-expected-value.js';
import './qaf-pick-list.js';
import { ownMember } from '@openqaf/engine/browser';

/** Detail of `case-change`: the edited case, or the problem that kept a typed value out. */
export interface CaseChange {
  /** Pointer of the edited value in the pack (`/cases/3/want/headline`). */
  pointer: string;
  case?: PackCase;
  problem?: string;
}

/** The one sentence that tells the person where expected values come from. */
export const EXPECTED_FROM_DOCUMENT = "Expected values come from the council's document: the last run's result is shown beside each one, but you choose it.";

type ScheduleWant = NonNullable<CaseExpectation['schedule']>[number];

/**
 * A case's expectations, edited without JSON: the headline and each expected decision value
 * (a choice of the scale's values or a number), actions and visits with their dates, scores
 * and interpretations. A newly expected value starts unchosen: the engine's result is shown
 * beside it and never filled in. Fires `case-change`.
 */
export class QafExpectationEditor extends LitElement {
  static override properties = {
    pack: { attribute: false },
    case: { attribute: false },
    base: {},
    determination: { attribute: false },
    stale: { type: Boolean },
    readonly: { type: Boolean },
    problems: { attribute: false },
    _pending: { state: true },
  };
  static override styles = [sharedStyles, css`h4 { margin: 1rem 0 0.3rem; font-size: 1rem; } .add { margin: 0.5rem 0; }`];
  declare pack: Pack;
  declare case: PackCase;
  declare base: string;
  /** The engine's determination for this case in the last run, if it evaluated. */
  declare determination: Determination | undefined;
  declare stale: boolean;
  declare readonly: boolean;
  declare problems: FieldProblem[];
  /** Expectations added but whose value is not chosen yet: `headline`, `decision:<id>`, `score:<id>`. */
  declare private _pending: string[];

  constructor() {
    super();
    this.stale = false;
    this.readonly = false;
    this.problems = [];
    this._pending = [];
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('base') && changed.get('base') !== undefined) this._pending = [];
  }

  override render() {
    const c = this.case;
    const w = c.want ?? {};
    const d = this.determination;
    const lists = listOptions(this.pack);
    const headline = headlineTarget(this.pack);
    const decisions = decisionTargets(this.pack);
    const scores = scoreTargets(this.pack);
    const expectedDecisions = [...Object.keys(w.decisions ?? {}), ...this._pendingOf('decision')];
    const expectedScores = [...Object.keys(w.scores ?? {}), ...this._pendingOf('score')];
    const at = (path: string) => problemsAt(this.problems, `${this.base}/want${path}`).map((p) => p.message + (p.hint ? ` ${p.hint}` : ''));
    const byIndex = (key: string, n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [i, at(`/${key}/${i}`)]));
    return html`
      <p class="notice">${EXPECTED_FROM_DOCUMENT}</p>
      ${c.wantError !== undefined ? html`<label for="want-error">The assessment must be refused with a message containing</label>
        ${problemsAt(this.problems, `${this.base}/wantError`).map((p) => html`<p class="field-error">${p.message}</p>`)}
        <input id="want-error" type="text" size="50" .value=${c.wantError} ?readonly=${this.readonly}
          @input=${(e: Event) => this._emit('/wantError', { ...c, wantError: (e.target as HTMLInputElement).value })} />
        ${d ? html`<p class="muted">Last run${this.stale ? ' (before your changes)' : ''}: the assessment was evaluated, not refused.</p>` : nothing}` : nothing}
      ${Object.keys(w).length === 0 && c.wantError === undefined && this._pending.length === 0 ? html`<p class="field-error">This case expects nothing yet, so it cannot fail.</p>` : nothing}

      <h4>Headline and decisions</h4>
      ${headline && (w.headline !== undefined || this._pending.includes('headline'))
        ? this._value(headline, w.headline, d?.headline.value, '/headline', at('/headline'), (v) => withWant(c, 'headline', v as CaseExpectation['headline']), 'headline')
        : headline && !this.readonly ? html`<p><button class="secondary" @click=${() => this._add('headline')}>Expect a headline (${headline.label.replace(/^Headline: /, '')})</button></p>` : nothing}
      ${expectedDecisions.map((id) => {
        const t = decisions.find((x) => x.id === id) ?? { id, label: id, kind: 'text' as const };
        return this._value(t, ownMember(w.decisions, id), ownMember(d?.decisions, id), `/decisions/${pointerToken(id)}`, at(`/decisions/${pointerToken(id)}`), (v) => withExpectedDecision(c, id, v), `decision:${id}`);
      })}
      ${this.readonly ? nothing : this._adder('decision', 'Expect another decision', decisions.filter((t) => !expectedDecisions.includes(t.id)))}

      <h4>Actions</h4>
      <qaf-pick-list legend="Actions expected" date-label="Due" .options=${lists.actions} .items=${(w.actions ?? []).map((a) => (typeof a === 'string' ? { id: a } : { id: a.id, ...(a.due ? { date: a.due } : {}) }))}
        .actual=${d ? Object.fromEntries(d.actions.map((a) => [a.id, `triggered, due ${a.due}`])) : undefined} ?stale=${this.stale} .problems=${byIndex('actions', (w.actions ?? []).length)} ?readonly=${this.readonly}
        @items-change=${(e: CustomEvent<{ items: PickedItem[] }>) => this._emit('/want/actions', withWant(c, 'actions', e.detail.items.map((i) => (i.date ? { id: i.id, due: i.date } : i.id))))}></qaf-pick-list>
      <p><input type="checkbox" id="exact" .checked=${w.actionsExact === true} ?disabled=${this.readonly}
        @change=${(e: Event) => this._emit('/want/actionsExact', withWant(c, 'actionsExact', (e.target as HTMLInputElement).checked ? true : undefined))} />
        <label for="exact" style="display:inline">No other action may be triggered</label></p>
      <qaf-pick-list legend="Actions that must not be triggered" .options=${lists.actions} .items=${(w.noActions ?? []).map((id) => ({ id }))}
        .actual=${d ? Object.fromEntries(d.actions.map((a) => [a.id, `triggered, due ${a.due}`])) : undefined} ?stale=${this.stale} .problems=${byIndex('noActions', (w.noActions ?? []).length)} ?readonly=${this.readonly}
        @items-change=${(e: CustomEvent<{ items: PickedItem[] }>) => this._emit('/want/noActions', withWant(c, 'noActions', e.detail.items.map((i) => i.id)))}></qaf-pick-list>

      <h4>Visits and returns</h4>
      <qaf-pick-list legend="Visits and returns expected" date-label="Next due" absent-words="not scheduled" .options=${lists.schedule}
        .items=${(w.schedule ?? []).map((s) => (typeof s === 'string' ? { id: s } : { id: s.id, ...(s.nextDue ? { date: s.nextDue } : {}) }))}
        .actual=${d ? Object.fromEntries(d.schedule.map((s) => [s.id, `scheduled, next due ${s.nextDue}`])) : undefined} ?stale=${this.stale} .problems=${byIndex('schedule', (w.schedule ?? []).length)} ?readonly=${this.readonly}
        @items-change=${(e: CustomEvent<{ items: PickedItem[] }>) => this._emit('/want/schedule', withWant(c, 'schedule', this._schedule(e.detail.items)))}></qaf-pick-list>
      <qaf-pick-list legend="Visits and returns that must not be scheduled" absent-words="not scheduled" .options=${lists.schedule} .items=${(w.noSchedule ?? []).map((id) => ({ id }))}
        .actual=${d ? Object.fromEntries(d.schedule.map((s) => [s.id, `scheduled, next due ${s.nextDue}`])) : undefined} ?stale=${this.stale} ?readonly=${this.readonly}
        @items-change=${(e: CustomEvent<{ items: PickedItem[] }>) => this._emit('/want/noSchedule', withWant(c, 'noSchedule', e.detail.items.map((i) => i.id)))}></qaf-pick-list>

      ${scores.length || expectedScores.length ? html`<h4>Scores</h4>
        ${expectedScores.map((id) => this._value(scores.find((t) => t.id === id) ?? { id, label: id, kind: 'number' }, w.scores?.[id], d?.scores[id], `/scores/${pointerToken(id)}`,
          at(`/scores/${pointerToken(id)}`), (v) => withExpectedScore(c, id, v as number | null | undefined), `score:${id}`))}
        ${this.readonly ? nothing : this._adder('score', 'Expect a score', scores.filter((t) => !expectedScores.includes(t.id)))}` : nothing}

      ${lists.interpretations.length ? html`<h4>Interpretations</h4>
        <qaf-pick-list legend="Interpretations the determination relies on" absent-words="not relied on" .options=${lists.interpretations} .items=${(w.interpretations ?? []).map((id) => ({ id }))}
          .actual=${d ? Object.fromEntries(d.interpretations.map((i) => [i.id, 'relied on'])) : undefined} ?stale=${this.stale} .problems=${byIndex('interpretations', (w.interpretations ?? []).length)} ?readonly=${this.readonly}
          @items-change=${(e: CustomEvent<{ items: PickedItem[] }>) => this._emit('/want/interpretations', withWant(c, 'interpretations', e.detail.items.map((i) => i.id)))}></qaf-pick-list>` : nothing}`;
  }

  private _pendingOf(kind: string): string[] {
    return this._pending.filter((p) => p.startsWith(`${kind}:`)).map((p) => p.slice(kind.length + 1));
  }

  private _value(t: ValueTarget, value: unknown, actual: unknown, path: string, problems: string[], edit: (v: unknown) => PackCase, pendingKey: string) {
    return html`<qaf-expected-value .target=${t} .value=${value} .actual=${actual} ?has-actual=${this.determination !== undefined} ?stale=${this.stale}
      .problems=${problems} removable ?readonly=${this.readonly}
      @value-change=${(e: CustomEvent<ValueChange>) => {
        if (e.detail.problem !== undefined) return this._problem(`/want${path}`, e.detail.problem);
        this._pending = this._pending.filter((p) => p !== pendingKey);
        this._emit(`/want${path}`, edit(e.detail.value));
      }}
      @expectation-remove=${() => {
        this._pending = this._pending.filter((p) => p !== pendingKey);
        this._emit(`/want${path}`, edit(undefined));
      }}></qaf-expected-value>`;
  }

  private _adder(kind: 'decision' | 'score', label: string, targets: ValueTarget[]) {
    if (targets.length === 0) return nothing;
    const id = `add-${kind}`;
    return html`<div class="row add"><div><label for=${id}>${label}</label>
      <select id=${id}>${targets.map((t) => html`<option value=${t.id}>${t.label}</option>`)}</select></div>
      <button class="secondary" @click=${() => this._add(`${kind}:${this.renderRoot.querySelector<HTMLSelectElement>(`#${id}`)!.value}`)}>Add<span class="visually-hidden"> the expected ${kind}</span></button></div>`;
  }

  private async _add(key: string) {
    this._pending = [...this._pending, key];
    await this.updateComplete;
    // Focus the new expectation's control so the person chooses its value next.
    const all = [...this.renderRoot.querySelectorAll('qaf-expected-value')];
    const added = all.find((el) => (key === 'headline' ? el.target.id === this.pack.outcomes.headline && el.target.label.startsWith('Headline') : key.endsWith(`:${el.target.id}`)));
    await added?.updateComplete;
    added?.renderRoot.querySelector<HTMLElement>('select, input, [role="group"] select')?.focus();
  }

  private _schedule(items: PickedItem[]): ScheduleWant[] {
    const before = new Map((this.case.want?.schedule ?? []).map((s) => (typeof s === 'string' ? [s, { id: s }] : [s.id, s])));
    return items.map((i) => {
      const { nextDue: _old, ...kept } = (before.get(i.id) ?? { id: i.id }) as Exclude<ScheduleWant, string>;
      const entry = { ...kept, ...(i.date ? { nextDue: i.date } : {}) };
      return Object.keys(entry).length === 1 ? i.id : entry;
    });
  }

  private _problem(path: string, problem: string) {
    this.dispatchEvent(new CustomEvent<CaseChange>('case-change', { detail: { pointer: `${this.base}${path}`, problem }, bubbles: true, composed: true }));
  }

  private _emit(path: string, next: PackCase) {
    this.dispatchEvent(new CustomEvent<CaseChange>('case-change', { detail: { pointer: `${this.base}${path}`, case: next }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-expectation-editor': QafExpectationEditor;
  }
}
customElements.define('qaf-expectation-editor', QafExpectationEditor);
