import { describe, expect, it } from 'vitest';
import { compilePack } from '../../compile/compile-pack.js';
import { compileFact } from '../../compile/compile-fact.js';
import { initialState } from '../../evaluate/evaluate.js';
import { validatePack } from '../../schema/validate-pack.js';
import { factWords } from '../wording.js';
import { statementScoresPack, weightedQuestionsPack } from '../frameworks/number-frameworks.js';

describe('points and weights', () => {
  const c = compilePack(weightedQuestionsPack());
  const scope = { index: c.index, extensions: {}, domainIndex: -1, countSlots: new Map<string, number>() };
  const judgements = { q1: 'Met', q2: 'Not met', q3: 'Partly', q5: 'Met' }; // q4 not judged
  const s = (() => { const st = initialState(c, { date: '2025-06-01', judgements: {}, facts: {} }, '2025-06-01'); return st; })();
  const ranks = c.judgementRanks;
  for (const [id, j] of Object.entries(judgements)) s.ranks[c.index.criteriaById.get(id)!.index] = ranks.get(j)!;
  const read = (fact: string, params: Record<string, unknown> = {}) => compileFact(fact, params, undefined, scope).get(s);

  it('sum each judgement\'s points times its criterion\'s weight, a criterion not judged scoring nothing', () => {
    expect(read('criteriaPoints')).toBe(3 * 2 + 3 * 0 + 1 * 1 + 0.5 * 2);
    expect(read('criteriaPoints', { flag: 'safeguarding' })).toBe(6);
    expect(read('criteriaPoints', { notFlag: 'safeguarding', atLeast: 'Met' })).toBe(1);
    expect(read('criteriaPoints', { domain: 'all', standard: 'q', is: ['Partly', 'Met'] })).toBe(8);
  });

  it('count criteria by their weights, with the same filters as criteriaCount', () => {
    expect(read('weightedCount')).toBe(8.5);
    expect(read('weightedCount', { atLeast: 'Not met' })).toBe(7.5);
    expect(read('weightedCount', { flag: 'safeguarding', is: 'Not met' })).toBe(3);
    expect(read('weightedCount', { below: 'Met' })).toBe(4);
    expect(read('criteriaCount', { below: 'Met' })).toBe(2);
  });

  it('are worded for an editor', () => {
    const w = { value: (v: unknown) => String(v), name: (id: string) => id };
    expect(factWords('criteriaPoints', { flag: 'safeguarding', atLeast: 'Partly' }, w)).toBe('the points of safeguarding criteria judged at least Partly');
    expect(factWords('weightedCount', { domain: 'all', is: 'Met' }, w)).toBe('the weighted number of criteria in all judged Met');
  });

  it('report points missing or off the scale, an unknown parameter, and points read without them, all at once', () => {
    const p = weightedQuestionsPack();
    p.scales.answer = { label: 'Answer', values: ['Not met', 'Partly', 'Met'], points: { 'Not met': 0, Met: 2, Mostly: 1.5 } };
    p.decisions.weighted!.rules![0]!.when = { fact: 'weightedCount', params: { flg: 'x' }, operator: 'greaterThan', value: 0 };
    expect(validatePack(p).errors.map((e) => [e.pointer, e.message])).toEqual(expect.arrayContaining([
      ['/scales/answer/points/Mostly', '"Mostly" is not a value of scale "answer".'],
      ['/scales/answer/points', 'Scale "answer" gives points to some values but not to "Partly".'],
      ['/decisions/weighted/rules/0/when/params/flg', 'Unknown weightedCount parameter "flg".'],
    ]));
    const q = statementScoresPack();
    delete (q.scales.score as { points?: unknown }).points;
    expect(validatePack(q).errors.map((e) => [e.pointer, e.message])).toEqual([
      ['/decisions/percentage/rules/0/output/round/percentage/part/params', 'criteriaPoints needs points on the judgement scale "score".'],
    ]);
  });

  it('refuse a weight that is not a finite number, by pointer', () => {
    for (const weight of ['heavy', Number.POSITIVE_INFINITY, Number.NaN]) {
      const p = weightedQuestionsPack();
      (p.framework!.domains[0]!.standards[0]!.criteria[0] as { weight: unknown }).weight = weight;
      expect(validatePack(p).errors.map((e) => e.pointer), String(weight)).toEqual(['/framework/domains/0/standards/0/criteria/0/weight']);
    }
  });
});

describe('the criteria a weighted sum or count counted, in the explanation', () => {
  it('lists the criteria judged (and passing the filter) for criteriaPoints and weightedCount, as for criteriaCount', async () => {
    const { evaluate } = await import('../../evaluate/evaluate.js');
    const pack = statementScoresPack();
    pack.decisions.rating!.rules!.unshift({
      id: 'strong-safe', source: { doc: 'guide', section: '2' }, output: 'Outstanding',
      when: { all: [
        { fact: 'criteriaPoints', params: { domain: 'safe' }, operator: 'greaterThanInclusive', value: 100 },
        { fact: 'weightedCount', params: { domain: 'safe', atLeast: 'Good' }, operator: 'greaterThanInclusive', value: 3 },
      ] },
    });
    // Only safe-1 is Good or better: the weighted count counts it alone; the points sum all three.
    const judgements = { 'safe-1': 'Excellent', 'safe-2': 'Poor', 'safe-3': 'Fair', 'caring-1': 'Good', 'caring-2': 'Good', 'caring-3': 'Good' };
    const d = evaluate(compilePack(pack), { date: '2025-06-01', judgements, facts: {} }, { explain: true });
    const e = d.explanation!;
    const entry = e.entries.find((x) => x.kind === 'decision' && x.of === 'rating');
    const rule = entry!.kind === 'decision' ? entry!.rules.find((r) => r.rule === 'strong-safe')! : undefined;
    const [points, weighted] = rule!.conditions;
    expect(points!.value).toBe(4 + 1 + 2);
    expect(points!.counted!.map((i) => e.judgements![i])).toEqual(['Excellent', 'Poor', 'Fair']);
    expect(weighted!.value).toBe(1);
    expect(weighted!.counted!.map((i) => e.judgements![i])).toEqual(['Excellent']);
  });
});
