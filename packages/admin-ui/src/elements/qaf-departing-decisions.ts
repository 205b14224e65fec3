import { LitElement, html, nothing } from 'lit';
import type { Pack } from '@openqaf/engine';
import { api } from '../api/api-client.js';
import { ApiError, errorText } from '../api/api-error.js';
import type { TimelineEntry } from '../api/api-types.js';
import { decisionErrors } from '../api/decision-errors.js';
import { longDate } from '../format/long-date.js';
import { frameworkNowWords, reasonMissingSentence, recordedAndNowWords, valueWords, decisionInstanceWords } from '@openqaf/engine/browser';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';

type Taken = NonNullable<TimelineEntry['decidedBy']>[string];

/**
 * Where a determination stands for its provider: `current` (the provider's current rating, the one
 * the work queue asks about), `awaiting-sign-off` (its visit record is not signed off: asked about
 * once it is, if it is then current), `earlier` (a later determination is current: history only).
 */
export type DeterminationStanding = 'current' | 'awaiting-sign-off' | 'earlier';

/** A decision without a reason: the determination that carries it, the decision as it records it, and where that determination stands. */
export interface DepartingDecision {
  entry: TimelineEntry;
  /** The decision instance id (`overallRating`, `domainRating.safe`). */
  id: string;
  taken: Taken;
  standing: DeterminationStanding;
}

/**
 * The decisions of a provider's timeline recorded earlier without a reason that now depart from the
 * proposal (`departsWithoutReason`), on the determinations that stand: one a later decision answered
 * carries it on to that later one, so only the latest is listed. `current` is the assessment of the
 * provider's current determination (the provider's `latest`, as the work queue reads it): only a
 * decision on it is asked about; one on an earlier determination is history.
 */
export function departingDecisions(timeline: readonly TimelineEntry[], current?: string): DepartingDecision[] {
  return timeline.filter((e) => !e.answeredBy).flatMap((entry) => {
    const standing: DeterminationStanding = entry.provisional ? 'awaiting-sign-off' : entry.assessmentId === current ? 'current' : 'earlier';
    return Object.entries(entry.decidedBy ?? {}).filter(([, taken]) => taken.departsWithoutReason).map(([id, taken]) => ({ entry, id, taken, standing }));
  });
}

/**
 * The decisions on a provider's page that a quality officer must act on: each one, on the provider's
 * current determination (`current`, the assessment id the work queue asks about too), recorded earlier
 * without a reason that the framework, determining the assessment again (a later version in force),
 * now departs from ("The team manager's decision departs from the proposal and has no reason: add
 * one."), or, under a version that always requires a reason, agrees with but has no reason for
 * (the engine's `reasonMissingSentence` says which: the same words as the work queue's), with what was recorded, what is proposed now, by when, and where the pack says so. Those
 * who may record decisions (`can-record`) add the reason here: the same decision recorded again on
 * that determination with its reason, which the server stores as the provider's next determination;
 * `reason-added` then fires (detail: the new assessment's id) for the page to reload its timeline.
 * What the server refuses is shown at the reason (by its JSON pointer) or above the form. Those on
 * earlier determinations, which a later one has replaced as the provider's rating, are listed as
 * history, with nothing to do.
 */
export class QafDepartingDecisions extends LitElement {
  static override properties = { council: {}, current: {}, timeline: { attribute: false }, pack: { attribute: false }, canRecord: { type: Boolean, attribute: 'can-record' }, today: {}, _errors: { state: true }, _sending: { state: true } };
  static override styles = [sharedStyles];
  declare council: string;
  /** The assessment id of the provider's current determination (the provider's `latest`); none when it has none. */
  declare current: string | undefined;
  declare timeline: readonly TimelineEntry[];
  /** The pack whose words name the decisions; the ids are shown without it. */
  declare pack: Pack | undefined;
  declare canRecord: boolean;
  /** Today (YYYY-MM-DD), to mark a confirmation overdue; the browser's date unless set. */
  declare today: string;
  /** What is wrong, by decision key (`<assessment>/<decision>`): at the reason, or above the form. */
  declare _errors: Record<string, { reason?: string; other?: string }>;
  declare _sending: string;

  constructor() {
    super();
    this.timeline = [];
    this.canRecord = false;
    this.today = new Date().toISOString().slice(0, 10);
    this._errors = {};
    this._sending = '';
  }

  private async _add(e: SubmitEvent, d: DepartingDecision) {
    e.preventDefault();
    const key = `${d.entry.assessmentId}/${d.id}`;
    const field = (e.target as HTMLFormElement).elements.namedItem('reason') as HTMLTextAreaElement;
    const reason = field.value.trim();
    if (!reason) {
      this._errors = { ...this._errors, [key]: { reason: `Give the reason for ${valueWords(d.taken.value)}: the framework ${frameworkNowWords(d.taken)}.` } };
      field.focus();
      return;
    }
    this._errors = { ...this._errors, [key]: {} };
    this._sending = key;
    try {
      const next = await api.recordDecision(this.council, d.entry.assessmentId, { [d.id]: { value: d.taken.value, reason } });
      this.dispatchEvent(new CustomEvent<string>('reason-added', { detail: next.id, bubbles: true, composed: true }));
    } catch (error) {
      const atField = decisionErrors(error);
      const reasonError = atField[`/decisions/${d.id}/reason`];
      const rest = error instanceof ApiError ? error.details.filter((x) => x.pointer !== `/decisions/${d.id}/reason`).slice(0, 5).map((x) => x.message).join(' ') : '';
      this._errors = { ...this._errors, [key]: { ...(reasonError ? { reason: reasonError } : {}), other: `Not recorded: ${errorText(error)} ${rest}`.trim() } };
    } finally {
      this._sending = '';
    }
  }

  private _item(d: DepartingDecision) {
    const { entry, id, taken } = d;
    const key = `${entry.assessmentId}/${id}`;
    const words = this.pack ? decisionInstanceWords(this.pack, id) : id;
    const errors = this._errors[key] ?? {};
    const fieldId = `reason-${entry.assessmentId}-${id}`;
    const overdue = taken.due !== undefined && taken.due < this.today;
    return html`<section class="notice bad" aria-labelledby=${`${fieldId}-what`} data-departs=${id}>
      <p id=${`${fieldId}-what`}><strong>${words}</strong>: ${reasonMissingSentence(taken)}</p>
      <p>${recordedAndNowWords(taken, `The framework (pack ${entry.packVersion})`)}
        ${taken.due ? html`${overdue ? html`<strong class="bad">Overdue:</strong> the reason was due by ${longDate(taken.due)}.` : html`Add the reason by ${longDate(taken.due)}.`}` : nothing}
        ${taken.source ? html`<span class="muted">(${taken.source})</span>` : nothing}
        <a href=${href({ page: 'determination', council: this.council, assessment: entry.assessmentId })}>The determination of ${longDate(entry.date)}</a></p>
      ${entry.provisional ? html`<p class="muted">Its visit record awaits sign-off: add the reason once it is signed off.</p>`
        : this.canRecord ? html`<form class="no-print" @submit=${(e: SubmitEvent) => this._add(e, d)}>
          ${errors.other ? html`<p class="field-error" role="alert">${errors.other}</p>` : nothing}
          <label for=${fieldId}>Reason for ${valueWords(taken.value)}</label>
          ${errors.reason ? html`<p class="field-error" id=${`${fieldId}-error`}>${errors.reason}</p>` : nothing}
          <textarea id=${fieldId} name="reason" rows="2" required aria-invalid=${errors.reason ? 'true' : nothing} aria-describedby=${errors.reason ? `${fieldId}-error` : nothing}></textarea>
          <button type="submit" ?disabled=${this._sending === key}>Add the reason</button>
        </form>` : html`<p class="muted">A quality officer or council admin adds the reason.</p>`}
    </section>`;
  }

  /** A decision without a reason on an earlier determination: what it was, and that nothing is asked of it. */
  private _earlier(d: DepartingDecision) {
    const words = this.pack ? decisionInstanceWords(this.pack, d.id) : d.id;
    return html`<li data-earlier=${d.id}><strong>${words}</strong>: ${recordedAndNowWords(d.taken, `The framework (pack ${d.entry.packVersion})`)}
      <a href=${href({ page: 'determination', council: this.council, assessment: d.entry.assessmentId })}>The determination of ${longDate(d.entry.date)}</a></li>`;
  }

  override render() {
    const departing = departingDecisions(this.timeline, this.current);
    const asked = departing.filter((d) => d.standing !== 'earlier');
    const earlier = departing.filter((d) => d.standing === 'earlier');
    return html`${asked.length ? html`<h2>Decisions without a reason</h2>${asked.map((d) => this._item(d))}` : nothing}
      ${earlier.length ? html`<details class="earlier"><summary>Decisions without a reason on earlier determinations: history, nothing to do</summary>
        <p class="muted">A later determination is the provider's current one; the work queue asks only about that.</p>
        <ul>${earlier.map((d) => this._earlier(d))}</ul></details>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-departing-decisions': QafDepartingDecisions;
  }
}
customElements.define('qaf-departing-decisions', QafDepartingDecisions);
