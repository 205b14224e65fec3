import { LitElement, html } from 'lit';
import { completeAction, loadWorkQueue } from '../api/work-queue-api.js';
import type { CompleteActionDetail, WorkQueueItem } from './qaf-work-queue.js';
import './qaf-work-queue.js';
import './qaf-status.js';

/** The work queue page of a council: loads the queue (the council's or mine), records actions as done and reloads. */
export class QafWorkQueuePage extends LitElement {
  static override properties = { council: {}, canComplete: { type: Boolean, attribute: 'can-complete' }, _items: { state: true }, _today: { state: true }, _error: { state: true }, _mine: { state: true } };
  declare council: string;
  declare canComplete: boolean;
  declare _items: WorkQueueItem[] | undefined;
  declare _today: string | undefined;
  declare _error: string | undefined;
  declare _mine: boolean;

  constructor() {
    super();
    this._mine = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this._load();
  }

  private async _load() {
    try {
      const q = await loadWorkQueue(this.council, 30, undefined, this._mine);
      this._items = q.items;
      this._today = q.today;
      this._error = undefined;
    } catch (error) {
      this._error = (error as Error).message;
    }
  }

  private async _complete(e: CustomEvent<CompleteActionDetail>) {
    try {
      await completeAction(this.council, e.detail);
      await this._load();
    } catch (error) {
      this._error = (error as Error).message;
    }
  }

  override render() {
    if (this._error) return html`<qaf-status kind="error" message=${this._error}></qaf-status>`;
    if (!this._items) return html`<qaf-status kind="loading" message="Loading the work queue"></qaf-status>`;
    return html`<qaf-work-queue council=${this.council} .items=${this._items} today=${this._today ?? ''} ?can-complete=${this.canComplete} ?mine=${this._mine}
      @mine-change=${(e: CustomEvent<boolean>) => { this._mine = e.detail; void this._load(); }}
      calendar-href=${`/api/councils/${encodeURIComponent(this.council)}/work-queue.ics`} @complete-action=${this._complete}></qaf-work-queue>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-work-queue-page': QafWorkQueuePage;
  }
}
customElements.define('qaf-work-queue-page', QafWorkQueuePage);
