import { LitElement, css, html, nothing } from 'lit';
import { counted } from '../format/count-words.js';
import { datesInText, longDate } from '../format/long-date.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';

/** One item of the server's work queue (`GET /api/councils/{council}/work-queue`). */
export interface WorkQueueItem {
  kind: 'visit' | 'return' | 'action' | 'decision' | 'draft';
  providerId: string;
  name: string;
  id: string;
  label: string;
  owner?: string;
  ownerLabel?: string;
  /** Absent when the framework sets no date (`dueWords` then says so); such an item is never overdue. */
  due?: string;
  dueWords?: string;
  overdue: boolean;
  source: string;
  /** The officer whose work it is (the provider's assigned officer, or who started a draft). */
  officerId?: string;
  officerName?: string;
  visitId?: string;
}

/** What completing an action sends: the provider, the action and the date it was done. */
export interface CompleteActionDetail { providerId: string; actionId: string; completedOn: string }

const KIND_WORDS: Record<WorkQueueItem['kind'], string> = { visit: 'Visit', return: 'Return', action: 'Action', decision: 'Decision waiting', draft: 'Draft not submitted' };

/** The kinds in the filter, in the plural. */
const KIND_PLURALS: Record<WorkQueueItem['kind'], string> = { visit: 'visits', return: 'returns', action: 'actions', decision: 'decisions waiting', draft: 'drafts not submitted' };

/**
 * The work queue: what is due or overdue across the council's providers, overdue first and marked,
 * dates written the UK way ("1 December 2026"), filtered by kind and to overdue only; "mine" or
 * the council's (fires `mine-change` with a boolean: the page reloads the queue). A draft not
 * submitted links to its visit form, to resume it; each provider links to its page. An action can be
 * recorded as done (fires `complete-action` with {@link CompleteActionDetail}); `calendar-href`
 * links the iCalendar export, with the same filters.
 */
export class QafWorkQueue extends LitElement {
  static override properties = {
    council: {},
    items: { attribute: false },
    canComplete: { type: Boolean, attribute: 'can-complete' },
    calendarHref: { attribute: 'calendar-href' },
    today: {},
    mine: { type: Boolean },
    _kind: { state: true },
    _overdueOnly: { state: true },
  };
  static override styles = [
    sharedStyles,
    css`.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; border: 0; padding: 0; margin: 0 0 0.75rem; }
      .filters legend { font-weight: 600; padding: 0; } tr.overdue td:first-child { border-left: 5px solid var(--qaf-bad, #b10e1e); }
      .tag { color: var(--qaf-bad, #b10e1e); } .table-wrap { overflow-x: auto; }`,
  ];
  /** The council whose queue it is: items link to their provider and a draft to its visit form. */
  declare council: string | undefined;
  declare items: WorkQueueItem[];
  declare canComplete: boolean;
  declare calendarHref: string | undefined;
  declare today: string | undefined;
  /** Only my work (providers assigned to me, drafts I started), else the council's. */
  declare mine: boolean;
  declare _kind: string;
  declare _overdueOnly: boolean;

  constructor() {
    super();
    this.items = [];
    this.canComplete = false;
    this.mine = false;
    this._kind = '';
    this._overdueOnly = false;
  }

  /** The iCalendar link with the filters shown. */
  private _calendarLink(): string | undefined {
    if (!this.calendarHref) return undefined;
    const q = new URLSearchParams();
    if (this._kind) q.set('kind', this._kind);
    if (this._overdueOnly) q.set('overdue', 'true');
    if (this.mine) q.set('mine', 'true');
    const query = q.toString();
    return query ? `${this.calendarHref}?${query}` : this.calendarHref;
  }

  private _setMine(mine: boolean) {
    this.mine = mine;
    this.dispatchEvent(new CustomEvent<boolean>('mine-change', { detail: mine, bubbles: true, composed: true }));
  }

  private _complete(e: SubmitEvent, item: WorkQueueItem) {
    e.preventDefault();
    const completedOn = ((e.target as HTMLFormElement).elements.namedItem('completedOn') as HTMLInputElement).value;
    this.dispatchEvent(new CustomEvent<CompleteActionDetail>('complete-action', { detail: { providerId: item.providerId, actionId: item.id, completedOn }, bubbles: true, composed: true }));
  }

  /** What is to be done; a draft links to its visit form, to resume it. */
  private _what(i: WorkQueueItem) {
    if (i.kind === 'draft' && i.visitId && this.council) {
      return html`<a href=${href({ page: 'visit', council: this.council, visit: i.visitId })}>${datesInText(i.label)}</a> (resume the visit form)`;
    }
    return datesInText(i.label);
  }

  override render() {
    const shown = this.items.filter((i) => (!this._kind || i.kind === this._kind) && (!this._overdueOnly || i.overdue));
    const overdue = shown.filter((i) => i.overdue).length;
    const calendar = this._calendarLink();
    return html`<h2>Work queue</h2>
      <fieldset class="filters">
        <legend>Show</legend>
        <label><input type="radio" name="whose" .checked=${!this.mine} @change=${() => this._setMine(false)}> the council's work</label>
        <label><input type="radio" name="whose" .checked=${this.mine} @change=${() => this._setMine(true)}> my work</label>
        <label>Kind <select name="kind" @change=${(e: Event) => (this._kind = (e.target as HTMLSelectElement).value)}>
          <option value="">everything</option>
          ${Object.entries(KIND_PLURALS).map(([k, w]) => html`<option value=${k} ?selected=${k === this._kind}>${w}</option>`)}
        </select></label>
        <label><input type="checkbox" name="overdue" .checked=${this._overdueOnly} @change=${(e: Event) => (this._overdueOnly = (e.target as HTMLInputElement).checked)}> overdue only</label>
      </fieldset>
      <p role="status">${counted(shown.length, 'item')}, ${overdue} overdue.
        ${calendar ? html`<a href=${calendar} download>Add these to your calendar (iCalendar)</a>` : nothing}</p>
      ${shown.length === 0 ? html`<p>Nothing is due.</p>` : html`<div class="table-wrap" tabindex="0" role="region" aria-label="Work queue items"><table>
        <thead><tr><th scope="col">Due</th><th scope="col">What</th><th scope="col">Provider</th><th scope="col">Who</th><th scope="col"><span class="visually-hidden">Record as done</span></th></tr></thead>
        <tbody>${shown.map((i) => html`<tr class=${i.overdue ? 'overdue' : ''}>
          <td>${i.due ? longDate(i.due) : html`<span class="muted">${i.dueWords ?? 'no date set by the framework'}</span>`}${i.overdue ? html` <strong class="tag">Overdue</strong>` : nothing}</td>
          <td>${KIND_WORDS[i.kind]}: ${this._what(i)} <span class="muted">(${datesInText(i.source)})</span></td>
          <td>${this.council ? html`<a href=${href({ page: 'provider', council: this.council, provider: i.providerId })}>${i.name}</a>` : i.name}</td>
          <td>${[i.ownerLabel ?? i.owner, i.officerName].filter(Boolean).join('; ')}</td>
          <td>${this.canComplete && i.kind === 'action' ? html`<form class="no-print" aria-label=${`Record ${i.label} done`} @submit=${(e: SubmitEvent) => this._complete(e, i)}>
            <label>Done on <input type="date" name="completedOn" required .value=${this.today ?? ''}></label>
            <button type="submit">Record as done</button></form>` : nothing}</td>
        </tr>`)}</tbody></table></div>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-work-queue': QafWorkQueue;
  }
}
customElements.define('qaf-work-queue', QafWorkQueue);
