import { Task, TaskStatus } from '@lit/task';
import type { AnalysisReply } from '@openqaf/server';
import { longDate } from '../format/long-date.js';
import { LitElement, html, nothing } from 'lit';
import { api } from '../api/api-client.js';
import { ApiError, errorText } from '../api/api-error.js';
import { href } from '../routing/route.js';
import { FINDING_WORDS, outcomeNames } from './qaf-checks.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-diff-view.js';
import './qaf-status.js';

/**
 * Publishing the draft: the diff from the published version, the analysis findings to
 * acknowledge, a note saying why, the date it is in force from (always asked: a past date
 * first lists the stored assessments of that period and what would change for each, then
 * asks for confirmation), then publish. Refusals (invalid pack, failing cases,
 * unacknowledged findings, someone else's newer edit) are shown in the server's words.
 */
export class QafPublish extends LitElement {
  static override properties = {
    council: {},
    canEdit: { type: Boolean, attribute: 'can-edit' },
    _busy: { state: true },
    _result: { state: true },
    _pastListed: { state: true },
  };
  static override styles = [sharedStyles];
  declare council: string;
  declare canEdit: boolean;
  declare private _busy: boolean;
  declare private _result: { kind: 'good' | 'bad'; text: string; details?: string[] } | undefined;
  /** The server listed the stored assessments of a past in-force period: the lead may now confirm. */
  declare private _pastListed: boolean;

  /** The published version and the diff: the page's frame and primary content. */
  private _review = new Task(this, {
    task: async ([c], { signal }) => {
      // The latest version's record alone (its label): the diff below is what the page shows of the pack.
      const published = await api.latestVersion(c, signal);
      if (!published) throw new Error(`Council "${c}" has no published version to compare the draft with`);
      const diff = await api.diff(c, published.version, 'draft', signal);
      return { published, diff };
    },
    args: () => [this.council] as const,
  });

  /**
   * The draft's analysis, asked for at once beside the review (it needs nothing else) and shown
   * in its own section when it comes: the page is read and filled in meanwhile. An analysis that
   * fails is shown as a value, so the rest of the page stays. Asked without the findings'
   * examples: the page shows only their words.
   */
  private _analysis = new Task(this, {
    task: ([c], { signal }) => api.analyse(c, signal, { examples: false }).catch((e: unknown) => e as Error),
    args: () => [this.council] as const,
  });

  constructor() {
    super();
    this.canEdit = false;
    this._busy = false;
    this._pastListed = false;
  }

  override render() {
    return renderTask(this._review, ({ published, diff }) => {
      const analysis = this._analysis.value;
      const analysing = this._analysis.status !== TaskStatus.COMPLETE || analysis === undefined;
      // Only what the draft introduces or changes needs reading again; the rest was acknowledged before.
      const changed = analysing || analysis instanceof Error ? [] : analysis.changed;
      return html`
        <h2>Changes from the published version ${published.version}</h2>
        <qaf-diff-view .changes=${diff.changes}></qaf-diff-view>
        <section aria-labelledby="findings" aria-busy=${analysing ? 'true' : 'false'}>
          <h2 id="findings">Analysis findings</h2>
          ${analysing ? html`<qaf-status kind="loading" message="Analysing the draft…"></qaf-status>` : this._findings(analysis, published.version)}
        </section>
        ${this._result ? html`<div class="notice ${this._result.kind}" role=${this._result.kind === 'bad' ? 'alert' : 'status'}>${this._result.text}
          ${this._result.details?.length ? html`<ul>${this._result.details.slice(0, 30).map((d) => html`<li>${d}</li>`)}</ul>` : nothing}</div>` : nothing}
        ${this.canEdit ? html`<form @submit=${this._publish}>
          <h2>Publish</h2>
          <label for="note">Why is this version published? (recorded with it)</label>
          <textarea id="note" name="note" rows="3" cols="60" required></textarea>
          <div class="row">
            <div><label for="version">Version (optional)</label><input id="version" name="version" placeholder="next patch" size="10" /></div>
            <div><label for="effectiveFrom">In force from (required)</label><input id="effectiveFrom" name="effectiveFrom" type="date" required
              @change=${() => (this._pastListed = false)} /></div>
          </div>
          ${this._pastListed ? html`<p><input type="checkbox" id="confirmPast" name="confirmPast" /> <label for="confirmPast" style="display:inline">The date is in the past:
            I have reviewed the stored assessments of that period listed above and confirm</label></p>` : nothing}
          ${changed.length ? html`<p><input type="checkbox" id="ack" name="ack" /> <label for="ack" style="display:inline">I have read the ${changed.length} new or changed finding${changed.length === 1 ? '' : 's'} above and accept ${changed.length === 1 ? 'it' : 'them'}</label></p>` : nothing}
          <button type="submit" ?disabled=${this._busy || analysing || diff.changes.length === 0}>${this._busy ? 'Publishing…' : 'Publish the draft'}</button>
          ${analysing && diff.changes.length ? html`<p class="muted">Publishing waits for the analysis of the draft (its findings are read before publishing).</p>` : nothing}
          ${diff.changes.length === 0 ? html`<p class="muted">Nothing to publish: the draft is the same as the published version.</p>` : nothing}
        </form>` : html`<p class="notice">Only the council's admins can publish.</p>`}`;
    }, 'Comparing the draft with the published pack…');
  }

  /** The analysis section once the analysis came: what is new or changed, then every finding. */
  private _findings(analysis: AnalysisReply | Error, version: string) {
    if (analysis instanceof Error) return html`<p class="notice bad">The draft cannot be analysed: ${errorText(analysis)}</p>`;
    const report = analysis.report;
    const findings = [
      ...report.decisions.flatMap((d) => d.findings.map((f) => ({ kind: f.kind as string, message: f.message, label: d.label }))),
      // The actions and schedule: an action firing always is a note, not listed here (the checks page shows it).
      ...(report.outcomes?.findings ?? []).filter((f) => !f.note).map((f) => ({ kind: f.kind as string, message: f.message, label: `${f.of === 'action' ? 'Action' : 'Schedule'} ${outcomeNames(report, f)}` })),
    ];
    if (findings.length === 0) return html`<p class="good">No gaps, overlaps or unreachable rules; every action and schedule entry can fire, and no two entries for one activity fire together.</p>`;
    const changed = analysis.changed;
    return html`${changed.length ? html`<p>New or changed since version ${version}:</p>
        <ul class="changed-findings">${changed.map((f) => html`<li><strong>${f.change === 'introduced' ? 'New' : 'Changed'}</strong> — ${f.words}</li>`)}</ul>`
      : html`<p class="good">No finding is new or changed since version ${version}.</p>`}
      <details><summary>All ${findings.length} finding${findings.length === 1 ? '' : 's'} of the draft</summary>
        <ul>${findings.map((f) => html`<li><strong>${f.label}</strong>: ${FINDING_WORDS[f.kind] ?? f.kind}. ${f.message}</li>`)}</ul></details>`;
  }

  private async _publish(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    this._busy = true;
    try {
      const v = await api.publish(this.council, {
        note: String(form.get('note') ?? ''),
        ...(form.get('version') ? { version: String(form.get('version')) } : {}),
        effectiveFrom: String(form.get('effectiveFrom') ?? ''),
        ...(form.get('confirmPast') === 'on' ? { confirmPastDate: true } : {}),
        acknowledgeFindings: form.get('ack') === 'on',
      });
      this._result = { kind: 'good', text: `Published version ${v.version}, in force from ${longDate(v.effectiveFrom)}.` };
      location.hash = href({ page: 'versions', council: this.council });
    } catch (error) {
      const details = error instanceof ApiError ? error.details.map((d) => d.message) : [];
      this._pastListed = error instanceof ApiError && error.code === 'past-in-force-date';
      this._result = { kind: 'bad', text: `Not published: ${errorText(error)}`, details };
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-publish': QafPublish;
  }
}
customElements.define('qaf-publish', QafPublish);
