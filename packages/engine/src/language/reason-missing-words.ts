import { longDate } from '../dates/long-date.js';
import { reasonMissingWords } from './human-decision.js';
import { valueWords } from './value-words.js';
import type { DeterminationDecidedBy } from '../schema/shapes/determination-decided-by.js';

/**
 * The words an officer reads about a decision a determination marks `departsWithoutReason`: a
 * person's decision recorded earlier without the reason the version it was determined again under
 * requires (when departing from the proposal, or always), or an officer's override recorded without
 * a reason under a version that did not ask for one. The provider's page, the determination page
 * and the work queue all say these sentences (one source, so they cannot drift). A person's decision
 * answered the pack's proposal, so the framework "now proposes" a value; an override answered no
 * proposal (the officer departed from the value the rules give), so the framework "gives" one.
 * Dates are written with `dateWords` (the UK's long date, "5 January 2027", unless given).
 * @see ../../../../docs/evaluation.md
 */
export type ReasonMissing = Pick<DeterminationDecidedBy, 'kind' | 'value' | 'by' | 'at' | 'computed'> & Partial<Pick<DeterminationDecidedBy, 'roleLabel' | 'due'>>;

/**
 * Whose decision it is, as it starts a sentence: "The team manager's decision", "The commissioners'
 * decision"; "The decision of …" where the role's words would not take a possessive (a comma or a
 * bracket in them: "The decision of the Quality Assurance Team, with the provider,").
 * @example whoseDecisionWords('the team manager') // "The team manager's decision"
 */
export function whoseDecisionWords(roleLabel: string | undefined): string {
  const who = roleLabel?.trim();
  if (!who) return 'The recorded decision';
  const phrase = /[,(]/.test(who) ? `the decision of ${who}${who.includes(',') ? ',' : ''}` : `${who}${who.endsWith('s') ? "'" : "'s"} decision`;
  return phrase[0]!.toUpperCase() + phrase.slice(1);
}

/**
 * What is wrong, as a sentence: "The team manager's decision departs from the proposal and has no
 * reason: add one." (under a version that always requires a reason, "… agrees with the proposal but
 * has no reason, which the framework requires: add one.", {@link reasonMissingWords}); for an
 * override, "The officer's override of the framework's value has no reason: add one."
 */
export function reasonMissingSentence(taken: Pick<ReasonMissing, 'kind' | 'roleLabel' | 'value' | 'computed'>): string {
  if (taken.kind === 'override') return "The officer's override of the framework's value has no reason: add one.";
  return `${whoseDecisionWords(taken.roleLabel)} ${reasonMissingWords(taken)}: add one.`;
}

/**
 * What was recorded, without a reason: "Recorded: Silver, by Team Manager on 5 January 2027, without
 * a reason."; for an override, "Overridden to Bronze by A. Officer on 5 January 2027, without a reason."
 */
export function recordedWithoutReasonWords(taken: Pick<ReasonMissing, 'kind' | 'value' | 'by' | 'at'>, dateWords: (iso: string) => string = longDate): string {
  return taken.kind === 'override'
    ? `Overridden to ${valueWords(taken.value)} by ${taken.by} on ${dateWords(taken.at)}, without a reason.`
    : `Recorded: ${valueWords(taken.value)}, by ${taken.by} on ${dateWords(taken.at)}, without a reason.`;
}

/**
 * What the framework now says of it, after "The framework": the new proposal for a person's decision
 * ("now proposes Bronze"), the value the rules give for an override ("gives Silver").
 */
export function frameworkNowWords(taken: Pick<ReasonMissing, 'kind' | 'computed'>): string {
  return taken.kind === 'override' ? `gives ${valueWords(taken.computed)}` : `now proposes ${valueWords(taken.computed)}`;
}

/**
 * What was recorded and what the framework says now, as two sentences: "Recorded: Silver, by Team
 * Manager on 5 January 2027, without a reason. The framework now proposes Bronze." `framework` names
 * the framework where the reader needs its version ("The framework (pack 2.1.0)").
 */
export function recordedAndNowWords(taken: Pick<ReasonMissing, 'kind' | 'value' | 'by' | 'at' | 'computed'>, framework = 'The framework', dateWords: (iso: string) => string = longDate): string {
  return `${recordedWithoutReasonWords(taken, dateWords)} ${framework} ${frameworkNowWords(taken)}.`;
}

/**
 * What is asked, as a sentence naming the decision (`decision`, in the pack's words): "Confirm
 * Overall rating with a reason."; for an override, "Give the reason for the override of Overall rating."
 */
export function reasonAskedWords(decision: string, taken: Pick<ReasonMissing, 'kind'>): string {
  return taken.kind === 'override' ? `Give the reason for the override of ${decision}.` : `Confirm ${decision} with a reason.`;
}

/**
 * The work queue's item: what is asked, then what was recorded and what the framework says now.
 * @example reasonMissingTaskWords('Overall rating', { kind: 'decision', value: 'Silver', by: 'Team Manager', at: '2027-01-05', computed: 'Bronze' })
 * // 'Confirm Overall rating with a reason. Recorded: Silver, by Team Manager on 5 January 2027, without a reason. The framework now proposes Bronze.'
 */
export function reasonMissingTaskWords(decision: string, taken: Pick<ReasonMissing, 'kind' | 'value' | 'by' | 'at' | 'computed'>, dateWords: (iso: string) => string = longDate): string {
  return `${reasonAskedWords(decision, taken)} ${recordedAndNowWords(taken, 'The framework', dateWords)}`;
}

/**
 * A decision to confirm, without its name (a determination's list of them): what was recorded, what
 * the framework says now, and what is asked, of whom and by when: "Recorded: Requires improvement, by
 * A. Officer on 3 March 2026, without a reason. The framework now proposes Good. Confirm it with a
 * reason. To be confirmed by the team manager, by 16 March 2026."; an override, "Overridden to Bronze
 * by A. Officer on 5 January 2027, without a reason. The framework gives Silver. Give the reason for
 * the override." (the framework sets no date for it).
 */
export function toConfirmWords(taken: ReasonMissing, dateWords: (iso: string) => string = longDate): string {
  const what = recordedAndNowWords(taken, 'The framework', dateWords);
  if (taken.kind === 'override') return `${what} Give the reason for the override.`;
  const who = taken.roleLabel ? ` To be confirmed by ${taken.roleLabel}${taken.due ? `, by ${dateWords(taken.due)}` : ''}.` : '';
  return `${what} Confirm it with a reason.${who}`;
}
