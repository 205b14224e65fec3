import { describe, expect, it } from 'vitest';
import { FACTS, FACT_BY_NAME } from './registry.js';
import { rankFilter } from './facts/judgement-filters.js';
import { factWords, leafConditionWords } from './wording.js';
import { countParameterBounds, criteriaCounted } from './facts/criteria-count.js';
import { validatePack } from '../schema/validate-pack.js';
import { examplePack } from '../fixtures/example-pack.js';

describe('the fact registry', () => {
  it('declares each built-in fact once, with its parameters and a docs row', () => {
    expect(FACT_BY_NAME.size).toBe(FACTS.length);
    expect(FACTS.map((f) => f.name)).toEqual(['assessmentDate', 'asOf', 'criteriaCount', 'domainCount', 'judgement', 'criteriaPoints', 'weightedCount']);
    for (const f of FACTS) expect(f.doc, f.name).toMatch(/\.$/);
    expect(FACTS.filter((f) => f.count).map((f) => f.name)).toEqual(['criteriaCount', 'domainCount']);
  });

  it('selects ranks by is, atLeast, atMost, above and below together, in words', () => {
    const ranks = new Map([['Not met', 0], ['Partly met', 1], ['Fully met', 2]]);
    const f = rankFilter({ atLeast: 'Partly met', below: 'Fully met' }, ranks, 3)!;
    expect([...f.mask]).toEqual([0, 1, 0]);
    expect(f.words).toBe('at least Partly met and below Fully met');
    expect(rankFilter({}, ranks, 3)).toBeUndefined();
  });

  it('runs a fact\'s own meaning check where the pack refers to it, naming the parameter by pointer', () => {
    const p = structuredClone(examplePack());
    p.decisions.overallRating!.rules![0]!.when = { fact: 'criteriaCount', params: { domian: 'x' }, operator: 'equal', value: 1 };
    const r = validatePack(p);
    expect(r.errors).toContainEqual(expect.objectContaining({ pointer: '/decisions/overallRating/rules/0/when/params/domian', message: 'Unknown criteriaCount parameter "domian".' }));
  });

  it('gives the bound of a number compared with a count: the criteria counted in each domain, the smallest when several', () => {
    const p = structuredClone(examplePack());
    const d0 = p.framework!.domains[0]!;
    const all = d0.standards.flatMap((s) => s.criteria).length;
    expect(criteriaCounted(p, { domain: '$domain' }, d0.id)).toBe(all);
    d0.standards[0]!.criteria[0]!.flags = ['pilot'];
    expect(criteriaCounted(p, { domain: '$domain', flag: 'pilot' }, d0.id)).toBe(1);
    expect(criteriaCounted(p, { domain: '$domain', notFlag: 'pilot' }, d0.id)).toBe(all - 1);
    const bounds = countParameterBounds(p);
    const [param] = Object.keys(bounds);
    expect(bounds[param!]![d0.id]).toBeLessThanOrEqual(all);
    const rule = Object.values(p.decisions).find((d) => d.forEach === 'domain')!.rules![0]!;
    rule.when = { all: [rule.when, { fact: 'criteriaCount', params: { domain: '$domain', flag: 'pilot' }, operator: 'greaterThanInclusive', value: { param: param! } }] };
    expect(countParameterBounds(p)[param!]![d0.id]).toBe(1);
  });

  it('words the count facts for an editor, and leaves other facts to the caller', () => {
    const w = { value: (v: unknown) => String(v), name: (id: string) => id.toUpperCase() };
    expect(factWords('criteriaCount', { domain: '$domain', flag: 'mandatory', atLeast: 'Partly met', below: 'Fully met' }, w))
      .toBe('the number of mandatory criteria judged at least Partly met judged below Fully met');
    expect(factWords('domainCount', { decision: 'band', is: 'Gold' }, w)).toBe('the number of domains whose band is Gold');
    expect(factWords('domainCount', { decision: 'band', atLeast: 'Silver' }, w)).toBe('the number of domains whose band is at least Silver');
    expect(factWords('domainCount', { decision: 'band', atMost: 'Bronze' }, w)).toBe('the number of domains whose band is at most Bronze');
    expect(factWords('domainCount', { decision: 'band', above: 'Bronze', below: 'Gold' }, w)).toBe('the number of domains whose band is above Bronze and below Gold');
    expect(factWords('cqcRating', {}, w)).toBeUndefined();
  });

  it('names a flag by the framework\'s label, never by its id, with or without it', () => {
    const labels: Record<string, string> = { core: 'Key to safe care' };
    const w = { value: (v: unknown) => String(v), name: (id: string) => id, flag: (id: string) => labels[id] ?? id };
    expect(factWords('criteriaCount', { domain: '$domain', flag: 'core', is: 'Not met' }, w)).toBe('the number of key to safe care criteria judged Not met');
    expect(factWords('criteriaCount', { notFlag: 'core', atLeast: 'Met' }, w)).toBe('the number of criteria not key to safe care judged at least Met');
    expect(leafConditionWords({ fact: 'criteriaCount', params: { flag: 'core', is: 'Not met' }, operator: 'equal', value: 0 }, { text: '0' }, { ...w, subject: (f) => f }))
      .toBe('no key to safe care criteria judged Not met');
  });

  it('names a domain by the framework\'s title, never by its id', () => {
    const titles: Record<string, string> = { safe: 'Safeguarding and safety' };
    const w = { value: (v: unknown) => String(v), name: (id: string) => id, domain: (id: string) => titles[id] ?? id };
    expect(factWords('criteriaCount', { domain: 'safe', is: 'Not met' }, w)).toBe('the number of criteria in Safeguarding and safety judged Not met');
    expect(factWords('criteriaPoints', { domain: 'safe' }, w)).toBe('the points of criteria in Safeguarding and safety');
  });
});
