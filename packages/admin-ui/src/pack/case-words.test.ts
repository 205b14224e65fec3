import { validatePack } from '@openqaf/engine/browser';
import { describe, expect, it } from 'vitest';
import { actualSummary, expectationSummary, failureWords, inputSummary } from './case-words.js';
import { casePack, determination } from './case-pack.test-helpers.js';

describe('a case in plain words', () => {
  const pack = casePack();
  const [silver, bronze, refused] = pack.cases!;

  it('uses a pack the engine accepts', () => {
    expect(validatePack(pack).errors).toEqual([]);
  });

  it('sums up the assessment: the date (written one way), the fill and its exceptions, and each fact by its title', () => {
    expect(inputSummary(pack, silver!)).toEqual(['Visit on 1 March 2025', 'Every criterion Fully met', 'Except Partly met: s-03', 'CQC rating: Good']);
    expect(inputSummary(pack, { ...refused!, asOf: '2025-06-01' })).toEqual(['Visit on 1 March 2025, judged as of 1 June 2025', 'No criterion judged']);
    // A fact reads by the input's title in the pack, never by a name made from its id.
    const titled = { ...pack, inputs: { ...pack.inputs, properties: { ...(pack.inputs?.properties ?? {}), cqcRating: { type: 'string', title: 'Latest CQC overall rating' } } } } as typeof pack;
    expect(inputSummary(titled, silver!).at(-1)).toBe('Latest CQC overall rating: Good');
  });

  it('names each expectation by its label, not its id', () => {
    expect(expectationSummary(pack, silver!)).toEqual(['Domain rating — Safe: Silver']);
    expect(expectationSummary(pack, bronze!)).toEqual([
      'Headline: Overall rating: Bronze',
      'Action: Submit an Improvement Action Plan, due 8 March 2025',
      'Scheduled: Annual quality monitoring visit',
      'Quality score: 50',
    ]);
    expect(expectationSummary(pack, refused!)).toEqual(['Refused, with a message containing "must be judged"']);
  });

  it('shows what the engine gave for the things the case expects', () => {
    const d = determination({ headline: 'Bronze', decisions: { 'domainRating.safe': 'Bronze' } });
    expect(actualSummary(pack, silver!, d)).toEqual(['Domain rating — Safe: Bronze']);
    expect(actualSummary(pack, bronze!, d)).toEqual(['Headline: Overall rating: Bronze', 'Quality score: 50']);
  });

  it('turns the engine failures into sentences naming the decision, action or visit', () => {
    expect(failureWords(pack, 'decision domainRating.safe: expected "Silver", got "Bronze"')).toBe('Domain rating — Safe: expected Silver, got Bronze');
    expect(failureWords(pack, 'headline: expected "Silver", got "Bronze"')).toBe('Headline: Overall rating: expected Silver, got Bronze');
    expect(failureWords(pack, 'action iap: expected, but not triggered')).toBe('Action "Submit an Improvement Action Plan": expected, but not triggered');
    expect(failureWords(pack, 'schedule annual: expected next due 2026-03-01, got 2026-04-01')).toBe('Schedule "Annual quality monitoring visit": expected next due 1 March 2026, got 1 April 2026');
    expect(failureWords(pack, 'decision visitTypes: expected ["Annual"], got undefined')).toBe('Visits needed: expected [Annual], got no value');
    expect(failureWords(pack, 'evaluation failed: no rule decides "overall"')).toBe('Evaluation failed: no rule decides overall');
  });
});
