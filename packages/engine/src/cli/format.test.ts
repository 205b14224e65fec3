import { describe, expect, it } from 'vitest';
import type { Determination } from '../types.js';
import type { AnalysisReport } from '../analyse/analyse.js';
import { formatAnalysis, formatDetermination } from './format.js';
import { evaluate } from '../evaluate/evaluate.js';
import { weightedQuestionsPack } from '../language/frameworks/number-frameworks.js';

const determination = (extra: Partial<Determination>): Determination => ({
  pack: { id: 'p', version: '1.0.0', hash: 'sha256:0123456789abcdef0123' }, asOf: '2025-04-01', assessmentDate: '2025-04-01',
  headline: { decision: 'overallRating', value: 'Silver', scale: 'band' }, decisions: { overallRating: 'Silver' },
  actions: [], schedule: [], scores: {}, interpretations: [], ...extra,
});

describe('formatDetermination', () => {
  it('prints each warning under the headline with its citation, and nothing for a determination without warnings', () => {
    const out = formatDetermination(determination({ warnings: [{ id: 'old', message: 'The strategy is past its review date', citation: '004 front' }] })).split('\n');
    const at = out.indexOf('Headline: overallRating = Silver');
    expect(out[at + 1]).toBe('WARNING: The strategy is past its review date  [004 front]');
    expect(formatDetermination(determination({}))).not.toContain('WARNING');
  });
});

describe('formatDetermination --explain for a band of a weighted percentage', () => {
  it('says the number banded, the points behind it, the next band\'s threshold and the question to raise', () => {
    // By hand from the fixture: q1, q2 weight 3, q3, q4 weight 1, q5 weight 0.5; Met 2, Partly 1, Not met 0; 17 points possible.
    // Met, Partly, Met, Met, Met: 6 + 3 + 2 + 2 + 1 = 14, 82.35%: Good (63 to below 88). Outstanding needs 88%
    // (14.96 points); the only question below Met is q2, Partly -> Met gaining 3 x 1 = 3, giving 17 (100%).
    const pack = weightedQuestionsPack();
    const d = evaluate(pack, { date: '2025-06-01', judgements: { q1: 'Met', q2: 'Partly', q3: 'Met', q4: 'Met', q5: 'Met' }, facts: {} }, { explain: true });
    const out = formatDetermination(d, pack).split('\n');
    const at = out.indexOf('    FIRED band -> Good  [guide s2]');
    expect(out.slice(at + 1, at + 3)).toEqual([
      '          Weighted percentage was 82.35% (14 of 17 points), in the band Good: Outstanding needs 88% or more',
      "          it would reach Outstanding by raising 'Question q2' from Partly to Met (3 points more, 100%)",
    ]);
  });
});

describe('formatAnalysis', () => {
  it('prints where a masked row sits and where the rows masking it sit', () => {
    const summary = { gap: 0, 'fallback-only': 0, 'interpretation-only': 0, overlap: 0, masked: 1, unreachable: 0, cycle: 0, 'never-fires': 0, 'always-fires': 0, 'conflicting-schedule': 0 };
    const report: AnalysisReport = {
      pack: { id: 'p', version: '1.0.0', hash: 'sha256:0' }, cycles: [], summary, complete: true, millis: 1,
      outcomes: { exhaustive: true, outcomes: [], findings: [], notes: [] },
      decisions: [{ decision: 'score', label: 'Score', hitPolicy: 'first', exhaustive: true, points: 4, combinations: 4, dimensions: [], notes: [], findings: [
        { kind: 'masked', decision: 'score', rule: 'late', message: 'row "late" matches only where the higher-priority rows "a", "b" already decide', count: 0, examples: [], more: 0,
          pointer: '/decisions/score/table/rows/2', maskedBy: ['/decisions/score/table/rows/0', '/decisions/score/table/rows/1'] },
      ] }],
    };
    const out = formatAnalysis(report).split('\n');
    const at = out.indexOf('  MASKED: row "late" matches only where the higher-priority rows "a", "b" already decide');
    expect(out[at + 1]).toBe('    at /decisions/score/table/rows/2; masked by /decisions/score/table/rows/0, /decisions/score/table/rows/1');
    expect(out.at(-1)).toContain('1 masked and 0 unreachable rules or rows');
  });
});
