import { describe, expect, it } from 'vitest';
import { whatIfDifferenceWords } from './what-if-differences.js';

describe('whatIfDifferenceWords', () => {
  it('reads the headline first, then each band as before → after, then actions added and removed', () => {
    expect(whatIfDifferenceWords([
      { kind: 'actions', explanation: 'Actions: …', before: [{ label: 'Action plan', due: '2025-03-01' }, { label: 'Monitoring visit' }], after: [{ label: 'Monitoring visit' }, { label: 'Improvement notice', due: '2025-02-01' }] },
      { kind: 'decision', id: 'domainRating.safe', explanation: 'Safeguarding and safety, Domain rating: Silver -> Bronze', before: 'Silver', after: 'Bronze' },
      { kind: 'headline', id: 'overallRating', explanation: 'Overall rating: Gold -> Silver', before: 'Gold', after: 'Silver' },
    ])).toEqual([
      'Overall rating: Gold → Silver',
      'Safeguarding and safety, Domain rating: Silver → Bronze',
      'Actions added: Improvement notice (due 1 February 2025); removed: Action plan (due 1 March 2025)',
    ]);
  });

  it('says when a schedule differs only in order, and a score by its before and after', () => {
    expect(whatIfDifferenceWords([
      { kind: 'score', id: 'points', explanation: 'Score points: 41 -> 38', before: 41, after: 38 },
      { kind: 'schedule', explanation: '', before: [{ label: 'Visit', nextDue: '2026-01-01' }, { label: 'Review' }], after: [{ label: 'Review' }, { label: 'Visit', nextDue: '2026-01-01' }] },
    ])).toEqual(['Schedule the same, in another order', 'Score points: 41 → 38']);
  });
});
