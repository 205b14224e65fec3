import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile/compile-pack.js';
import { validatePack } from '../schema/validate-pack.js';
import type { Pack } from '../types.js';
import { analyse } from './analyse.js';
import { inputSpace } from './input-space.js';
import { borsetshireQuestions } from '../fixtures/borsetshire-questions.js';

const src = { doc: 'mf', section: '2' };

/**
 * Borsetshire's weighted questions (`fixtures/borsetshire-questions.ts`): two safeguarding
 * questions of weight 3, one of weight 2, one unweighted and one of weight 0.5, answered Not met,
 * Partly met or Met; here the score is the weighted count of questions Met, the rating Good from 4.
 */
function weightedPack(): Pack {
  return {
    metadata: { id: 'weighted', council: 'Test Council', title: 'Weighted questions', version: '1.0.0', effectiveFrom: '2026-01-01', documents: ['mf'] },
    sources: { mf: { title: 'Monitoring framework', sections: { 2: 'Questions and weights' } } },
    scales: {
      answer: { label: 'Answer', values: ['Not met', 'Partly met', 'Met'] },
      rating: { label: 'Rating', values: ['Poor', 'Good'] },
    },
    framework: borsetshireQuestions(),
    inputs: { type: 'object', properties: {} },
    decisions: {
      rating: {
        label: 'Rating', scale: 'rating', hitPolicy: 'first',
        rules: [
          { id: 'good', output: 'Good', source: src, when: { fact: 'weightedCount', params: { is: 'Met' }, operator: 'greaterThanInclusive', value: 4 } },
          { id: 'poor', output: 'Poor', source: src, when: { fact: 'weightedCount', params: { is: 'Met' }, operator: 'lessThan', value: 4 } },
        ],
      },
    },
    outcomes: { headline: 'rating' },
  } as unknown as Pack;
}

describe('input space: classes of criteria', () => {
  it('names classes of weighted criteria by their weight, so no two groups read alike', () => {
    const p = weightedPack();
    expect(validatePack(p).errors ?? []).toEqual([]);
    const c = compilePack(p);
    const names = inputSpace(c, c.instances[0]!).map((d) => d.name);
    // One class per weight (the two of weight 3 also share the safeguarding flag), the unweighted question as before.
    expect([...names].sort()).toEqual([
      'other criteria in Monitoring questions (1)',
      'other criteria of weight 0.5 in Monitoring questions (1)',
      'other criteria of weight 2 in Monitoring questions (1)',
      'safeguarding criteria of weight 3 in Monitoring questions (2)',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('reports the weighted classes under those names, exhaustively', () => {
    const r = analyse(compilePack(weightedPack()));
    const rating = r.decisions[0]!;
    expect(rating.exhaustive).toBe(true);
    // 3^5 answers; the two questions of weight 3 are one class of 2: C(4,2) = 6 count vectors, times 3^3.
    expect(rating.combinations).toBe(243);
    expect(rating.points).toBe(6 * 27);
    // A dimension's name and its size: one question of three answers takes 3 count vectors.
    expect(rating.dimensions).toContain('other criteria of weight 2 in Monitoring questions (1) (3)');
    expect(rating.findings).toEqual([]);
  });
});
