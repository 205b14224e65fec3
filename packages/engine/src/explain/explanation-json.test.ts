import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPackSource } from '../source/load-pack-source.js';
import { compilePack } from '../compile/compile-pack.js';
import { caseAssessment } from '../testing/run-cases.js';
import { randomAssessment, seededRandom } from '../reference/random-assessment.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { Pack } from '../types.js';
import type { Explanation } from './explanation.js';
import { explanationJson } from './explanation-json.js';

describe('explanationJson', () => {
  for (const slug of ['birmingham', 'bolton', 'herefordshire']) {
    it(`writes exactly the text JSON.stringify writes for every explanation of ${slug}'s cases and of 300 random assessments`, () => {
      const pack: Pack = readPackSource(fileURLToPath(new URL(`../../../councils-${slug}/pack`, import.meta.url)));
      const c = compilePack(pack);
      const r = seededRandom(20261208);
      const inputs = [
        ...(pack.cases ?? []).map((k) => ({ a: caseAssessment(pack, k), asOf: k.asOf })),
        ...Array.from({ length: 300 }, () => ({ a: randomAssessment(c, r), asOf: undefined })),
      ];
      let written = 0;
      for (const x of inputs) {
        let explanation: Explanation | undefined;
        try { explanation = evaluate(c, x.a, { explain: true, ...(x.asOf ? { asOf: x.asOf } : {}) }).explanation; } catch { continue; }
        expect(explanation).toBeDefined();
        expect(explanationJson(explanation!)).toBe(JSON.stringify(explanation));
        written++;
      }
      expect(written).toBeGreaterThan(inputs.length / 2);
    });
  }

  it('escapes, leaves out and writes as null what JSON.stringify does, in every member', () => {
    const awkward = ['say "Gold"', 'back\\slash', 'tab\there', 'nul\u0000', 'line\u2028sep', 'é', '\ud83d\ude00', 'lone \ud800', 'x'.repeat(200), ''];
    const odd: unknown[] = [...awkward, 0, -0, 1.5, -3e-7, 1e21, NaN, Infinity, null, true, false, [1, 'a', undefined, () => 1], { a: undefined, b: [null] }, new Date(0), () => 1, Symbol('s')];
    const explanation = {
      format: 3,
      judgements: ['Fully met', null, awkward[0]!],
      entries: [
        ...odd.map((v, i) => ({
          kind: 'decision', of: awkward[i % awkward.length]!, rules: [
            { rule: `r${awkward[i % awkward.length]!}`, fired: true, conditions: [{ value: v }, { wanted: v }, { value: v, wanted: v, holds: true, counted: [1, 2] }, { holds: true }, {}, { value: undefined, counted: [] }], output: v, banded: 3 },
            { rule: 'other', conditions: [] },
          ],
          ...(i % 2 ? { fallback: true } : {}),
        })),
        { kind: 'action', of: 'a', fired: true, conditions: [{ value: 'Gold', holds: true }] },
        { kind: 'schedule', of: 's', conditions: [{ value: 2 }] },
        { kind: 'warning', of: 'w', fired: false, conditions: [{ value: 'x', holds: false }] },
        { kind: 'limit', of: 'd', limit: 'l', fired: true, conditions: [{ value: 1 }], capped: 'Gold' },
        { kind: 'limit', of: 'd', limit: 'l', fired: false, conditions: [] },
        { kind: 'person', of: 'p' },
      ],
    } as unknown as Explanation;
    expect(explanationJson(explanation)).toBe(JSON.stringify(explanation));
    expect(explanationJson({ format: 2, entries: [] })).toBe('{"format":2,"entries":[]}');
  });

  it('gives the error JSON.stringify gives for a value it cannot write', () => {
    const explanation = { format: 3, entries: [{ kind: 'decision', of: 'd', rules: [{ rule: 'r', conditions: [{ value: 1n }] }] }] } as unknown as Explanation;
    expect(() => JSON.stringify(explanation)).toThrow(TypeError);
    expect(() => explanationJson(explanation)).toThrow(TypeError);
  });
});
