import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPackSource } from '../source/load-pack-source.js';
import { compilePack, type CompiledInstance, type CompiledPack } from '../compile/compile-pack.js';
import { caseAssessment } from '../testing/run-cases.js';
import { randomAssessment, seededRandom } from '../reference/random-assessment.js';
import type { EvalState } from '../compile/eval-state.js';
import { EvaluationError } from '../errors.js';
import { examplePack } from '../fixtures/example-pack.js';
import type { Assessment, Pack } from '../types.js';
import { decideInstance } from './decide.js';
import { initialState } from './evaluate.js';

/** What an evaluation made of `decideInstance`: the value, the interpretations it adds, the gap's error. */
function byDecideInstance(inst: CompiledInstance, s: EvalState): unknown {
  const d = decideInstance(inst, s);
  if (d.value === undefined && !d.usedFallback && d.matched.length === 0) throw new EvaluationError(inst.id, 'no rule matched and the decision has no fallback.');
  for (const r of d.matched) if (r.interpretation) s.interpretations.add(r.interpretation);
  if (d.usedFallback && inst.fallback?.interpretation) s.interpretations.add(inst.fallback.interpretation);
  return d.value;
}

const outcome = (fn: () => unknown): { value: unknown } | { error: string } => {
  try { return { value: fn() }; } catch (e) { return { error: `${(e as Error).name}: ${(e as Error).message}` }; }
};

/** Every instance of an assessment decided both ways, in evaluation order, on states of their own. */
function compareOn(c: CompiledPack, a: Assessment): number {
  const mine = initialState(c, a, a.date);
  const theirs = initialState(c, a, a.date);
  for (const inst of c.order) {
    const got = outcome(() => inst.decide(mine));
    const want = outcome(() => byDecideInstance(inst, theirs));
    expect(got, inst.id).toEqual(want);
    expect([...mine.interpretations].sort(), inst.id).toEqual([...theirs.interpretations].sort());
    if ('error' in want) return 1;
    mine.values[inst.slot] = want.value;
    theirs.values[inst.slot] = want.value;
  }
  return 0;
}

describe('decideValueOf: the hit policy chosen at compile time', () => {
  // Birmingham's and Bolton's packs use first, max, collect and unique between them.
  for (const slug of ['birmingham', 'bolton']) {
    it(`gives what decideInstance gives on ${slug}'s cases and random assessments`, () => {
      const pack = readPackSource(fileURLToPath(new URL(`../../../councils-${slug}/pack`, import.meta.url)));
      const c = compilePack(pack);
      expect(new Set(c.instances.map((i) => i.policy)).size).toBeGreaterThanOrEqual(3);
      const r = seededRandom(7);
      const inputs = [
        ...(pack.cases ?? []).map((k) => caseAssessment(pack, k)),
        ...Array.from({ length: 300 }, () => randomAssessment(c, r)),
      ].filter((a) => c.checkAssessment(a).length === 0);
      expect(inputs.length).toBeGreaterThan(300);
      for (const a of inputs) compareOn(c, a);
    });
  }

  it('throws the gap\'s error, and unique\'s when rules overlap, as decideInstance does', () => {
    const pack: Pack = structuredClone(examplePack());
    const [id, d] = Object.entries(pack.decisions).find(([, x]) => x.hitPolicy === 'first' && x.fallback && !x.forEach)!;
    delete d.fallback;
    d.rules = [];
    const gap = compilePack(pack);
    const a = { date: '2025-03-01', judgements: {}, facts: { statementLate: false } };
    const inst = gap.instances.find((i) => i.id === id)!;
    expect(() => inst.decide(initialState(gap, a, a.date))).toThrow(`${id}: no rule matched and the decision has no fallback.`);
    const both = structuredClone(examplePack());
    const [uid, u] = Object.entries(both.decisions).find(([, x]) => x.hitPolicy === 'first' && x.fallback && !x.forEach)!;
    u.hitPolicy = 'unique';
    u.rules = [
      { id: 'one', when: { all: [] }, output: u.fallback!.output, source: u.fallback!.source ?? u.source! },
      { id: 'two', when: { all: [] }, output: u.fallback!.output, source: u.fallback!.source ?? u.source! },
    ];
    const overlap = compilePack(both);
    const uinst = overlap.instances.find((i) => i.id === uid)!;
    const got = outcome(() => uinst.decide(initialState(overlap, a, a.date)));
    expect(got).toEqual(outcome(() => byDecideInstance(uinst, initialState(overlap, a, a.date))));
    expect(got).toEqual({ error: expect.stringContaining('rules "one", "two" all match, but the hit policy is unique.') });
  });
});
