import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { api } from '../api/api-client.js';
import type { AnalysisRun, CaseRun } from '../api/api-types.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';

/** Plain words for each kind of analysis finding. */
export const FINDING_WORDS: Record<string, string> = {
  gap: 'Gap: no rule applies and there is no fallback',
  'fallback-only': 'Decided only by the fallback',
  'interpretation-only': 'Decided only by an interpretation',
  overlap: 'Overlap: more than one rule applies where only one may',
  masked: 'Never used: a rule above it always applies first',
  unreachable: 'Never reachable',
  cycle: 'Decisions depend on each other in a loop',
};

/**
 * Runs the draft's own worked cases and the gap analysis on demand and shows the results:
 * failing cases with what differed, findings in the council's words.
 */
export class QafChecks extends LitElement {
  static override properties = { council: {} };
  static override styles = [sharedStyles, css`.finding { margin: 0.4rem 0 0.8rem; } .finding ul { margin: 0.2rem 0; }`];
  declare council: string;

  private _cases = new Task(this, { task: ([c], { signal }) => api.runCases(c, signal), args: () => [this.council] as const, autoRun: false });
  private _analysis = new Task(this, { task: ([c], { signal }) => api.analyse(c, signal), args: () => [this.council] as const, autoRun: false });

  override render() {
    return html`
      <p>Checks run on the saved draft. Save your changes first.</p>
      <div class="row">
        <button @click=${() => this._cases.run()}>Run the pack's cases</button>
        <button @click=${() => this._analysis.run()}>Run the analysis</button>
      </div>
      <h2>Cases</h2>
      ${this._cases.status === TaskStatus.INITIAL ? html`<p class="muted">Not run yet.</p>` : renderTask(this._cases, (r) => this._caseResults(r), 'Running the cases…')}
      <h2>Analysis</h2>
      ${this._analysis.status === TaskStatus.INITIAL ? html`<p class="muted">Not run yet.</p>` : renderTask(this._analysis, (r) => this._findings(r), 'Analysing the draft…')}`;
  }

  private _caseResults(r: CaseRun) {
    const failed = r.results.filter((x) => !x.ok);
    return html`<p class="notice ${r.failed ? 'bad' : 'good'}" role="status"><strong>${r.passed} passed, ${r.failed} failed</strong> (draft revision ${r.revision}).</p>
      ${failed.length ? html`<table><thead><tr><th scope="col">Case</th><th scope="col">What differed</th></tr></thead><tbody>
        ${failed.map((f) => html`<tr><td><strong>${f.id}</strong><div class="muted">${f.note}</div></td><td><ul>${f.failures.map((m) => html`<li>${m}</li>`)}</ul></td></tr>`)}
      </tbody></table>` : nothing}`;
  }

  private _findings(r: AnalysisRun) {
    const withFindings = r.report.decisions.filter((d) => d.findings.length > 0);
    return html`<p class="notice ${r.findings ? 'bad' : 'good'}" role="status"><strong>${r.findings} finding(s)</strong> in ${r.report.decisions.length} decisions${r.report.complete ? ', every input combination checked' : '; some decisions were sampled, not fully enumerated'}.</p>
      ${withFindings.map((d) => html`<h3>${d.label} <span class="muted">(${d.decision})</span></h3>
        ${d.exhaustive ? nothing : html`<p class="muted">Sampled: ${d.notes.join(' ')}</p>`}
        ${d.findings.map((f) => html`<div class="finding"><strong>${FINDING_WORDS[f.kind] ?? f.kind}</strong>${f.rule ? html` — rule <em>${f.rule}</em>` : nothing}
          <div>${f.message}</div>
          ${f.examples.length ? html`<ul>${f.examples.map((e) => html`<li>${e.inputs} <span class="muted">(${e.count} combination${e.count === 1 ? '' : 's'})</span></li>`)}
            ${f.more ? html`<li class="muted">and ${f.more} more</li>` : nothing}</ul>` : nothing}</div>`)}`)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-checks': QafChecks;
  }
}
customElements.define('qaf-checks', QafChecks);
