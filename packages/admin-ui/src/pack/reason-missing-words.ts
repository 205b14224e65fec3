import type { Determination } from '@openqaf/engine';
import { reasonMissingWords } from '@openqaf/engine/browser';
import { longDate } from '../format/long-date.js';

/** A decision a determination records (`decidedBy`): a person's decision or an officer's override. */
export type TakenDecision = NonNullable<Determination['decidedBy']>[string];

/** A value in words: text as it is, anything else as JSON. */
export function valueWords(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * What the framework now says of a decision recorded without a reason: a person's decision answered
 * the pack's proposal, so the new proposal ("now proposes Bronze"); an officer's override answered no
 * proposal (the officer departed from the value the rules give), so that value ("gives Bronze").
 */
export function frameworkNowWords(taken: Pick<TakenDecision, 'kind' | 'computed'>): string {
  return taken.kind === 'override' ? `gives ${valueWords(taken.computed)}` : `now proposes ${valueWords(taken.computed)}`;
}

/**
 * Whose decision it is, as it starts a sentence: "The team manager's decision", "The commissioners'
 * decision"; "The decision of …" where the role's words would not take a possessive (a comma or a
 * bracket in them: "The decision of the Quality Assurance Team, with the provider,").
 */
export function whoseDecisionWords(roleLabel: string | undefined): string {
  const who = roleLabel?.trim();
  if (!who) return 'The recorded decision';
  const phrase = /[,(]/.test(who) ? `the decision of ${who}${who.includes(',') ? ',' : ''}` : `${who}${who.endsWith('s') ? "'" : "'s"} decision`;
  return phrase[0]!.toUpperCase() + phrase.slice(1);
}

/**
 * What is wrong, as a sentence: "The team manager's decision departs from the proposal and has no
 * reason: add one." (or, under a version that always requires a reason, "… agrees with the proposal
 * but has no reason, which the framework requires: add one.", the engine's `reasonMissingWords`);
 * for an override, "The officer's override of the framework's value has no reason: add one."
 */
export function departsWithoutReasonWords(taken: Pick<TakenDecision, 'kind' | 'roleLabel' | 'value' | 'computed'>): string {
  if (taken.kind === 'override') return "The officer's override of the framework's value has no reason: add one.";
  return `${whoseDecisionWords(taken.roleLabel)} ${reasonMissingWords(taken)}: add one.`;
}

/**
 * What was recorded, without a reason: "Recorded: Silver, by Team Manager on 5 January 2027, without
 * a reason."; for an override, "Overridden to Bronze by A. Officer on 5 January 2027, without a reason."
 */
export function recordedWithoutReasonWords(taken: Pick<TakenDecision, 'kind' | 'value' | 'by' | 'at'>): string {
  return taken.kind === 'override'
    ? `Overridden to ${valueWords(taken.value)} by ${taken.by} on ${longDate(taken.at)}, without a reason.`
    : `Recorded: ${valueWords(taken.value)}, by ${taken.by} on ${longDate(taken.at)}, without a reason.`;
}
