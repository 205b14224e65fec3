import { describe, expect, it } from 'vitest';
import type { Determination } from '../types.js';
import { formatDetermination } from './format.js';

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
