import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import { seededRandom } from '../random/seeded-random.js';
import type { Condition, HitPolicy, Pack, Rule } from '../types.js';
import { analyseInstance, type DecisionAnalysis } from './analyse.js';
import { factorsOf } from './factors.js';
import { inputSpace } from './input-space.js';

const BANDS = ['Inadequate', 'Bronze', 'Silver', 'Gold'];
const src = { doc: 'guide', section: '3' };

/** The example pack with inputs `a`...`f` of every kind and one decision `probe` over them. */
function probePack(rules: Rule[], hitPolicy: HitPolicy, fallback: boolean): Pack {
  const p: Pack = structuredClone(examplePack());
  p.inputs.properties.a = { type: 'boolean' };
  p.inputs.properties.b = { type: 'boolean' };
  p.inputs.properties.c = { type: 'string', enum: ['x', 'y', 'z'] };
  p.inputs.properties.d = { type: 'number', minimum: 0 };
  p.inputs.properties.e = { type: 'string' };
  p.inputs.properties.f = { type: 'boolean' };
  p.decisions.probe = { label: 'Probe', scale: 'band', hitPolicy, rules, ...(fallback ? { fallback: { output: 'Bronze', interpretation: 'uncovered-combination' } } : {}) };
  return p;
}

/** A random leaf over one of the inputs. */
function leaf(rand: () => number): Condition {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  switch (pick(['a', 'b', 'c', 'd', 'e', 'f'])) {
    case 'a': return { fact: 'a', operator: 'equal', value: rand() < 0.5 };
    case 'b': return { fact: 'b', operator: 'equal', value: rand() < 0.5 };
    case 'c': return { fact: 'c', operator: pick(['equal', 'notEqual']), value: pick(['x', 'y', 'z']) };
    case 'd': return { fact: 'd', operator: pick(['lessThan', 'greaterThanInclusive', 'equal']), value: pick([2, 5, 7.5]) };
    case 'e': return rand() < 0.5 ? { fact: 'e', operator: 'present', value: rand() < 0.5 } : { fact: 'e', operator: 'equal', value: pick(['yes', 'no']) };
    default: return { fact: 'f', operator: 'equal', value: rand() < 0.5 };
  }
}

function condition(rand: () => number, depth: number): Condition {
  const r = rand();
  if (depth <= 0 || r < 0.45) return leaf(rand);
  if (r < 0.7) return { all: [condition(rand, depth - 1), condition(rand, depth - 1)] };
  if (r < 0.9) return { any: [condition(rand, depth - 1), condition(rand, depth - 1)] };
  return { not: condition(rand, depth - 1) };
}

/** What the analysis found, in an order that does not depend on the order points were visited in. */
function found(d: DecisionAnalysis): string[] {
  // Where every example is listed, the same examples (in any order, each input in any order: the factors name theirs factor by factor); what varies, the same.
  return d.findings.map((f) => `${f.kind} ${f.rule ?? ''} ${f.count} ${f.message} ${f.varies ?? ''} ${f.more === 0 ? f.examples.map((e) => `${e.inputs.split('; ').sort().join('; ')} x${e.count}`).sort().join(' | ') : f.more}`).sort();
}

describe('analysis by factors', () => {
  it('finds exactly what enumerating the whole space finds, on 120 random small decisions (seed 20261206)', () => {
    const rand = seededRandom(20261206);
    const policies: HitPolicy[] = ['first', 'unique', 'max', 'min', 'collect'];
    let factored = 0;
    for (let k = 0; k < 120; k++) {
      const policy = policies[k % policies.length]!;
      const rules: Rule[] = Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, i) => ({
        id: `r${i}`, output: BANDS[Math.floor(rand() * 4)]!, source: src, when: condition(rand, 2),
        ...(policy === 'first' ? { priority: Math.floor(rand() * 3) } : {}),
        ...(rand() < 0.3 ? { interpretation: 'uncovered-combination' } : {}),
      }));
      const c = compilePack(probePack(rules, policy, rand() < 0.5));
      const inst = c.instances.find((i) => i.id === 'probe')!;
      if ((factorsOf(c, inst, inputSpace(c, inst)) ?? []).length > 1) factored++;
      const byFactors = analyseInstance(c, inst);
      const whole = analyseInstance(c, inst, { factors: false });
      const what = JSON.stringify(rules);
      // Looking rules up in their tables (`rule-tables.ts`) gives exactly what evaluating them at each point gives.
      expect(analyseInstance(c, inst, { tables: false }), what).toEqual(byFactors);
      expect(byFactors.exhaustive, what).toBe(true);
      expect(whole.exhaustive, what).toBe(true);
      expect(byFactors.combinations, what).toBe(whole.combinations);
      expect(found(byFactors), what).toEqual(found(whole));
      // Every example is a point of the finding: the examples never stand for more than it does.
      for (const f of byFactors.findings) expect(f.examples.reduce((n, e) => n + e.count, 0), what).toBeLessThanOrEqual(f.count);
    }
    // The comparison is worth something only if most decisions did split.
    expect(factored).toBeGreaterThan(60);
  }, 300_000);

  it('checks fourteen independent yes/no concerns as 14 x 3 points and counts all 3^14 combinations', () => {
    const names = Array.from({ length: 14 }, (_, i) => `concern${i + 1}`);
    const p: Pack = structuredClone(examplePack());
    for (const n of names) p.inputs.properties[n] = { type: 'boolean' };
    p.decisions.concernLevel = {
      label: 'Concern level', scale: 'band', hitPolicy: 'min',
      rules: names.map((n) => ({ id: n, output: 'Bronze', source: src, when: { fact: n, operator: 'equal', value: true } })),
      fallback: { output: 'Gold', interpretation: 'uncovered-combination' },
    };
    const c = compilePack(p);
    const d = analyseInstance(c, c.instances.find((i) => i.id === 'concernLevel')!);
    expect(d.exhaustive).toBe(true);
    expect(d.points).toBe(14 * 3);
    expect(d.combinations).toBe(3 ** 14);
    // Only the fallback decides where no concern is true: each false or not recorded.
    const fallback = d.findings.find((f) => f.kind === 'fallback-only')!;
    expect(fallback.count).toBe(2 ** 14);
    expect(fallback.examples[0]!.inputs.split('; ')).toHaveLength(14);
    expect(d.findings.filter((f) => f.kind !== 'fallback-only')).toEqual([]);
  });

  it('names the higher-priority rule in another factor that masks a rule', () => {
    const rules: Rule[] = [
      { id: 'a-always', output: 'Gold', priority: 2, source: src, when: { any: [{ fact: 'a', operator: 'equal', value: true }, { not: { fact: 'a', operator: 'equal', value: true } }] } },
      { id: 'b-true', output: 'Silver', priority: 1, source: src, when: { fact: 'b', operator: 'equal', value: true } },
    ];
    const c = compilePack(probePack(rules, 'first', false));
    const d = analyseInstance(c, c.instances.find((i) => i.id === 'probe')!);
    expect(d.findings.map((f) => [f.kind, f.rule, f.message, f.pointer, f.maskedBy])).toEqual([['masked', 'b-true', 'rule "b-true" matches only where the higher-priority rule "a-always" already decides', '/decisions/probe/rules/1', ['/decisions/probe/rules/0']]]);
  });

  it('takes a rule reading a plugin fact to read every input, so nothing is split on a guess', () => {
    const p = probePack([
      { id: 'plugin', output: 'Gold', source: src, when: { fact: 'pluginFact', operator: 'equal', value: 1 } },
      { id: 'a-true', output: 'Silver', source: src, when: { fact: 'a', operator: 'equal', value: true } },
    ], 'max', true);
    p.extensions = { facts: ['pluginFact'] };
    const c = compilePack(p, { extensions: { facts: { pluginFact: () => 1 } } });
    const inst = c.instances.find((i) => i.id === 'probe')!;
    expect(factorsOf(c, inst, inputSpace(c, inst))!.map((f) => f.rules)).toEqual([[0, 1]]);
  });
});
