import { compilePack, evaluate } from '@openqaf/engine';
import { describe, expect, it } from 'vitest';
import { testPack } from './test-pack.test-helpers.js';
import { whyNotHigher } from './why-not-higher.js';

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
