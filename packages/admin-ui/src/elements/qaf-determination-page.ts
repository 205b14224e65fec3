import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { api } from '../api/api-client.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-determination-view.js';

/** A stored determination with its explanation (reproduced under its pack hash) and a printable report. */
export class QafDeterminationPage extends LitElement {
  static override properties = { council: {}, assessment: {} };
  static override styles = [sharedStyles, css`@media print { .no-print { display: none; } h1 { font-size: 16pt; } }`];
  declare council: string;
  declare assessment: string;

  private _data = new Task(this, {
    task: async ([c, id], { signal }) => {
      const stored = await api.assessment(c, id, true, signal);
      const [version, provider] = await Promise.all([api.version(c, stored.packVersion, signal), api.provider(c, stored.providerId, signal)]);
      return { stored, pack: version.pack!, provider };
    },
    args: () => [this.council, this.assessment] as const,
  });

  override render() {
    return renderTask(this._data, ({ stored, pack, provider }) => html`
      <p class="no-print"><a href=${href({ page: 'provider', council: this.council, provider: provider.id })}>← ${provider.name}</a></p>
      <h1>Quality assurance report: ${provider.name}</h1>
      <p class="no-print"><button class="secondary" @click=${() => window.print()}>Print the provider report</button></p>
      <qaf-determination-view .pack=${pack} .determination=${stored.determination}></qaf-determination-view>
      ${stored.input?.note ? html`<h3>Officer's note</h3><p>${stored.input.note}</p>` : ''}`, 'Loading the determination…');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-determination-page': QafDeterminationPage;
  }
}
customElements.define('qaf-determination-page', QafDeterminationPage);
