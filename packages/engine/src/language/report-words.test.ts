import { describe, expect, it } from 'vitest';
import {
  bandHeadingWords, bandUpWords, challengeWords, criterionNeededWords, nextVisitWords, otherReasonWords, ratingHeadingWords, reportStatusWords, reviewerWords,
} from './report-words.js';

describe("the provider report's words (the page's and the PDF's)", () => {
  it("says where the report stands and who signed the visit off, dates the UK way", () => {
    expect(reportStatusWords('draft')).toBe('Draft report, not yet shared with the provider');
    expect(reportStatusWords('shared', '2025-03-05')).toBe('Draft report, shared with the provider on 5 March 2025 for factual-accuracy comments');
    expect(reportStatusWords('final', '2025-03-05')).toBe('Final report');
    expect(reviewerWords('Rita Reviewer', '2025-04-11')).toBe('Rita Reviewer, signed off on 11 April 2025');
    expect(reviewerWords('Rita Reviewer')).toBe('Rita Reviewer');
    expect([reviewerWords(null), reviewerWords(undefined, '2025-04-11')]).toEqual(['Not signed off', 'Not signed off']);
  });

  it('heads the rating with its value, proposed while a person decides, and never "null" before', () => {
    expect(ratingHeadingWords({ label: 'Overall rating', value: 'Bronze', pending: false })).toBe('Overall rating: Bronze');
    expect(ratingHeadingWords({ label: 'Overall rating', value: 'Silver', pending: true })).toBe('Overall rating: Silver (proposed, not yet decided)');
    expect(ratingHeadingWords({ label: 'Overall rating', value: null, pending: true })).toBe('Overall rating: not yet decided');
    expect(bandHeadingWords({ domain: 'Safe', band: 'Silver' }, 'Overall rating')).toBe('Safe: Silver');
    expect(bandHeadingWords({ band: 3 }, 'Provider Quality Rating')).toBe('Provider Quality Rating: 3');
  });

  it('says what kept a band from the next one up, or why nothing is listed', () => {
    const band = { nextBand: 'Gold', criteria: [] as unknown[], otherReasons: [] as string[] };
    expect(bandUpWords({ ...band, criteria: [{}] })).toBe('For Gold:');
    expect(bandUpWords({ ...band, otherReasons: ['x'] })).toBe('For Gold:');
    expect(bandUpWords(band)).toBe('Nothing recorded kept it from Gold.');
    expect(bandUpWords({ ...band, givenBy: 'The most recent rating' })).toBe('How it was decided: The most recent rating.');
    expect(bandUpWords({ criteria: [], otherReasons: [] })).toBe('This is the best band.');
    expect(bandUpWords({ noBand: true, criteria: [], otherReasons: [] })).toBe('No band is given yet, so there is no band up to reach.');
    expect(criterionNeededWords({ judgement: 'Partly met', needed: 'Fully met' })).toBe('judged Partly met; Fully met needed');
    expect(criterionNeededWords({ judgement: null, needed: 'Fully met' })).toBe('judged not judged; Fully met needed');
    expect(otherReasonWords('contract default notice served: not recorded (yes needed)')).toBe('Contract default notice served: not recorded (yes needed)');
  });

  it('says the next visit and the right to challenge, before and after the draft is shared', () => {
    expect(nextVisitWords({ label: 'Annual visit', due: '2026-04-10' })).toBe('Annual visit: due 10 April 2026.');
    expect(nextVisitWords(undefined)).toBe('No visit is scheduled by the framework.');
    const challenge = { days: 14, until: '2025-03-19', why: 'Testshire QAF s6' };
    expect(challengeWords(challenge, 'shared')).toBe('You may comment on the factual accuracy of any finding until 19 March 2025 (14 days from sharing). Testshire QAF s6.');
    expect(challengeWords(challenge, 'draft')).toBe('Once the draft is shared, the provider may comment on the factual accuracy of any finding for 14 days. Testshire QAF s6.');
  });
});
