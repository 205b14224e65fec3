import { Task } from '@lit/task';
import { LitElement, html } from 'lit';
import { api } from '../api/api-client.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-pack-view.js';

/** The council's published pack, readable. */
export class QafPackPage extends LitElement {
  static override properties = { council: {} };
  static override styles = [sharedStyles];
  declare council: string;

  private _pack = new Task(this, {
    task: ([council], { signal }) => api.pack(council, signal),
    args: () => [this.council] as const,
  });

  override render() {
    return html`<h1>The published pack</h1>${renderTask(this._pack, (v) => html`<qaf-pack-view .pack=${v.pack}></qaf-pack-view>`, 'Loading the pack…')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-pack-page': QafPackPage;
  }
}
customElements.define('qaf-pack-page', QafPackPage);
