import { describe, expect, it } from 'vitest';
import { departsWithoutReasonWords, frameworkNowWords, recordedWithoutReasonWords, whoseDecisionWords } from './reason-missing-words.js';

describe('whoseDecisionWords', () => {
  it("names whose decision it is as a sentence starts, the role's words kept", () => {
    expect(whoseDecisionWords('the team manager')).toBe("The team manager's decision");
    expect(whoseDecisionWords('the Council')).toBe("The Council's decision");
    expect(whoseDecisionWords('the commissioners')).toBe("The commissioners' decision");
    // Bolton's and Herefordshire's role words would not take a possessive.
    expect(whoseDecisionWords('the Quality Assurance Team, with the provider')).toBe('The decision of the Quality Assurance Team, with the provider,');
    expect(whoseDecisionWords('the commissioners (Herefordshire Council and/or HCCG)')).toBe('The decision of the commissioners (Herefordshire Council and/or HCCG)');
    expect(whoseDecisionWords(undefined)).toBe('The recorded decision');
  });
});

describe("a decision without a reason: a person's decision or an officer's override", () => {
  const decision = { kind: 'decision', value: 'Silver', by: 'Team Manager', at: '2027-01-05', computed: 'Bronze', roleLabel: 'the team manager' } as const;
  const override = { kind: 'override', value: 'Bronze', by: 'A. Officer', at: '2027-01-05T09:30:00Z', computed: 'Silver', roleLabel: 'the officer' } as const;

  it("reads a person's decision as departing from the pack's proposal", () => {
    expect(departsWithoutReasonWords(decision)).toBe("The team manager's decision departs from the proposal and has no reason: add one.");
    expect(recordedWithoutReasonWords(decision)).toBe('Recorded: Silver, by Team Manager on 5 January 2027, without a reason.');
    expect(frameworkNowWords(decision)).toBe('now proposes Bronze');
  });

  it("reads a person's decision that agrees with the proposal, under a version that always requires a reason, as agreeing", () => {
    const agreeing = { ...decision, value: 'Bronze' } as const;
    expect(departsWithoutReasonWords(agreeing)).toBe("The team manager's decision agrees with the proposal but has no reason, which the framework requires: add one.");
  });

  it("reads an officer's override as the override it is: the officer departed from the framework's value, which is no proposal", () => {
    expect(departsWithoutReasonWords(override)).toBe("The officer's override of the framework's value has no reason: add one.");
    expect(recordedWithoutReasonWords(override)).toBe('Overridden to Bronze by A. Officer on 5 January 2027, without a reason.');
    expect(frameworkNowWords(override)).toBe('gives Silver');
  });
});
