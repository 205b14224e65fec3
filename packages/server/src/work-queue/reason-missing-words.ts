import type { Determination } from '@openqaf/engine';

/** A decision a determination records (`decidedBy`), as the work queue reads it. */
type Taken = NonNullable<Determination['decidedBy']>[string];

/** A value as the queue writes it: text as it is, anything else as JSON. */
export function valueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * The work queue's words for a decision recorded earlier without a reason that a later version,
 * determining the assessment again, asks the reason of (`departsWithoutReason`). A person's decision
 * answers the pack's proposal, so the new proposal is named as such; an officer's override is no
 * proposal's answer (the officer departed from the value the framework gives), so it reads as the
 * override it is, against the value the framework now gives.
 * @example reasonMissingWords('Overall rating', { kind: 'decision', value: 'Silver', by: 'Team Manager', at: '2027-01-05', computed: 'Bronze' })
 * // 'Confirm Overall rating with a reason (recorded: Silver by Team Manager on 2027-01-05, without a reason; now proposed: Bronze)'
 * @example reasonMissingWords('Overall rating', { kind: 'override', value: 'Bronze', by: 'A. Officer', at: '2027-01-05', computed: 'Silver' })
 * // 'Give the reason for the override of Overall rating (overridden to Bronze by A. Officer on 2027-01-05, without a reason; the framework gives Silver)'
 */
export function reasonMissingWords(decision: string, taken: Pick<Taken, 'kind' | 'value' | 'by' | 'at' | 'computed'>): string {
  if (taken.kind === 'override') {
    return `Give the reason for the override of ${decision} (overridden to ${valueText(taken.value)} by ${taken.by} on ${taken.at}, without a reason; the framework gives ${valueText(taken.computed)})`;
  }
  return `Confirm ${decision} with a reason (recorded: ${valueText(taken.value)} by ${taken.by} on ${taken.at}, without a reason; now proposed: ${valueText(taken.computed)})`;
}
