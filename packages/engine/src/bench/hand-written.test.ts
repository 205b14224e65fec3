import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { randomAssessment, seededRandom } from '../reference/random-assessment.js';
import { handWrittenDetermination } from './hand-written.js';

describe('the benchmark\'s hand-written yardstick', () => {
  it('gives the same determination as the engine, so the benchmark compares like with like', () => {
    const c = compilePack(examplePack());
    const r = seededRandom(7);
    const headlines = new Set<unknown>();
    for (let i = 0; i < 400; i++) {
      const a = { ...randomAssessment(c, r), facts: { statementLate: r() < 0.1, regulatorRating: 'Good', regulatorRatingDate: r() < 0.5 ? '2025-06-01' : '2024-01-01' } };
      const d = evaluate(c, a);
      headlines.add(d.headline.value);
      expect(handWrittenDetermination(a, c.hash)).toEqual(d);
    }
    expect([...headlines].sort()).toEqual(['Bronze', 'Gold', 'Inadequate', 'Silver']);
  });
});
