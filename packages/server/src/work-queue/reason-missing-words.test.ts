import { describe, expect, it } from 'vitest';
import { reasonMissingWords } from './reason-missing-words.js';

describe('the work queue asking for a missing reason', () => {
  it("asks a person to confirm their decision against the pack's new proposal", () => {
    expect(reasonMissingWords('Overall rating', { kind: 'decision', value: 'Silver', by: 'Team Manager', at: '2027-01-05', computed: 'Bronze' }))
      .toBe('Confirm Overall rating with a reason (recorded: Silver by Team Manager on 2027-01-05, without a reason; now proposed: Bronze)');
  });

  it('asks the officer for the reason of an override, which departs from the value the framework gives and answers no proposal', () => {
    const words = reasonMissingWords('Overall rating', { kind: 'override', value: 'Bronze', by: 'A. Officer', at: '2027-01-05', computed: 'Silver' });
    expect(words).toBe('Give the reason for the override of Overall rating (overridden to Bronze by A. Officer on 2027-01-05, without a reason; the framework gives Silver)');
    expect(words).not.toMatch(/propos/);
  });

  it('writes a value that is not text as JSON', () => {
    expect(reasonMissingWords('Score', { kind: 'override', value: 42, by: 'A. Officer', at: '2027-01-05', computed: 40 })).toContain('overridden to 42 by A. Officer');
  });
});
