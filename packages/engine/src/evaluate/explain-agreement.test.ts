import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPackSource } from '../source/load-pack-source.js';
import { compilePack, type CompiledPack } from '../compile/compile-pack.js';
import { caseAssessment } from '../testing/run-cases.js';
import { randomAssessment, seededRandom } from '../reference/random-assessment.js';
import type { Assessment, Pack } from '../types.js';
import { evaluate, type EvaluateOptions } from './evaluate.js';

/**
 * An evaluation decides each decision by one of two paths: without the explanation by the hit
 * policy's function chosen at compile time (`decide-value.ts`), with it by `decideExplained`
 * (`decide.ts`), and its actions, schedule and warnings by `test` or by `fill`. The two must give
 * the same determination, apart from the explanation, and the same error.
 */

/** The JSON of a determination without its explanation, or the error's class and message. */
function outcome(c: CompiledPack, a: Assessment, opts: EvaluateOptions): string {
  try {
    const d = evaluate(c, a, opts);
    if (opts.explain && d.explanation === undefined) return 'no explanation';
    delete d.explanation;
    return JSON.stringify(d);
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message} ${JSON.stringify((e as { problems?: unknown }).problems ?? null)}`;
  }
}

describe('the determination with and without the explanation', () => {
  for (const slug of ['birmingham', 'bolton', 'herefordshire']) {
    it(`is the same on every case of ${slug}'s pack and on 300 random assessments`, () => {
      const pack: Pack = readPackSource(fileURLToPath(new URL(`../../../councils-${slug}/pack`, import.meta.url)));
      const c = compilePack(pack);
      const r = seededRandom(20261207);
      const inputs = [
        ...(pack.cases ?? []).map((k) => ({ id: `case ${k.id}`, a: caseAssessment(pack, k), opts: k.asOf ? { asOf: k.asOf } : {} })),
        ...Array.from({ length: 300 }, (_, i) => ({ id: `random ${i}`, a: randomAssessment(c, r), opts: {} })),
      ];
      let evaluated = 0;
      for (const x of inputs) {
        const plain = outcome(c, x.a, x.opts);
        expect(outcome(c, x.a, { ...x.opts, explain: true }), x.id).toBe(plain);
        if (plain.startsWith('{')) evaluated++;
      }
      // Most of them evaluate (the rest are refused alike, with the same error).
      expect(evaluated).toBeGreaterThan(inputs.length / 2);
    });
  }
});
