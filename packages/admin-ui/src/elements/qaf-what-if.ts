import { Task, TaskStatus } from '@lit/task';
import { counted } from '../format/count-words.js';
import { whatIfDifferenceWords } from '../format/what-if-differences.js';
import { LitElement, html, nothing } from 'lit';
import { api } from '../api/api-client.js';
import type { Pack, WhatIfReport } from '../api/api-types.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import '../charts/qaf-distribution-chart.js';
import { ownMember } from '@openqaf/engine/browser';
import { headlineWords } from '../format/headline-words.js';
import { longDate } from '../format/long-date.js';


/**
 * What-if before publishing: every provider's latest assessment under the published pack and
 * under the saved draft; every provider whose determination changes (the headline, or only a
 * domain's band, the actions, the schedule or a score), each difference in words, and the
 * distribution of the headline before and after.
 */
export class QafWhatIf extends LitElement {
  static override properties = { council: {} };
  static override styles = [sharedStyles];
  declare council: string;

  private _report = new Task(this, {
    task: async ([c], { signal }) => {
      const [report, published] = await Promise.all([api.whatIf(c, signal), api.pack(c, signal)]);
      return { report, pack: published.pack! };
    },
    args: () => [this.council] as const,
    autoRun: false,
  });

  override render() {
    return html`
      <p>Re-evaluates every provider's latest assessment under the saved draft and compares the headline with the published pack.</p>
      <button @click=${() => this._report.run()}>Run what-if</button>
      ${this._report.status === TaskStatus.INITIAL ? nothing : renderTask(this._report, ({ report, pack }) => this._result(report, pack), 'Re-evaluating every provider…')}`;
  }

  private _result(r: WhatIfReport, pack: Pack) {
    const headline = ownMember(pack.decisions, pack.outcomes.headline);
    const scale = headline ? ownMember(pack.scales, headline.scale) : undefined;
    const order = scale && 'values' in scale ? scale.values : [];
    const name = headline?.label.toLowerCase() ?? 'headline';
    const headlineChanges = r.changed.filter((c) => c.headlineChanged).length;
    const otherChanges = r.changed.length - headlineChanges;
    return html`
      <p class="notice ${r.changed.length ? 'bad' : 'good'}" role="status"><strong>${r.changed.length} of ${counted(r.providers, 'provider')} would change</strong>
        under the draft (published version ${r.published.version}): ${headlineChanges} in the ${name},
        ${otherChanges} only in a domain's band, the actions, the schedule or a score.</p>
      ${r.changed.length ? html`<table>
        <thead><tr><th scope="col">Provider</th><th scope="col">Assessed</th><th scope="col">${headline?.label ?? 'Headline'} now</th><th scope="col">Under the draft</th><th scope="col">What differs</th></tr></thead>
        <tbody>${r.changed.map((c) => html`<tr><td><a href=${href({ page: 'provider', council: this.council, provider: c.providerId })}>${c.name}</a></td>
          <td>${longDate(c.assessmentDate)}</td><td>${headlineWords(c.before)}</td><td>${c.headlineChanged ? html`<strong>${headlineWords(c.after)}</strong>` : 'unchanged'}</td>
          <td><ul class="differences">${whatIfDifferenceWords(c.differences).map((w) => html`<li>${w}</li>`)}</ul></td></tr>`)}</tbody>
      </table>` : nothing}
      ${r.errors.length ? html`<div class="notice bad"><strong>Could not evaluate:</strong><ul>${r.errors.map((e) => html`<li>${e.name} (${e.under}): ${e.message}</li>`)}</ul></div>` : nothing}
      <h2>Ratings before and after</h2>
      <qaf-distribution-chart .order=${order} .published=${r.before} .draft=${r.after}></qaf-distribution-chart>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-what-if': QafWhatIf;
  }
}
customElements.define('qaf-what-if', QafWhatIf);
