import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import type { Pack } from '../types.js';
import { analyseInstance } from './analyse.js';

const src = { doc: 'guide', section: '2' };

/**
 * How far an example is from everything at its best value, read from its words alone
 * ("advanced criteria (6): 5 Exceptional, 1 Fully met; ..."): the best judgement of advanced
 * criteria is Exceptional, of the others Fully met (the example pack's framework).
 */
function awayAndDistinct(inputs: string): [number, number] {
  let away = 0;
  let distinct = 0;
  for (const part of inputs.split('; ')) {
    const m = /^(.*) \((\d+)\): (.*)$/.exec(part);
    if (!m) continue;
    const best = m[1]!.startsWith('advanced') ? 'Exceptional' : 'Fully met';
    const counts = m[3]!.split(', ').map((x) => /^(\d+) (.*)$/.exec(x)!);
    away += Number(m[2]) - Number(counts.find((c) => c[2] === best)?.[1] ?? 0);
    distinct += counts.length;
  }
  return [away, distinct];
}

/** The example pack with Silver read under an interpretation, so where Silver decides is a finding. */
function silverUnderInterpretation(): Pack {
  const p: Pack = structuredClone(examplePack());
  p.decisions.domainBand!.rules!.find((r) => r.id === 'silver')!.interpretation = 'uncovered-combination';
  return p;
}

describe('examples simplest first', () => {
  it('lists a finding\'s inputs by fewest criteria away from the best judgement, then fewest distinct judgements (both ways of analysing)', () => {
    const c = compilePack(silverUnderInterpretation());
    const inst = c.instances.find((i) => i.id === 'domainBand.involvement')!;
    for (const factors of [true, false]) {
      const f = analyseInstance(c, inst, { factors }).findings.find((x) => x.kind === 'interpretation-only')!;
      expect(f.more).toBeGreaterThan(0);
      const order = f.examples.map((e) => awayAndDistinct(e.inputs));
      // Worked by hand: everything at its best is Gold. One criterion away, Silver holds (and Gold not) only
      // where it is Partly met and not mandatory: one of the two other criteria, or one of the six advanced.
      expect(order[0]).toEqual([1, 4]);
      expect(f.examples.slice(0, 2).map((e) => e.inputs)).toEqual([
        'mandatory criteria (4): 4 Fully met; advanced criteria (6): 6 Exceptional; other criteria (2): 1 Fully met, 1 Partly met',
        'mandatory criteria (4): 4 Fully met; advanced criteria (6): 5 Exceptional, 1 Partly met; other criteria (2): 2 Fully met',
      ]);
      // Then never a step back in (away, distinct).
      for (let i = 1; i < order.length; i++) {
        const [a, d] = order[i]!;
        const [pa, pd] = order[i - 1]!;
        expect(a > pa || (a === pa && d >= pd), `${f.examples[i - 1]!.inputs} before ${f.examples[i]!.inputs}`).toBe(true);
      }
    }
  });
});

describe('what varies', () => {
  /** A decision worked by hand: "a-first" (under an interpretation) decides wherever a is true, whatever the four mandatory criteria are. */
  function probe(): Pack {
    const p: Pack = structuredClone(examplePack());
    p.inputs.properties.a = { type: 'boolean', title: 'Concern raised' };
    p.decisions.probe = {
      label: 'Probe', scale: 'band', hitPolicy: 'first', source: src, fallback: { output: 'Silver' },
      rules: [
        { id: 'a-first', output: 'Bronze', priority: 2, source: src, interpretation: 'uncovered-combination', when: { fact: 'a', operator: 'equal', value: true } },
        { id: 'mandatory-met', output: 'Gold', priority: 1, source: src, when: { fact: 'criteriaCount', params: { domain: 'involvement', flag: 'mandatory', is: 'Fully met' }, operator: 'equal', value: 4 } },
      ],
    };
    return p;
  }

  it('says a block of inputs in a phrase: every way one class is judged, given the rest (both ways of analysing)', () => {
    const c = compilePack(probe());
    const inst = c.instances.find((i) => i.id === 'probe')!;
    for (const factors of [true, false]) {
      const d = analyseInstance(c, inst, { factors });
      const f = d.findings.find((x) => x.kind === 'interpretation-only')!;
      // Four mandatory criteria over three judgements: C(6, 2) = 15 count vectors, 3^4 = 81 ways.
      expect(f.count).toBe(81);
      expect(f.varies).toBe('with any of 15 ways the mandatory criteria in Involvement and information (4) are judged, given Concern raised true');
      expect(f.examples[0]!.inputs).toMatch(/4 Fully met/);
      // Where a is not true (false or not recorded), only the fallback decides when any mandatory criterion is not fully met.
      const fallback = d.findings.find((x) => x.kind === 'fallback-only')!;
      expect(fallback.count).toBe(2 * (81 - 1));
      expect(fallback.varies).toBe('with 14 of the 15 ways the mandatory criteria in Involvement and information (4) are judged and Concern raised false or not recorded');
    }
  });
});
