import { LitElement, html, nothing } from 'lit';
import { longDate } from '../format/long-date.js';
import { sharedStyles } from './shared-styles.js';

/** One item of the server's work queue (`GET /api/councils/{council}/work-queue`). */
export interface WorkQueueItem {
  kind: 'visit' | 'return' | 'action' | 'decision';
  providerId: string;
  name: string;
  id: string;
  label: string;
  owner?: string;
  ownerLabel?: string;
  due: string;
  overdue: boolean;
  source: string;
}

/** What completing an action sends: the provider, the action and the date it was done. */
export interface CompleteActionDetail { providerId: string; actionId: string; completedOn: string }

const KIND_WORDS: Record<WorkQueueItem['kind'], string> = { visit: 'Visit', return: 'Return', action: 'Action', decision: 'Decision waiting' };

/**
 * The work queue: what is due or overdue across the council's providers, overdue first and marked,
 * dates written the UK way ("1 December 2026"), filtered by kind; an action can be recorded as done
 * (fires `complete-action` with {@link CompleteActionDetail}); `calendar-href` links the iCalendar export.
 */
export class QafWorkQueue extends LitElement {
  static override properties = {
    items: { attribute: false },
    canComplete: { type: Boolean, attribute: 'can-complete' },
    calendarHref: { attribute: 'calendar-href' },
    today: {},
    _kind: { state: true },
  };
  static override styles = [sharedStyles];
  declare items: WorkQueueItem[];
  declare canComplete: boolean;
  declare calendarHref: string | undefined;
  declare today: string | undefined;
  declare _kind: string;

  constructor() {
    super();
    this.items = [];
    this.canComplete = false;
    this._kind = '';
  }

  private _complete(e: SubmitEvent, item: WorkQueueItem) {
    e.preventDefault();
    const completedOn = ((e.target as HTMLFormElement).elements.namedItem('completedOn') as HTMLInputElement).value;
    this.dispatchEvent(new CustomEvent<CompleteActionDetail>('complete-action', { detail: { providerId: item.providerId, actionId: item.id, completedOn }, bubbles: true, composed: true }));
  }

  override render() {
    const shown = this.items.filter((i) => !this._kind || i.kind === this._kind);
    const overdue = shown.filter((i) => i.overdue).length;
    return html`<h2>Work queue</h2>
      <p>${shown.length} item${shown.length === 1 ? '' : 's'}, ${overdue} overdue.
        ${this.calendarHref ? html`<a href=${this.calendarHref} download>Add to calendar (iCalendar)</a>` : nothing}</p>
      <label>Show <select name="kind" @change=${(e: Event) => (this._kind = (e.target as HTMLSelectElement).value)}>
        <option value="">everything</option>
        ${Object.entries(KIND_WORDS).map(([k, w]) => html`<option value=${k}>${w.toLowerCase()}s</option>`)}
      </select></label>
      ${shown.length === 0 ? html`<p>Nothing is due.</p>` : html`<table>
        <thead><tr><th scope="col">Due</th><th scope="col">What</th><th scope="col">Provider</th><th scope="col">Who</th><th scope="col"></th></tr></thead>
        <tbody>${shown.map((i) => html`<tr class=${i.overdue ? 'overdue' : ''}>
          <td>${longDate(i.due)}${i.overdue ? html` <strong class="tag">Overdue</strong>` : nothing}</td>
          <td>${KIND_WORDS[i.kind]}: ${i.label} <span class="muted">(${i.source})</span></td>
          <td>${i.name}</td>
          <td>${i.ownerLabel ?? i.owner ?? ''}</td>
          <td>${this.canComplete && i.kind === 'action' ? html`<form class="no-print" aria-label=${`Record ${i.label} done`} @submit=${(e: SubmitEvent) => this._complete(e, i)}>
            <label>Done on <input type="date" name="completedOn" required .value=${this.today ?? ''}></label>
            <button type="submit">Record as done</button></form>` : nothing}</td>
        </tr>`)}</tbody></table>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-work-queue': QafWorkQueue;
  }
}
customElements.define('qaf-work-queue', QafWorkQueue);
