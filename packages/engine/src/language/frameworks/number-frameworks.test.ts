import { describe, expect, it } from 'vitest';
import { compilePack } from '../../compile/compile-pack.js';
import { evaluate } from '../../evaluate/evaluate.js';
import { analyse } from '../../analyse/analyse.js';
import { statementScoresPack, weightedQuestionsPack } from './number-frameworks.js';

const STATEMENTS = ['safe-1', 'safe-2', 'safe-3', 'caring-1', 'caring-2', 'caring-3'];
const QUESTIONS = ['q1', 'q2', 'q3', 'q4', 'q5'];

function judged(ids: string[], values: string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id, i) => [id, values[i]!]));
}

describe('a framework that scores statements 1-4 and bands the percentage', () => {
  const compiled = compilePack(statementScoresPack());
  const run = (values: string[]) => evaluate(compiled, { date: '2025-06-01', judgements: judged(STATEMENTS, values), facts: {} }).decisions;

  // Points possible: 6 statements x 4 = 24. Each row is the nearest percentage on each side of a band boundary.
  it.each([
    [['Poor', 'Poor', 'Poor', 'Fair', 'Fair', 'Fair'], 37.5, 'Inadequate'],
    [['Poor', 'Poor', 'Fair', 'Fair', 'Fair', 'Fair'], 41.7, 'Requires improvement'],
    [['Good', 'Good', 'Good', 'Fair', 'Fair', 'Fair'], 62.5, 'Requires improvement'],
    [['Good', 'Good', 'Good', 'Good', 'Fair', 'Fair'], 66.7, 'Good'],
    [['Excellent', 'Excellent', 'Excellent', 'Good', 'Good', 'Good'], 87.5, 'Good'],
    [['Excellent', 'Excellent', 'Excellent', 'Excellent', 'Good', 'Good'], 91.7, 'Outstanding'],
    [['Poor', 'Poor', 'Poor', 'Poor', 'Poor', 'Poor'], 25, 'Inadequate'],
    [['Excellent', 'Excellent', 'Excellent', 'Excellent', 'Excellent', 'Excellent'], 100, 'Outstanding'],
  ])('scores %j as %s per cent, rated %s', (values, percentage, rating) => {
    expect(run(values)).toEqual({ percentage, rating });
  });

  it('is analysed completely: every combination of scores, and the percentage partitioned on the band thresholds', () => {
    const report = analyse(compiled);
    expect(report.complete).toBe(true);
    expect(report.decisions.map((d) => [d.decision, d.exhaustive])).toEqual([['percentage', true], ['rating', true]]);
    expect(report.summary.gap).toBe(0);
    // One number per piece of the partition: below 39, 39, between, 63, between, 88, above 88 (within 0..100).
    const rating = report.decisions.find((d) => d.decision === 'rating')!;
    expect(rating.points).toBe(7);
  });
});

describe('a framework that weights its questions and limits the rating', () => {
  const compiled = compilePack(weightedQuestionsPack());
  const run = (values: string[]) => evaluate(compiled, { date: '2025-06-01', judgements: judged(QUESTIONS, values), facts: {} }).decisions;

  // Weights 3, 3, 1, 1, 0.5 (8.5); Met 2, Partly 1, Not met 0: 17 points possible.
  it('weights each answer\'s points by its question\'s weight', () => {
    expect(run(['Met', 'Met', 'Met', 'Met', 'Met'])).toEqual({ weighted: 100, rating: 'Outstanding' });
    expect(run(['Met', 'Met', 'Met', 'Partly', 'Not met'])).toEqual({ weighted: (15 / 17) * 100, rating: 'Outstanding' });
    expect(run(['Met', 'Met', 'Partly', 'Partly', 'Met'])).toEqual({ weighted: (15 / 17) * 100, rating: 'Outstanding' });
    expect(run(['Met', 'Partly', 'Met', 'Met', 'Met'])).toEqual({ weighted: (14 / 17) * 100, rating: 'Good' });
    expect(run(['Partly', 'Partly', 'Met', 'Met', 'Met'])).toEqual({ weighted: (11 / 17) * 100, rating: 'Good' });
    expect(run(['Partly', 'Partly', 'Partly', 'Met', 'Partly'])).toEqual({ weighted: (9.5 / 17) * 100, rating: 'Requires improvement' });
  });

  it('caps the rating when a safeguarding question is not met, however high the weighted percentage', () => {
    expect(run(['Not met', 'Met', 'Met', 'Met', 'Met'])).toEqual({ weighted: (11 / 17) * 100, rating: 'Requires improvement' });
    expect(run(['Not met', 'Partly', 'Partly', 'Partly', 'Partly'])).toEqual({ weighted: (5.5 / 17) * 100, rating: 'Inadequate' });
  });

  it('is analysed completely, weighted questions kept apart from unweighted ones', () => {
    const report = analyse(compiled);
    expect(report.complete).toBe(true);
    expect(report.summary.gap).toBe(0);
    expect(report.decisions.find((d) => d.decision === 'weighted')!.dimensions.length).toBe(3);
  });
});
