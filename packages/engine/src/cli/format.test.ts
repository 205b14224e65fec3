import { describe, expect, it } from 'vitest';
import type { Determination } from '../types.js';
import type { AnalysisReport } from '../analyse/analyse.js';
import { formatAnalysis, formatDetermination } from './format.js';

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
