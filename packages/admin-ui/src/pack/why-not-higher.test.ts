import { compilePack, evaluate } from '@openqaf/engine';
import { describe, expect, it } from 'vitest';
import { testPack } from './test-pack.test-helpers.js';
import { whyNotHigher } from './why-not-higher.js';

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
