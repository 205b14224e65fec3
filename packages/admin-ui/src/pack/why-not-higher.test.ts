import { compilePack, evaluate } from '@openqaf/engine';
import { describe, expect, it } from 'vitest';
import { testPack } from './test-pack.test-helpers.js';
import { whyNotHigher } from './why-not-higher.js';
import type { Pack } from '@openqaf/engine';

const src = { doc: '000', section: '3.2' };

describe('whyNotHigher', () => {
  const pack = testPack();
  const compiled = compilePack(pack);

  it('names the Silver rule and its unmet count when a domain is Bronze', () => {
    const d = evaluate(compiled, { date: '2025-03-01', judgements: { 's-01': 'Fully met', 's-02': 'Partly met', 's-03': 'Partly met' }, facts: {} }, { explain: true });
    const why = whyNotHigher(pack, d, 'domainRating.safe');
    expect(why.value).toBe('Bronze');
    expect(why.nextUp).toBe('Silver');
    expect(why.blockers.map((b) => b.rule)).toEqual(['silver']);
    expect(why.blockers[0]!.because.join(' ')).toMatch(/2/);
  });

  it('has nothing to say at the top of the scale or without a trace', () => {
    const d = evaluate(compiled, { date: '2025-03-01', judgements: { 's-01': 'Fully met', 's-02': 'Fully met', 's-03': 'Fully met' }, facts: {} }, { explain: false });
    expect(whyNotHigher(pack, d, 'domainRating.safe')).toEqual({ instance: 'domainRating.safe', value: 'Silver', nextUp: 'Gold', blockers: [] });
    expect(whyNotHigher(pack, d, 'unknown.decision').blockers).toEqual([]);
  });
});

describe('whyNotHigher from an explanation and from a stored trace', () => {
  const pack = testPack();
  const compiled = compilePack(pack);

  it('names the criteria whose judgements kept the domain from Silver, from the explanation', () => {
    const d = evaluate(compiled, { date: '2025-03-01', judgements: { 's-01': 'Fully met', 's-02': 'Partly met', 's-03': 'Partly met' }, facts: {} }, { explain: true });
    const why = whyNotHigher(pack, d, 'domainRating.safe');
    const ids = why.blockers.flatMap((b) => b.criteria.map((c) => [c.id, c.judgement, c.needed]));
    expect(ids).toEqual(expect.arrayContaining([['s-02', 'Partly met', 'Fully met']]));
    expect(ids.some(([id]) => id === 's-01')).toBe(false);
  });

  it('reads a determination stored with the old trace, words as stored, no criteria', () => {
    const d = evaluate(compiled, { date: '2025-03-01', judgements: { 's-01': 'Fully met', 's-02': 'Partly met', 's-03': 'Partly met' }, facts: {} });
    const old = { ...d, trace: [{ decision: 'domainRating.safe', rule: 'silver', label: 'Silver', fired: false, because: ['needs at least 2 criteria judged Fully met; 1 was'] }] };
    const why = whyNotHigher(pack, old, 'domainRating.safe');
    expect(why.blockers).toEqual([{ rule: 'silver', label: expect.any(String), because: ['needs at least 2 criteria judged Fully met; 1 was'], criteria: [] }]);
  });
});

describe('whyNotHigher on a scale whose first value is the best (as Herefordshire\'s threshold levels)', () => {
  // Level 1 is the best level, Level 3 the worst; "Not determined" is no level; the worst level matched is taken.
  const pack = testPack();
  pack.scales.level = { label: 'Threshold level', values: ['Not determined', 'Level 1', 'Level 2', 'Level 3'], better: 'first', unrated: ['Not determined'] };
  pack.decisions.level = {
    label: 'Threshold level', scale: 'level', hitPolicy: 'max',
    rules: [
      { id: 'level-1-no-concerns', label: 'Level 1: no concerns raised', output: 'Level 1', when: { fact: 'concernsRaised', operator: 'equal', value: false }, source: src },
      { id: 'level-2-concerns', label: 'Level 2: concerns raised', output: 'Level 2', when: { fact: 'concernsRaised', operator: 'equal', value: true }, source: src },
      { id: 'level-3-inadequate', label: 'Level 3: CQC Inadequate', output: 'Level 3', when: { fact: 'cqcRating', operator: 'equal', value: 'Inadequate' }, source: src },
    ],
    fallback: { output: 'Not determined', source: src },
  };
  const compiled = compilePack(pack);
  const at = (facts: Record<string, unknown>) => evaluate(compiled, { date: '2025-03-01', judgements: { 's-01': 'Fully met', 's-02': 'Fully met', 's-03': 'Fully met' }, facts }, { explain: true });

  it('from Level 2 reaches for Level 1 (never Level 3), kept by the Level 2 rule that fired', () => {
    const why = whyNotHigher(pack, at({ concernsRaised: true, cqcRating: 'Good' }), 'level');
    expect(why.value).toBe('Level 2');
    expect(why.nextUp).toBe('Level 1');
    expect(why.blockers.map((b) => b.rule)).toEqual(['level-2-concerns']);
  });

  it('from Level 1 there is no band up ("Not determined" is no band), nor from Not determined', () => {
    expect(whyNotHigher(pack, at({ concernsRaised: false, cqcRating: 'Good' }), 'level')).toMatchObject({ value: 'Level 1', blockers: [] });
    expect(whyNotHigher(pack, at({ concernsRaised: false, cqcRating: 'Good' }), 'level').nextUp).toBeUndefined();
    expect(whyNotHigher(pack, at({ cqcRating: 'Good' }), 'level')).toEqual({ instance: 'level', value: 'Not determined', blockers: [] });
  });
});

describe('whyNotHigher for a band of a number (a percentage of weighted points)', () => {
  const s1 = { doc: '000', section: '3.1' };
  /** Three criteria, Not met 0, Partly met 1, Fully met 2 points, c1 weighing 2: 8 points possible; below 50% Bronze, 50 to below 75 Silver, 75 and above Gold. */
  const pack: Pack = {
    metadata: { id: 'banded', council: 'Testshire Council', title: 'Banded', version: '1.0.0', effectiveFrom: '2024-01-01', documents: ['000'] },
    sources: { '000': { title: 'Testshire Quality Guidance', sections: { '3.1': 'Score', '3.2': 'Bands' } } },
    scales: {
      answer: { label: 'Judgement', values: ['Not met', 'Partly met', 'Fully met'], points: { 'Not met': 0, 'Partly met': 1, 'Fully met': 2 } },
      percent: { label: 'Score', numeric: { min: 0, max: 100 } },
      rating: { label: 'Rating', values: ['Bronze', 'Silver', 'Gold'] },
    },
    framework: {
      judgements: { scale: 'answer', default: ['Not met', 'Partly met', 'Fully met'], required: true },
      domains: [{ id: 'safe', title: 'Safe', standards: [{ id: 's', title: 'Safe', criteria: [{ id: 'c1', title: 'Staff training', weight: 2 }, { id: 'c2', title: 'Care plans' }, { id: 'c3', title: 'Medicines' }] }] }],
    },
    inputs: { type: 'object', properties: {} },
    decisions: {
      score: { label: 'Score', scale: 'percent', hitPolicy: 'first', source: s1, rules: [{ id: 'points', source: s1, when: { all: [] }, output: { percentage: { part: { fact: 'criteriaPoints' }, of: { multiply: [{ fact: 'weightedCount' }, 2] } } } }] },
      rating: { label: 'Rating', scale: 'rating', hitPolicy: 'first', source: src, rules: [{ id: 'band', label: 'the score banded', source: src, when: { all: [] }, output: { band: { fact: 'score' }, bands: [{ value: 'Bronze', below: 50 }, { value: 'Silver', atLeast: 50, below: 75 }, { value: 'Gold', atLeast: 75 }] } }] },
    },
    outcomes: { headline: 'rating' },
  };

  it('says the score, the points, what Gold needs and the criterion to raise (worked out by hand)', () => {
    // c1 Partly met 2 x 1 = 2, c2 Fully met 2, c3 Not met 0: 4 of 8 points, 50%, Silver. Gold needs 75%: 6 points.
    // c1 (to Fully met, 2 x 1 more) and c3 (Not met to Fully met, 2 more) gain 2 each; on a tie the framework's order, so c1: 6 of 8, 75%.
    const d = evaluate(compilePack(pack), { date: '2025-03-01', judgements: { c1: 'Partly met', c2: 'Fully met', c3: 'Not met' }, facts: {} }, { explain: true });
    const why = whyNotHigher(pack, d, 'rating');
    expect([why.value, why.nextUp]).toEqual(['Silver', 'Gold']);
    expect(why.band).toMatchObject({ number: 50, threshold: 75, points: { scored: 4, possible: 8 } });
    expect(why.blockers).toEqual([{
      rule: 'band', label: 'the score banded',
      because: ['Score was 50% (4 of 8 points), in the band Silver: Gold needs 75% or more', "it would reach Gold by raising 'Staff training' from Partly met to Fully met (2 points more, 75%)"],
      criteria: [{ id: 'c1', title: 'Staff training', judgement: 'Partly met', needed: 'Fully met', of: 1, gain: 2 }],
    }]);
  });

  it('names a higher-priority rule that fired before the band could (a limiter written as a rule) and what held', () => {
    // The same judgements (50%, Silver by the band) with a rule first giving Bronze when any criterion is Not met: c3 is.
    const limited: Pack = structuredClone(pack);
    limited.decisions.rating!.rules!.unshift({ id: 'any-not-met', label: 'a criterion Not met keeps it at Bronze', priority: 10, source: src, when: { fact: 'criteriaCount', params: { is: 'Not met' }, operator: 'greaterThanInclusive', value: 1 }, output: 'Bronze' });
    const d = evaluate(compilePack(limited), { date: '2025-03-01', judgements: { c1: 'Partly met', c2: 'Fully met', c3: 'Not met' }, facts: {} }, { explain: true });
    const why = whyNotHigher(limited, d, 'rating');
    expect([why.value, why.nextUp, why.band]).toEqual(['Bronze', 'Silver', undefined]);
    expect(why.blockers.map((b) => [b.rule, b.label])).toEqual([['any-not-met', 'a criterion Not met keeps it at Bronze']]);
    expect(why.blockers[0]!.because.join(' ')).toMatch(/Not met/);
  });
});
