import { describe, expect, it } from 'vitest';
import { proposalWords } from './human-decision.js';
import {
  frameworkNowWords, reasonAskedWords, reasonMissingSentence, reasonMissingTaskWords, recordedAndNowWords, recordedWithoutReasonWords, toConfirmWords, whoseDecisionWords,
} from './reason-missing-words.js';

// The sentences below are written by hand from what the determination records (docs/evaluation.md,
// "departsWithoutReason"): a person's decision answered a proposal, an override answered none.
const decision = { kind: 'decision', value: 'Silver', by: 'Team Manager', at: '2027-01-05', computed: 'Bronze', roleLabel: 'the team manager', due: '2027-01-18' } as const;
const agreeing = { ...decision, value: 'Bronze' } as const;
const override = { kind: 'override', value: 'Bronze', by: 'A. Officer', at: '2027-01-05T09:30:00Z', computed: 'Silver', roleLabel: 'the officer' } as const;

describe('whoseDecisionWords', () => {
  it("names whose decision it is as a sentence starts, the role's words kept", () => {
    expect(whoseDecisionWords('the team manager')).toBe("The team manager's decision");
    expect(whoseDecisionWords('the Council')).toBe("The Council's decision");
    expect(whoseDecisionWords('the commissioners')).toBe("The commissioners' decision");
    // Bolton's and Herefordshire's role words would not take a possessive.
    expect(whoseDecisionWords('the Quality Assurance Team, with the provider')).toBe('The decision of the Quality Assurance Team, with the provider,');
    expect(whoseDecisionWords('the commissioners (Herefordshire Council and/or HCCG)')).toBe('The decision of the commissioners (Herefordshire Council and/or HCCG)');
    expect(whoseDecisionWords(undefined)).toBe('The recorded decision');
    expect(whoseDecisionWords('  ')).toBe('The recorded decision');
  });
});

describe("a person's decision recorded earlier without the reason a later version requires", () => {
  it('reads as departing from the new proposal', () => {
    expect(reasonMissingSentence(decision)).toBe("The team manager's decision departs from the proposal and has no reason: add one.");
    expect(recordedWithoutReasonWords(decision)).toBe('Recorded: Silver, by Team Manager on 5 January 2027, without a reason.');
    expect(frameworkNowWords(decision)).toBe('now proposes Bronze');
    expect(recordedAndNowWords(decision, 'The framework (pack 2.1.0)')).toBe('Recorded: Silver, by Team Manager on 5 January 2027, without a reason. The framework (pack 2.1.0) now proposes Bronze.');
  });

  it('reads as agreeing with the proposal where it does, under a version that always requires a reason', () => {
    expect(reasonMissingSentence(agreeing)).toBe("The team manager's decision agrees with the proposal but has no reason, which the framework requires: add one.");
  });

  it('asks the role to confirm it with a reason, in the work queue and in a list of decisions to confirm', () => {
    expect(reasonAskedWords('Overall rating', decision)).toBe('Confirm Overall rating with a reason.');
    expect(reasonMissingTaskWords('Overall rating', decision))
      .toBe('Confirm Overall rating with a reason. Recorded: Silver, by Team Manager on 5 January 2027, without a reason. The framework now proposes Bronze.');
    expect(toConfirmWords(decision))
      .toBe('Recorded: Silver, by Team Manager on 5 January 2027, without a reason. The framework now proposes Bronze. Confirm it with a reason. To be confirmed by the team manager, by 18 January 2027.');
    expect(toConfirmWords({ ...decision, due: undefined })).toMatch(/To be confirmed by the team manager\.$/);
    // A recorded time reads as its day.
    expect(toConfirmWords({ kind: 'decision', value: 'Bronze', by: 'A. Officer', at: '2026-03-03T10:15:00Z', computed: 'Silver', roleLabel: 'the team manager', due: '2027-01-12' }))
      .toBe('Recorded: Bronze, by A. Officer on 3 March 2026, without a reason. The framework now proposes Silver. Confirm it with a reason. To be confirmed by the team manager, by 12 January 2027.');
  });

  it('writes dates as it is told to (ISO for a machine field)', () => {
    expect(reasonMissingTaskWords('Overall rating', decision, (iso) => iso)).toContain('on 2027-01-05, without a reason');
  });
});

describe("an officer's override recorded without a reason under a version that did not ask for one", () => {
  it("reads as the override it is: the officer departed from the framework's value, which is no proposal", () => {
    expect(reasonMissingSentence(override)).toBe("The officer's override of the framework's value has no reason: add one.");
    expect(recordedWithoutReasonWords(override)).toBe('Overridden to Bronze by A. Officer on 5 January 2027, without a reason.');
    expect(frameworkNowWords(override)).toBe('gives Silver');
    const task = reasonMissingTaskWords('Overall rating', override);
    expect(task).toBe('Give the reason for the override of Overall rating. Overridden to Bronze by A. Officer on 5 January 2027, without a reason. The framework gives Silver.');
    expect(task).not.toMatch(/propos/);
    expect(toConfirmWords(override)).not.toMatch(/propos|confirmed by/);
    expect(toConfirmWords(override)).toBe('Overridden to Bronze by A. Officer on 5 January 2027, without a reason. The framework gives Silver. Give the reason for the override.');
  });

  it('writes a value that is not text in words', () => {
    expect(recordedWithoutReasonWords({ kind: 'override', value: 42, by: 'A. Officer', at: '2027-01-05' })).toBe('Overridden to 42 by A. Officer on 5 January 2027, without a reason.');
    expect(frameworkNowWords({ kind: 'override', computed: null })).toBe('gives no value');
  });
});

describe('proposalWords writes the proposed value as every other value is written', () => {
  it('says a proposal of no value so', () => {
    expect(proposalWords({ proposed: null, roleLabel: 'the Council' })).toBe('Proposed: no value. To be decided by the Council (no date set by the framework).');
  });
});
