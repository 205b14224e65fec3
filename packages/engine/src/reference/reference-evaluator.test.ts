import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { examplePack } from '../fixtures/example-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import { compileCondition } from '../compile/compile-condition.js';
import { initialState } from '../evaluate/evaluate.js';
import type { Condition, Pack } from '../types.js';
import { createReferenceEvaluator } from './reference-evaluator.js';
import { randomAssessment, seededRandom } from './random-assessment.js';

const compiled = compilePack(examplePack());
const reference = createReferenceEvaluator(compiled);

/** Each rule's truth under the compiled evaluator, after a full evaluation. */
function compiledRuleTruths(a: ReturnType<typeof randomAssessment>) {
  const s = initialState(compiled, a, a.date);
  const rules: Record<string, Record<string, boolean>> = {};
  for (const inst of compiled.order) {
    const truth: Record<string, boolean> = {};
    for (const r of inst.rules) truth[r.id] = r.when.test(s);
    const first = inst.rules.find((r) => truth[r.id]);
    const value = first ? first.output(s) : inst.fallback?.output(s);
    s.values[inst.slot] = value;
    rules[inst.id] = truth;
  }
  return rules;
}

describe('the compiled evaluator against json-rules-engine (reference interpreter)', () => {
  it('agrees on every rule and every decision for generated assessments of a 79-criterion pack', async () => {
    await fc.assert(fc.asyncProperty(fc.integer(), async (seed) => {
      const a = randomAssessment(compiled, seededRandom(seed));
      const ref = await reference(a);
      expect(compiledRuleTruths(a)).toEqual(ref.rules);
      const { evaluate } = await import('../evaluate/evaluate.js');
      expect(evaluate(compiled, a).decisions).toEqual(ref.decisions);
    }), { numRuns: 150 });
  });

  it('agrees with json-rules-engine on generated leaf and nested conditions, including missing facts', async () => {
    const facts = ['n', 'm', 's', 'list', 'missing'];
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', '2', ''), fc.constant(null), fc.array(fc.constantFrom(1, 'a', 2), { maxLength: 3 }));
    const ops = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'];
    // json-rules-engine throws for in/notIn without a list or text (the pack validator refuses
    // such a literal), so those operators get lists or text.
    const listValue = fc.oneof(fc.array(fc.constantFrom(1, 'a', 2, null), { maxLength: 3 }), fc.constantFrom('ab', ''));
    const leaf = fc.oneof(
      fc.record({ fact: fc.constantFrom(...facts), operator: fc.constantFrom(...ops.filter((o) => o !== 'in' && o !== 'notIn')), value }),
      fc.record({ fact: fc.constantFrom(...facts), operator: fc.constantFrom('in', 'notIn'), value: listValue }),
    );
    const cond: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
      c: fc.oneof({ depthSize: 'small', withCrossShrink: true },
        leaf as fc.Arbitrary<Condition>,
        fc.record({ all: fc.array(tie('c'), { maxLength: 3 }) }) as fc.Arbitrary<Condition>,
        fc.record({ any: fc.array(tie('c'), { maxLength: 3 }) }) as fc.Arbitrary<Condition>,
        fc.record({ not: tie('c') }) as fc.Arbitrary<Condition>),
    })).c;
    const factValues = fc.record({ n: value, m: value, s: value, list: value });
    const pack: Pack = structuredClone(examplePack());
    for (const f of facts) pack.inputs.properties[f] = {};
    const c = compilePack(pack);
    await fc.assert(fc.asyncProperty(cond, factValues, async (condition, values) => {
      const compiledCond = compileCondition(condition, { index: c.index, extensions: {}, domainIndex: -1, countSlots: new Map() });
      const s = initialState(c, { date: '2025-01-01', facts: values }, '2025-01-01');
      const engine = new Engine([], { allowUndefinedFacts: true });
      const top = 'all' in condition || 'any' in condition || 'not' in condition ? condition : { all: [condition] };
      engine.addRule({ conditions: top as never, event: { type: 'hit' } });
      const { events } = await engine.run({ ...values });
      expect(compiledCond.test(s)).toBe(events.length === 1);
    }), { numRuns: 400 });
  });
});
