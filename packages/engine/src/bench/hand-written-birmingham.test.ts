import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPackSource } from '../source/load-pack-source.js';
import { compilePack } from '../compile/compile-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { caseAssessment, checkExpectation } from '../testing/run-cases.js';
import { randomAssessment, seededRandom } from '../reference/random-assessment.js';
import type { Assessment, Determination } from '../types.js';
import { handWrittenBirmingham } from './hand-written-birmingham.js';

/** Birmingham's pack as published (read, not changed). */
const pack = readPackSource(fileURLToPath(new URL('../../../councils-birmingham/pack', import.meta.url)));
const compiled = compilePack(pack);
const handWritten = handWrittenBirmingham({ pack: { id: pack.metadata.id, version: pack.metadata.version, hash: compiled.hash }, interpretations: pack.interpretations ?? {} });
const cases = pack.cases ?? [];

/** The determination, or the error's message. */
function outcome(fn: () => Determination): Determination | { error: string } {
  try { return fn(); } catch (e) { return { error: (e as Error).message }; }
}

describe('Birmingham\'s rules written by hand (the benchmark\'s yardstick on a real pack)', () => {
  it('meets every Birmingham case\'s expectation (from the council\'s documents)', () => {
    expect(cases.length).toBeGreaterThan(200);
    const failures: string[] = [];
    for (const c of cases) {
      const got = outcome(() => handWritten(caseAssessment(pack, c), c.asOf));
      if (c.wantError !== undefined) {
        if (!('error' in got)) failures.push(`${c.id}: expected an error containing "${c.wantError}", but it was evaluated`);
        else if (!got.error.includes(c.wantError)) failures.push(`${c.id}: expected an error containing "${c.wantError}", got: ${got.error}`);
      } else if ('error' in got) failures.push(`${c.id}: ${got.error}`);
      else failures.push(...checkExpectation(got, c.want ?? {}).map((f) => `${c.id}: ${f}`));
    }
    expect(failures).toEqual([]);
  });

  it('gives the engine\'s whole determination (without the explanation) on every case', () => {
    let compared = 0;
    for (const c of cases) {
      const a = caseAssessment(pack, c);
      const engine = outcome(() => evaluate(compiled, a, c.asOf ? { asOf: c.asOf } : {}));
      const hand = outcome(() => handWritten(a, c.asOf));
      if ('error' in engine || 'error' in hand) {
        // Both refuse it (their words differ).
        expect({ case: c.id, refused: 'error' in hand }).toEqual({ case: c.id, refused: 'error' in engine });
        continue;
      }
      expect({ case: c.id, ...hand }).toEqual({ case: c.id, ...engine });
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('gives the engine\'s whole determination on 3,000 seeded random assessments, reaching every band, process and proposal', () => {
    const r = seededRandom(20261207);
    const seen = { headline: new Set<unknown>(), process: new Set<unknown>(), proposals: new Set<string>(), actions: new Set<string>(), schedule: new Set<string>() };
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const a: Assessment = randomAssessment(compiled, r, r() < 0.5 ? '2025-06-01' : '2025-03-12');
      const engine = outcome(() => evaluate(compiled, a));
      const hand = outcome(() => handWritten(a));
      if ('error' in engine) {
        refused++;
        expect({ i, refused: 'error' in hand }).toEqual({ i, refused: true });
        continue;
      }
      expect({ i, ...hand }).toEqual({ i, ...engine });
      seen.headline.add(engine.headline.value);
      seen.process.add(engine.decisions.improvementProcess);
      for (const p of engine.proposals ?? []) seen.proposals.add(p.decision);
      for (const x of engine.actions) seen.actions.add(x.id);
      for (const x of engine.schedule) seen.schedule.add(x.id);
    }
    expect([...seen.headline].sort()).toEqual(['Bronze', 'Gold', 'Inadequate', 'Silver']);
    expect([...seen.process].sort()).toEqual(['Bronze process', 'Inadequate process', 'None']);
    expect([...seen.proposals].sort()).toEqual(['contractTermination', 'focussedInspection', 'iapApproval', 'inadequateImprovementPlan']);
    expect(seen.actions.size).toBeGreaterThanOrEqual(12);
    expect(seen.schedule.size).toBeGreaterThanOrEqual(8);
    expect(refused).toBeLessThan(300);
  });

  it('refuses bad input as a service would, naming the fact or criterion', () => {
    const a = caseAssessment(pack, cases.find((c) => c.want && !c.wantError && !c.input.decisions)!);
    expect(() => handWritten({ ...a, date: '2025-02-30' })).toThrow(/^date:/);
    expect(() => handWritten({ ...a, judgements: { ...a.judgements, 'inv-01': 'Exceptional' } })).toThrow(/^inv-01:/);
    expect(() => handWritten({ ...a, judgements: { ...a.judgements, 'inv-99': 'Fully met' } })).toThrow(/^judgements:/);
    expect(() => handWritten({ ...a, facts: { ...a.facts, weeklyHours: -1 } })).toThrow(/^weeklyHours:/);
    expect(() => handWritten({ ...a, facts: { ...a.facts, cqcRatingDate: 'soon' } })).toThrow(/^cqcRatingDate:/);
    expect(() => handWritten({ ...a, facts: { ...a.facts, colour: 'red' } })).toThrow(/^colour:/);
    expect(() => handWritten({ ...a, decisions: { overallRating: { value: 'Gold', by: 'x', at: '2025-03-03' } } })).toThrow(/^overallRating:/);
    expect(() => handWritten(a, '2025-13-01')).toThrow(/^asOf:/);
  });
});
