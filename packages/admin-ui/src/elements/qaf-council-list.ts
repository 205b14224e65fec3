import { Task } from '@lit/task';
import { longDate } from '../format/long-date.js';
import { LitElement, html } from 'lit';
import { api } from '../api/api-client.js';
import type { Me } from '../api/api-types.js';
import { roleIn, roleLabel } from '../api/roles.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';

/** The councils the signed-in user has a role in (every council for a platform admin). */
export class QafCouncilList extends LitElement {
  static override properties = { me: { attribute: false } };
  static override styles = [sharedStyles];
  declare me: Me;

  private _councils = new Task(this, { task: (_args, { signal }) => api.councils(signal), args: () => [] as const });

  override render() {
    return html`<h1>Your councils</h1>${renderTask(this._councils, (all) => {
      const mine = all.filter((c) => roleIn(this.me, c.id));
      if (mine.length === 0) return html`<qaf-status kind="empty" message="You have no role in any council yet. Ask a council admin to add you."></qaf-status>`;
      return html`<table><thead><tr><th scope="col">Council</th><th scope="col">Your role</th><th scope="col">Published pack</th><th scope="col">Go to</th></tr></thead>
        <tbody>${mine.map((c) => html`<tr><td><a href=${href({ page: 'pack', council: c.id })}>${c.name}</a></td><td>${roleLabel(roleIn(this.me, c.id))}</td>
          <td>${c.currentVersion ? `${c.currentVersion.version}, in force from ${longDate(c.currentVersion.effectiveFrom)}` : 'none yet'}</td>
          <td><a href=${href({ page: 'providers', council: c.id })}>Providers</a></td></tr>`)}</tbody></table>`;
    }, 'Loading councils…')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-council-list': QafCouncilList;
  }
}
customElements.define('qaf-council-list', QafCouncilList);
