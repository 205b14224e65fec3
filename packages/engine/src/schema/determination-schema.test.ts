import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Static } from '@sinclair/typebox';
import { readPackSource } from '../source/load-pack-source.js';
import { compilePack } from '../compile/compile-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { caseAssessment } from '../testing/run-cases.js';
import { createAjv } from './validate-pack.js';
import { assessmentJsonSchema, determinationJsonSchema } from './determination-schema.js';
import type { AssessmentSchema } from './shapes/assessment.js';
import type { DeterminationSchema } from './shapes/determination.js';
import type { Assessment, Determination } from '../types.js';

/**
 * No drift between the determination contract's schema and what the engine gives: every case of
 * the three council packs is evaluated (with and without the explanation) and its determination
 * validated against the published `determination.schema.json`, its input against
 * `assessment.schema.json`.
 */
const COUNCILS = ['birmingham', 'bolton', 'herefordshire'] as const;
const ajv = createAjv();
const validDetermination = ajv.compile(determinationJsonSchema);
const validAssessment = ajv.compile(assessmentJsonSchema);
const errorsOf = (v: typeof validDetermination): string => ajv.errorsText(v.errors);

describe('the published determination contract', () => {
  for (const council of COUNCILS) {
    it(`accepts every determination of ${council}'s cases, and every case's assessment`, () => {
      const pack = readPackSource(fileURLToPath(new URL(`../../../councils-${council}/pack`, import.meta.url)));
      const compiled = compilePack(pack);
      // Cases that expect the assessment to be refused give no determination.
      const determined = (pack.cases ?? []).filter((c) => c.wantError === undefined);
      expect(determined.length).toBeGreaterThan(0);
      let checked = 0;
      for (const c of determined) {
        const input = caseAssessment(pack, c);
        expect(validAssessment(input), `${c.id}: ${ajv.errorsText(validAssessment.errors)}`).toBe(true);
        for (const explain of [false, true]) {
          const d = evaluate(compiled, input, { explain, ...(c.asOf ? { asOf: c.asOf } : {}) });
          expect(validDetermination(d), `${c.id} (explain ${explain}): ${errorsOf(validDetermination)}`).toBe(true);
          checked++;
        }
      }
      expect(checked).toBe(2 * determined.length);
    }, 120_000);
  }

  it('refuses a determination that drifts: an unknown member, a missing headline, a due date that is not a date', () => {
    const pack = readPackSource(fileURLToPath(new URL('../../../councils-birmingham/pack', import.meta.url)));
    const d = evaluate(compilePack(pack), caseAssessment(pack, pack.cases![0]!));
    expect(validDetermination(d)).toBe(true);
    expect(validDetermination({ ...d, rating: 'Gold' })).toBe(false);
    expect(validDetermination({ ...d, headline: undefined })).toBe(false);
    expect(validDetermination({ ...d, actions: [{ id: 'a', label: 'A', owner: 'o', due: 'soon', source: 's' }] })).toBe(false);
    expect(validAssessment({ date: '2025-01-01', judgements: { x: 3 } })).toBe(false);
    expect(validAssessment({ date: '2025-01-01', decisions: { x: { value: 'Gold', by: 'A' } } })).toBe(false);
  });

  it('types: Assessment and Determination are the schemas\' static types, and evaluate gives a Determination', () => {
    expectTypeOf<Assessment>().toEqualTypeOf<Static<typeof AssessmentSchema>>();
    expectTypeOf<Determination>().toEqualTypeOf<Static<typeof DeterminationSchema>>();
    expectTypeOf(evaluate).returns.toEqualTypeOf<Static<typeof DeterminationSchema>>();
    // A case's input, as the engine fills it, is an Assessment.
    expectTypeOf(caseAssessment).returns.toEqualTypeOf<Static<typeof AssessmentSchema>>();
  });
});
