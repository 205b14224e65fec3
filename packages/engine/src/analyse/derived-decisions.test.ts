import { describe, expect, it } from 'vitest';
import { yesNoInputsPack } from '../fixtures/yes-no-inputs-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import type { Decision, Pack, Rule } from '../types.js';
import { analyseInstance } from './analyse.js';
import { derivedDecisions } from './derived-decisions.js';
import { inputSpace } from './input-space.js';

const src = { doc: 'guide', section: '3' };
const always = { fact: 'a', operator: 'present', value: true };

/**
 * The example pack with boolean inputs `a`, `b`, a decision `tier` worked out from `a` alone
 * (Gold when `a`, else Bronze), and a decision `probe` whose first rule asks for a Gold tier
 * without `a`: no assessment can reach it.
 */
function derivedPack(tier: Partial<Decision> = {}, extraRules: Rule[] = []): Pack {
  const p = yesNoInputsPack('a', 'b');
  p.decisions.tier = {
    label: 'Tier', scale: 'band', hitPolicy: 'first', source: src,
    rules: [
      { id: 'a-gold', output: 'Gold', source: src, when: { fact: 'a', operator: 'equal', value: true } },
      { id: 'otherwise', output: 'Bronze', source: src, when: always },
    ],
    ...tier,
  };
  p.decisions.probe = {
    label: 'Probe', scale: 'band', hitPolicy: 'first', source: src,
    rules: [
      { id: 'gold-tier-without-a', output: 'Gold', source: src, when: { all: [{ fact: 'tier', operator: 'equal', value: 'Gold' }, { fact: 'a', operator: 'equal', value: false }] } },
      ...extraRules,
      { id: 'b', output: 'Silver', source: src, when: { fact: 'b', operator: 'equal', value: true } },
      { id: 'rest', output: 'Bronze', source: src, when: always },
    ],
  };
  return p;
}

const analysed = (p: Pack, factors?: boolean) => {
  const c = compilePack(p);
  return analyseInstance(c, c.instances.find((i) => i.id === 'probe')!, factors === undefined ? {} : { factors });
};

describe('derived decisions', () => {
  it('computes a decision worked out from the other inputs instead of varying it, so a rule needing an impossible pair never matches', () => {
    for (const factors of [true, false]) {
      const d = analysed(derivedPack(), factors);
      expect(d.dimensions, `factors ${factors}`).toEqual(['a (2)', 'b (2)']);
      expect(d.findings.filter((f) => f.kind === 'unreachable').map((f) => f.rule), `factors ${factors}`).toEqual(['gold-tier-without-a']);
    }
  });

  it('gives the derived decision the value evaluation gives it at each point', () => {
    const c = compilePack(derivedPack());
    const probe = c.instances.find((i) => i.id === 'probe')!;
    const derived = derivedDecisions(c, probe, inputSpace(c, probe));
    const tier = c.instances.find((i) => i.id === 'tier')!;
    expect(derived.instances.map((i) => i.id)).toEqual(['tier']);
    const state = { facts: { a: true }, values: [] as unknown[], counts: [], ranks: [], judgements: {}, interpretations: new Set<string>(), asOf: '2025-06-01', assessmentDate: '2025-06-01' };
    derived.derive(state);
    expect(state.values[tier.slot]).toBe('Gold');
    state.facts = { a: false };
    derived.derive(state);
    expect(state.values[tier.slot]).toBe('Bronze');
    // A rule reading the tier reads what the tier is worked out from.
    expect(derived.expand(new Set(['v:tier', 'v:b']))).toEqual(new Set(['v:a', 'v:b']));
    expect(derived.expand('*')).toBe('*');
  });

  it('derives a decision read through another derived decision', () => {
    const p = derivedPack({}, [{ id: 'top-without-a', output: 'Gold', source: src, when: { all: [{ fact: 'top', operator: 'equal', value: 'Gold' }, { fact: 'a', operator: 'equal', value: false }] } }]);
    p.decisions.top = { label: 'Top', scale: 'band', hitPolicy: 'first', source: src, rules: [{ id: 'as-tier', output: { fact: 'tier' }, source: src, when: always }] };
    const c = compilePack(p);
    const probe = c.instances.find((i) => i.id === 'probe')!;
    const derived = derivedDecisions(c, probe, inputSpace(c, probe));
    expect(derived.instances.map((i) => i.id).sort()).toEqual(['tier', 'top']);
    expect(derived.expand(new Set(['v:top']))).toEqual(new Set(['v:a']));
    expect(analysed(p).findings.filter((f) => f.kind === 'unreachable').map((f) => f.rule).sort()).toEqual(['gold-tier-without-a', 'top-without-a']);
  });

  it('keeps varying a decision that reads an input outside the space', () => {
    const p = derivedPack({ rules: [
      { id: 'a-gold', output: 'Gold', source: src, when: { all: [{ fact: 'a', operator: 'equal', value: true }, { fact: 'regulatorRating', operator: 'equal', value: 'Good' }] } },
      { id: 'otherwise', output: 'Bronze', source: src, when: always },
    ] });
    const d = analysed(p);
    expect(d.dimensions).toContain('Tier (4)');
    expect(d.findings.filter((f) => f.kind === 'unreachable' || f.kind === 'masked')).toEqual([]);
  });

  it('keeps varying a decision an officer may override: the recorded value need not follow its inputs', () => {
    const d = analysed(derivedPack({ override: { source: src } }));
    expect(d.dimensions).toContain('Tier (4)');
    expect(d.findings.filter((f) => f.kind === 'unreachable' || f.kind === 'masked')).toEqual([]);
  });
});
