import { LitElement, css, html, nothing } from 'lit';
import type { ListOption } from '../pack/expectation-targets.js';
import { sharedStyles } from './shared-styles.js';

/** One entry a case names: an id from the pack's list and, where it has one, a date. */
export interface PickedItem {
  id: string;
  date?: string;
}

let nextId = 0;

/**
 * A list of entries picked from one of the pack's lists (actions, schedule entries,
 * interpretations), each removable and optionally dated, with an "Add" choice of the entries
 * not picked yet. The last run's words for each entry may be shown beside it.
 * Fires `items-change` with the whole new list.
 */
export class QafPickList extends LitElement {
  static override properties = {
    legend: {},
    hint: {},
    options: { attribute: false },
    items: { attribute: false },
    dateLabel: { attribute: 'date-label' },
    actual: { attribute: false },
    absentWords: { attribute: 'absent-words' },
    stale: { type: Boolean },
    readonly: { type: Boolean },
    problems: { attribute: false },
  };
  static override styles = [
    sharedStyles,
    css`fieldset { border: 1px solid var(--qaf-line, #b1b4b6); margin: 0.5rem 0; } legend { font-weight: 700; }
      ul { list-style: none; padding: 0; margin: 0.2rem 0; } li { padding: 0.3rem 0; border-bottom: 1px solid #eee; }
      .actual { font-size: 0.9rem; } select { max-width: 40rem; } button.small { min-height: 2rem; padding: 0 0.5rem; }`,
  ];
  declare legend: string;
  declare hint: string | undefined;
  declare options: ListOption[];
  declare items: PickedItem[];
  declare dateLabel: string | undefined;
  /** The last run's words per id ("triggered, due 2025-03-10"); undefined before a run. */
  declare actual: Record<string, string> | undefined;
  /** The last run's words for an entry it did not give ("not triggered"). */
  declare absentWords: string;
  /** True when the case changed since the run the `actual` words come from. */
  declare stale: boolean;
  declare readonly: boolean;
  /** Problems per item index. */
  declare problems: Record<number, string[]>;
  private readonly _id = `pick-${nextId++}`;

  constructor() {
    super();
    this.options = [];
    this.items = [];
    this.readonly = false;
    this.stale = false;
    this.problems = {};
    this.absentWords = 'not triggered';
  }

  override render() {
    const label = (id: string) => this.options.find((o) => o.id === id)?.label ?? id;
    const left = this.options.filter((o) => !this.items.some((i) => i.id === o.id));
    return html`<fieldset><legend>${this.legend}</legend>
      ${this.hint ? html`<p class="muted">${this.hint}</p>` : nothing}
      ${this.items.length === 0 ? html`<p class="muted">None.</p>` : html`<ul>${this.items.map((item, i) => html`<li>
        <div>${label(item.id)} <span class="muted">(${item.id})</span></div>
        ${(this.problems[i] ?? []).map((m) => html`<p class="field-error">${m}</p>`)}
        <div class="row">
          ${this.dateLabel ? html`<div><label for=${`${this._id}-${i}`}>${this.dateLabel} (optional)<span class="visually-hidden">: ${label(item.id)}</span></label>
            <input id=${`${this._id}-${i}`} type="date" .value=${item.date ?? ''} ?readonly=${this.readonly} @change=${(e: Event) => this._date(i, (e.target as HTMLInputElement).value)} /></div>` : nothing}
          ${this.actual ? html`<span class="actual">Last run${this.stale ? ' (before your changes)' : ''}: ${this.actual[item.id] ?? this.absentWords}</span>` : nothing}
          ${this.readonly ? nothing : html`<button class="secondary small" @click=${() => this._emit(this.items.filter((_, j) => j !== i))}>Remove<span class="visually-hidden">: ${label(item.id)}</span></button>`}
        </div></li>`)}</ul>`}
      ${this.readonly || left.length === 0 ? nothing : html`<div class="row"><div><label for=${`${this._id}-add`}>Add to “${this.legend}”</label>
        <select id=${`${this._id}-add`}>${left.map((o) => html`<option value=${o.id}>${o.label}</option>`)}</select></div>
        <button class="secondary" @click=${this._add}>Add<span class="visually-hidden"> to “${this.legend}”</span></button></div>`}
    </fieldset>`;
  }

  private _date(i: number, date: string) {
    this._emit(this.items.map((item, j) => (j === i ? { id: item.id, ...(date ? { date } : {}) } : item)));
  }

  private _add() {
    const select = this.renderRoot.querySelector<HTMLSelectElement>(`#${this._id}-add`)!;
    this._emit([...this.items, { id: select.value }]);
  }

  private _emit(items: PickedItem[]) {
    this.dispatchEvent(new CustomEvent<{ items: PickedItem[] }>('items-change', { detail: { items } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-pick-list': QafPickList;
  }
}
customElements.define('qaf-pick-list', QafPickList);
