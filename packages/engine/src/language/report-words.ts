import { longDate } from '../dates/long-date.js';
import { valueWords } from './value-words.js';

/**
 * The provider report's sentences, one source for the report page (admin UI) and the report's PDF
 * (server), so an officer defending a rating reads, and hands the provider, the same words in both.
 * Each takes the report's own shape (the server's `ProviderReport`), structurally; dates are written
 * with `dateWords` (the UK's long date unless given).
 */

/** Where a report stands: a draft, a draft shared with the provider for comments, or final. */
export type ReportStatusWordsOf = 'draft' | 'shared' | 'final';

/**
 * The words of a report's status, with the day it was shared.
 * @example reportStatusWords('shared', '2025-03-05') // 'Draft report, shared with the provider on 5 March 2025 for factual-accuracy comments'
 */
export function reportStatusWords(status: ReportStatusWordsOf, sharedOn?: string, dateWords: (iso: string) => string = longDate): string {
  if (status === 'final') return 'Final report';
  if (status === 'shared') return `Draft report, shared with the provider on ${dateWords(sharedOn ?? '')} for factual-accuracy comments`;
  return 'Draft report, not yet shared with the provider';
}

/**
 * Who signed the visit record off, and when; "Not signed off" before sign-off (or where none was recorded).
 * @example reviewerWords('Rita Reviewer', '2025-04-11') // 'Rita Reviewer, signed off on 11 April 2025'
 */
export function reviewerWords(reviewer: string | null | undefined, reviewedOn?: string, dateWords: (iso: string) => string = longDate): string {
  if (!reviewer) return 'Not signed off';
  return `${reviewer}${reviewedOn ? `, signed off on ${dateWords(reviewedOn)}` : ''}`;
}

/**
 * The rating as the report's heading: its value, "(proposed, not yet decided)" while a person's
 * decision is awaited, or "not yet decided" where nothing is read until then (`meanwhile: undecided`).
 * @example ratingHeadingWords({ label: 'Overall rating', value: 'Silver', pending: true }) // 'Overall rating: Silver (proposed, not yet decided)'
 */
export function ratingHeadingWords(rating: { label: string; value: unknown; pending?: boolean }): string {
  if (rating.value === null || rating.value === undefined) return `${rating.label}: not yet decided`;
  return `${rating.label}: ${valueWords(rating.value)}${rating.pending ? ' (proposed, not yet decided)' : ''}`;
}

/** One band of the report, as the heading over what kept it from the next one up: "Safe: Silver", or the rating's label for the rating. */
export function bandHeadingWords(band: { domain?: string; band: unknown }, ratingLabel: string): string {
  return `${band.domain ?? ratingLabel}: ${valueWords(band.band)}`;
}

/**
 * What kept a band from the next one up, as the sentence before its list (or the only one): "For
 * Gold:" above the criteria and other conditions; with none listed, "How it was decided: …." (what
 * gave it, in the pack's words) or "Nothing recorded kept it from Gold."; at the best band, "This is
 * the best band."; for a value that is no band (Herefordshire's "Not determined"), "No band is given
 * yet, so there is no band up to reach."
 */
export function bandUpWords(band: { nextBand?: string; noBand?: boolean; givenBy?: string; criteria: readonly unknown[]; otherReasons: readonly unknown[] }): string {
  if (!band.nextBand) return band.noBand ? 'No band is given yet, so there is no band up to reach.' : 'This is the best band.';
  if (band.criteria.length === 0 && band.otherReasons.length === 0) return band.givenBy ? `How it was decided: ${band.givenBy}.` : `Nothing recorded kept it from ${band.nextBand}.`;
  return `For ${band.nextBand}:`;
}

/**
 * A criterion that kept a band from the next one up, after its wording: the judgement recorded and the one needed.
 * @example criterionNeededWords({ judgement: 'Partly met', needed: 'Fully met' }) // 'judged Partly met; Fully met needed'
 */
export function criterionNeededWords(c: { judgement: string | null; needed: string }): string {
  return `judged ${c.judgement ?? 'not judged'}; ${c.needed} needed`;
}

/** Another condition of the next band that was not met, in the explanation's words, as it starts a line. */
export function otherReasonWords(why: string): string {
  return `${why.charAt(0).toUpperCase()}${why.slice(1)}`;
}

/** What the report says where the officer recorded no note on the visit. */
export const NO_OFFICER_NOTE_WORDS = 'The officer recorded the judgements above and no further note.';

/**
 * The next visit the framework schedules, or that it schedules none.
 * @example nextVisitWords({ label: 'Annual visit', due: '2026-04-10' }) // 'Annual visit: due 10 April 2026.'
 */
export function nextVisitWords(next: { label: string; due: string } | undefined, dateWords: (iso: string) => string = longDate): string {
  return next ? `${next.label}: due ${dateWords(next.due)}.` : 'No visit is scheduled by the framework.';
}

/**
 * The provider's right to challenge: before the draft is shared, for how many days it may comment
 * once it is; once shared, until when; then where that number comes from (`why`).
 * @example challengeWords({ days: 14, until: '2025-03-19', why: 'Testshire QAF s6' }, 'shared') // 'You may comment on the factual accuracy of any finding until 19 March 2025 (14 days from sharing). Testshire QAF s6.'
 */
export function challengeWords(challenge: { days: number; until: string; why: string }, status: ReportStatusWordsOf, dateWords: (iso: string) => string = longDate): string {
  const when = status === 'draft'
    ? `Once the draft is shared, the provider may comment on the factual accuracy of any finding for ${challenge.days} days.`
    : `You may comment on the factual accuracy of any finding until ${dateWords(challenge.until)} (${challenge.days} days from sharing).`;
  return `${when} ${challenge.why}.`;
}
