import { Task, TaskStatus } from '@lit/task';
import { longDate } from '../format/long-date.js';
import { counted } from '../format/count-words.js';
import { LitElement, css, html, nothing } from 'lit';
import type { PackCase } from '@openqaf/engine';
import { api } from '../api/api-client.js';
import { errorText } from '../api/api-error.js';
import type { AnalysisRun, CaseResult, CaseRun } from '../api/api-types.js';
import { DraftController } from '../controllers/draft-controller.js';
import { applyCaseEdit } from '../pack/case-edits.js';
import { draftMessage } from './draft-message.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import type { CaseEditRequest } from './qaf-case-editor.js';
import type { CaseFilter } from './qaf-case-list.js';
import './qaf-case-list.js';
import './qaf-status.js';
import './qaf-thresholds-tested.js';

/** Plain words for each kind of analysis finding. */
export const FINDING_WORDS: Record<string, string> = {
  gap: 'Gap: no rule applies and there is no fallback',
  'fallback-only': 'Decided only by the fallback',
  'interpretation-only': 'Decided only by an interpretation',
  overlap: 'Overlap: more than one rule applies where only one may',
  masked: 'Never used: a rule above it always applies first',
  unreachable: 'Never reachable',
  cycle: 'Decisions depend on each other in a loop',
  'never-fires': 'Never fires: no inputs meet its condition',
  'always-fires': 'Note: fires whatever the inputs',
  'conflicting-schedule': 'Two schedule entries for one activity fire together',
};

type OutcomeFindingOf = NonNullable<AnalysisRun['report']['outcomes']>['findings'][number];

/** An outcome finding's action(s) or schedule entries by their labels, as the pack names them. */
export function outcomeNames(r: AnalysisRun['report'], f: OutcomeFindingOf): string {
  const labels = new Map((r.outcomes?.outcomes ?? []).map((o) => [`${o.of}:${o.outcome}`, o.label]));
  return f.outcome.split(' + ').map((id) => `“${labels.get(`${f.of}:${id}`) ?? id}”`).join(' and ');
}

/** A case run with each case as it was when run, so later edits show as "changed since". */
interface CaseRunWithSnapshot {
  run: CaseRun;
  results: Record<string, CaseResult>;
  snapshot: Record<string, string>;
}

/** The last case run per council, kept while the app is open, so leaving the page and coming back keeps it. */
const lastRuns = new Map<string, CaseRunWithSnapshot>();

/**
 * The draft's worked cases and analysis: every case in plain words with its last result,
 * structured editing of a case (its assessment and what the document expects), copying and
 * deleting cases, running the cases and the analysis on the saved draft, and which sides of
 * each threshold the cases test (`qaf-thresholds-tested`). Edits go into
 * the draft like other structured edits and are saved with If-Match.
 */
export class QafChecks extends LitElement {
  static override properties = { council: {}, canEdit: { type: Boolean, attribute: 'can-edit' }, _editing: { state: true }, _typedProblems: { state: true }, _show: { state: true }, _lastRun: { state: true }, _announce: { state: true } };
  static override styles = [
    sharedStyles,
    css`.finding { margin: 0.4rem 0 0.8rem; } .finding ul { margin: 0.2rem 0; }
      .bar { position: sticky; top: 0; background: #fff; z-index: 2; padding: 0.5rem 0; border-bottom: 2px solid #0b0c0c; }`,
  ];
  declare council: string;
  declare canEdit: boolean;
  declare private _editing: number;
  declare private _typedProblems: Set<string>;
  declare private _show: CaseFilter;
  declare private _lastRun: CaseRunWithSnapshot | undefined;
  /** What the last copy or deletion did, for screen readers and everyone else. */
  declare private _announce: string;
  private readonly _draft = new DraftController(this, api);

  private _cases = new Task(this, {
    task: async ([c], { signal }): Promise<CaseRunWithSnapshot> => {
      await this._saveFirst();
      const snapshot = Object.fromEntries((this._draft.pack?.cases ?? []).map((x: PackCase) => [x.id, JSON.stringify(x)]));
      const run = await api.runCases(c, signal);
      return { run, snapshot, results: Object.fromEntries(run.results.map((r) => [r.id, r])) };
    },
    args: () => [this.council] as const,
    autoRun: false,
    onComplete: (r) => {
      lastRuns.set(this.council, r);
      this._lastRun = r;
      this._show = r.run.failed > 0 ? 'failing' : 'all';
    },
  });

  private _analysis = new Task(this, {
    task: async ([c], { signal }) => {
      await this._saveFirst();
      // As the user waits for it: from asking to the answer, in this browser.
      const started = performance.now();
      const run = await api.analyse(c, signal);
      return { run, ms: Math.round(performance.now() - started) };
    },
    args: () => [this.council] as const,
    autoRun: false,
  });

  constructor() {
    super();
    this.canEdit = false;
    this._editing = -1;
    this._typedProblems = new Set();
    this._show = 'all';
    this._announce = '';
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('council') && this.council) {
      void this._draft.load(this.council);
      this._lastRun = lastRuns.get(this.council);
      this._show = this._lastRun?.run.failed ? 'failing' : 'all';
    }
  }

  /** Runs on the saved draft: unsaved case edits are saved first (a refused save stops the run). */
  private async _saveFirst(): Promise<void> {
    if (!this._draft.dirty) return;
    if (!(await this._draft.save())) throw new Error(`Your changes could not be saved, so nothing was run. ${this._draft.message?.text ?? ''}`.trim());
  }

  override render() {
    const d = this._draft;
    if (d.state === 'loading') return html`<qaf-status kind="loading" message="Loading the draft…"></qaf-status>`;
    if (d.state === 'error') return html`<qaf-status kind="error" message=${d.error}></qaf-status>`;
    const typed = this._typedProblems.size > 0;
    const run = this._lastRun;
    return html`
      ${draftMessage(d)}
      <div class="bar row">
        ${this.canEdit ? html`<button class="secondary" ?disabled=${!d.dirty || d.saving || typed} @click=${() => d.save()}>${d.saving ? 'Saving…' : 'Save draft'}</button>` : nothing}
        <button ?disabled=${typed || d.saving} @click=${() => this._cases.run()}>Run the pack's cases</button>
        <button class="secondary" ?disabled=${typed || d.saving} @click=${() => this._analysis.run()}>Run the analysis</button>
        <span class="muted" role="status">${d.dirty ? 'Unsaved changes: running saves them first' : `Draft revision ${d.revision}`}${!d.checked ? ' · checking…' : d.problems.length ? html` · <span class="bad">${counted(d.problems.length, 'problem')} in the pack</span>` : ' · valid'}</span>
      </div>
      ${this._announce ? html`<p class="notice" role="status">${this._announce}</p>` : nothing}
      ${typed ? html`<p class="notice bad" role="alert">Fix the highlighted ${this._typedProblems.size === 1 ? 'field' : 'fields'} before saving or running.</p>` : nothing}
      <p>The cases are worked examples from the council's documents. Checks run on the saved draft; ${this.canEdit ? 'open a case to change it without JSON.' : "only the council's admins can change cases."}</p>
      <h2>Cases</h2>
      ${this._cases.status === TaskStatus.INITIAL ? (run ? this._caseSummary(run.run) : html`<p class="muted">Not run yet.</p>`) : renderTask(this._cases, (r) => this._caseSummary(r.run), 'Running the cases…')}
      <qaf-case-list .pack=${d.pack} .results=${run?.results ?? {}} .snapshot=${run?.snapshot ?? {}} .editing=${this._editing} ?can-edit=${this.canEdit}
        .problems=${d.problems} .show=${this._show} @case-open=${(e: CustomEvent<{ index: number }>) => this._open(e.detail.index)}
        @case-close=${() => this._open(-1)} @case-edit=${this._onEdit} @case-accept=${this._onAccept}></qaf-case-list>
      <h2>Analysis</h2>
      ${this._analysis.status === TaskStatus.INITIAL ? html`<p class="muted">Not run yet.</p>` : renderTask(this._analysis, (r) => this._findings(r.run, r.ms), 'Analysing the draft…')}
      <qaf-thresholds-tested council=${this.council} .pack=${d.pack} .saveFirst=${() => this._saveFirst()} @case-open-id=${this._onOpenCase}></qaf-thresholds-tested>`;
  }

  private _caseSummary(r: CaseRun) {
    return html`<p class="notice ${r.failed ? 'bad' : 'good'}" role="status">Last run, on draft revision ${r.revision}: <strong>${r.passed} passed, ${r.failed} failed</strong>.
      ${r.failed ? 'The failing cases are listed below: open one to see what differed and, if the document now says otherwise, change what it expects.' : ''}</p>`;
  }

  private async _open(index: number) {
    const closing = this._editing;
    this._forgetTyped(closing);
    this._editing = index;
    await this.updateComplete;
    const list = this.renderRoot.querySelector('qaf-case-list');
    await list?.updateComplete;
    if (index >= 0) {
      const editor = list?.renderRoot.querySelector('qaf-case-editor');
      await editor?.updateComplete;
      editor?.focusHeading();
    } else {
      const id = this._draft.pack?.cases?.[closing]?.id;
      if (id !== undefined) list?.renderRoot.querySelector<HTMLButtonElement>(`button[data-case="${CSS.escape(id)}"]`)?.focus();
    }
  }

  /** A case named in "Thresholds tested": opened in the list like its own Edit button does. */
  private _onOpenCase = (e: CustomEvent<{ id: string }>) => {
    const index = (this._draft.pack?.cases ?? []).findIndex((c) => c.id === e.detail.id);
    if (index < 0) this._announce = `The case “${e.detail.id}” is no longer in the draft.`;
    else void this._open(index);
  };

  private _forgetTyped(index: number) {
    if (index < 0) return;
    this._typedProblems = new Set([...this._typedProblems].filter((p) => !p.startsWith(`/cases/${index}/`)));
  }

  private _onEdit(e: CustomEvent<CaseEditRequest>) {
    const { pointer, edit, problem } = e.detail;
    const typed = new Set(this._typedProblems);
    if (problem !== undefined) typed.add(pointer);
    else typed.delete(pointer);
    this._typedProblems = typed;
    if (!edit || !this._draft.content) return;
    const id = this._draft.pack?.cases?.[edit.index]?.id;
    this._draft.update(applyCaseEdit(this._draft.content, edit));
    this._announce = edit.kind === 'copy' ? `Copied “${id}” as “${edit.id}”. Save the draft to keep it.` : edit.kind === 'delete' ? `Deleted the case “${id}”. Save the draft to make it final.` : this._announce;
    if (edit.kind === 'copy') {
      this._typedProblems = new Set([...typed].filter((p) => !p.startsWith('/cases/')));
      void this._open(edit.index + 1);
    }
    if (edit.kind === 'delete') {
      this._typedProblems = new Set([...typed].filter((p) => !p.startsWith('/cases/')));
      this._editing = -1;
      void this._focusFind();
    }
  }

  /**
   * Accepts the reviewed new results of failing cases on the server (never automatically),
   * then reloads the draft and runs the cases again so the list shows them passing.
   */
  private async _onAccept(e: CustomEvent<{ ids: string[] }>) {
    const d = this._draft;
    if (d.dirty || !d.etag) {
      this._announce = 'Save the draft (and run the cases again) before accepting results.';
      return;
    }
    try {
      const reply = await api.acceptCases(this.council, { cases: e.detail.ids }, d.etag);
      this._announce = `Accepted the new result of ${reply.accepted.length === 1 ? `case “${reply.accepted[0]!.id}”` : `${reply.accepted.length} cases`}, recorded as accepted by ${reply.accepted[0]?.accepted?.by ?? 'you'} on ${reply.accepted[0]?.accepted?.on ? longDate(reply.accepted[0].accepted.on) : 'today'}.`;
      await d.load(this.council);
      this._cases.run();
    } catch (error) {
      this._announce = `Not accepted: ${errorText(error)}`;
    }
  }

  private async _focusFind() {
    await this.updateComplete;
    const list = this.renderRoot.querySelector('qaf-case-list');
    await list?.updateComplete;
    list?.renderRoot.querySelector<HTMLElement>('#find')?.focus();
  }

  private _findings(r: AnalysisRun, ms: number) {
    const withFindings = r.report.decisions.filter((d) => d.findings.length > 0);
    return html`<p class="notice ${r.findings ? 'bad' : 'good'}" role="status"><strong>${counted(r.findings, 'finding')}</strong> in ${counted(r.report.decisions.length, 'decision')}${r.report.complete ? ', every input combination checked' : '; some decisions were sampled, not fully enumerated'}.
      <span class="muted" data-analysed>Analysed in ${ms} ms.</span></p>
      ${this._outcomeFindings(r)}
      ${withFindings.map((d) => html`<h3>${d.label} <span class="muted">(${d.decision})</span></h3>
        ${d.exhaustive ? nothing : html`<p class="muted">Sampled: ${d.notes.join(' ')}</p>`}
        ${d.findings.map((f) => html`<div class="finding"><strong>${FINDING_WORDS[f.kind] ?? f.kind}</strong>${f.rule ? html` — rule <em>${f.rule}</em>` : nothing}
          <div>${f.message}</div>
          ${this._inputs(f)}</div>`)}`)}`;
  }

  /** A finding's inputs: what varies among them (when they form a block), then the simplest first. */
  private _inputs(f: { examples: { inputs: string; count: number }[]; more: number; varies?: string }) {
    return html`${f.varies ? html`<p class="muted" data-varies>${f.varies.charAt(0).toUpperCase()}${f.varies.slice(1)}.</p>` : nothing}
      ${f.examples.length ? html`<ul>${f.examples.map((e) => html`<li>${e.inputs} <span class="muted">(${counted(e.count, 'combination')})</span></li>`)}
        ${f.more ? html`<li class="muted">and ${f.more} more</li>` : nothing}</ul>` : nothing}`;
  }

  /** The actions and schedule: entries that never fire, that fire always (a note), two entries of one activity firing together. */
  private _outcomeFindings(r: AnalysisRun) {
    const o = r.report.outcomes;
    if (!o) return nothing;
    return html`<h3 id="outcome-findings">Actions and schedule <span class="muted">(${counted(o.outcomes.length, 'action or schedule entry', 'actions and schedule entries')}${o.exhaustive ? '' : '; some sampled'})</span></h3>
      ${o.findings.length === 0 ? html`<p class="good">Every action and schedule entry can fire, none fires whatever the inputs, and no two entries for one activity fire together.</p>` : nothing}
      ${o.findings.map((f) => html`<div class="finding ${f.note ? 'note' : ''}"><strong>${FINDING_WORDS[f.kind] ?? f.kind}</strong> — ${f.of === 'action' ? 'action' : 'schedule'} ${outcomeNames(r.report, f)}
        <div>${f.message}</div>
        ${this._inputs(f)}</div>`)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-checks': QafChecks;
  }
}
customElements.define('qaf-checks', QafChecks);
