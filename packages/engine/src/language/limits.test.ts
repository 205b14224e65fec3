import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile/compile-pack.js';
import { explainDetermination } from '../explain/explain-determination.js';
import { evaluate } from '../evaluate/evaluate.js';
import { validatePack } from '../schema/validate-pack.js';
import { analyse } from '../analyse/analyse.js';
import { runCases } from '../testing/run-cases.js';
import { scored, statementsPack } from '../fixtures/statements-pack.js';
import type { Pack } from '../types.js';

const date = '2025-06-01';
const src4 = { doc: 'guide', section: '4' };

describe('limiters ("if any statement in this domain is scored 1, this domain cannot be above Bronze")', () => {
  const compiled = compilePack(statementsPack());

  it('the pack validates and its cases (expected values from the guide\'s words) pass', () => {
    expect(validatePack(statementsPack()).errors).toEqual([]);
    const report = runCases(compiled);
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
    expect(report.passed).toBe(3);
  });

  it('caps a domain whose score alone would make it Gold at Bronze when one statement is scored 1 (s3, s4)', () => {
    // Safe: 1+4+4+4 = 13 (Silver by s3) with a 1, so Bronze by s4; Caring: 4+4+4+4 = 16, Gold.
    const d = evaluate(compiled, { date, judgements: scored(['1', '4', '4', '4'], ['4', '4', '4', '4']) }, { explain: true });
    expect(d.decisions['domainScore.safe']).toBe(13);
    expect(d.decisions['domainRating.safe']).toBe('Bronze');
    expect(d.decisions['domainRating.caring']).toBe('Gold');
    // s5: the lowest of the domain ratings.
    expect(d.headline.value).toBe('Bronze');
    const limiter = explainDetermination(compiled.pack, d).filter((t) => t.rule === 'scored-1');
    expect(limiter.map((t) => [t.decision, t.fired])).toEqual([['domainRating.safe', true], ['domainRating.caring', false]]);
    expect(limiter[0]!.because.join(' ')).toMatch(/Silver is capped: it cannot be above Bronze/);
    expect(limiter[0]!.source).toBe('guide s4');
  });

  it('leaves a rating already at or below the cap as it is (s3: a score of 8 is Bronze; 7 is Inadequate)', () => {
    const d = evaluate(compiled, { date, judgements: scored(['1', '2', '2', '3'], ['1', '2', '2', '2']) }, { explain: true });
    expect(d.decisions['domainRating.safe']).toBe('Bronze');
    expect(d.decisions['domainRating.caring']).toBe('Inadequate');
    expect(explainDetermination(compiled.pack, d).filter((t) => t.rule === 'scored-1').every((t) => !t.fired)).toBe(true);
  });

  it('does not cap a domain with no statement scored 1 (s3: 4+4+3+3 = 14 is Gold)', () => {
    const d = evaluate(compiled, { date, judgements: scored(['4', '4', '3', '3'], ['2', '4', '4', '4']) });
    expect(d.decisions['domainRating.safe']).toBe('Gold');
    expect(d.decisions['domainRating.caring']).toBe('Gold');
    expect(d.headline.value).toBe('Gold');
  });

  it('is analysed with its condition: the analysis is complete and finds no gap', () => {
    const report = analyse(compiled);
    expect(report.complete).toBe(true);
    expect(report.summary.gap).toBe(0);
    const safe = report.decisions.find((d) => d.decision === 'domainRating.safe')!;
    // The limiter reads statements scored 1 in the domain: a dimension of the analysis.
    expect(safe.dimensions.some((n) => /criteria/.test(n))).toBe(true);
  });

  it('refuses a limiter whose cap is not on the decision\'s scale, a duplicate id, and one on a collect decision', () => {
    const pack = statementsPack() as Pack;
    const rating = pack.decisions.domainRating!;
    rating.limits = [...rating.limits!, { ...rating.limits![0]!, atMost: 'Platinum' }];
    const errors = validatePack(pack).errors;
    expect(errors.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/decisions/domainRating/limits/1/atMost', '/decisions/domainRating/limits/1/id']));
    expect(errors.find((e) => e.pointer.endsWith('/atMost'))!.hint).toMatch(/Inadequate, Bronze, Silver, Gold/);
    const collect = statementsPack();
    collect.decisions.domainRating!.hitPolicy = 'collect';
    expect(validatePack(collect).errors.some((e) => e.pointer === '/decisions/domainRating/limits/0' && /cannot cap/.test(e.message))).toBe(true);
  });

  it('reports a limiter that reads its own decision as a self-reference', () => {
    const pack = statementsPack();
    pack.decisions.domainRating!.limits![0]!.when = { fact: 'domainRating', params: { domain: '$domain' }, operator: 'equal', value: 'Gold' };
    const errors = validatePack(pack).errors;
    expect(errors.some((e) => e.pointer === '/decisions/domainRating/limits/0/when/fact' && e.code === 'cycle')).toBe(true);
  });

  it('caps the proposal of a decision a person takes: Silver by score with a statement scored 1 is proposed as Bronze (s3, s4)', () => {
    const pack = statementsPack();
    pack.decisions.domainRating!.decidedBy = { role: 'team-manager', label: 'the team manager', source: src4 };
    const compiled = compilePack(pack);
    // Safe: 1+4+4+4 = 13, Silver by s3; a statement scored 1 keeps it at most Bronze (s4).
    const d = evaluate(compiled, { date, judgements: scored(['1', '4', '4', '4'], ['4', '4', '4', '4']) });
    expect(d.proposals?.find((p) => p.decision === 'domainRating.safe')?.proposed).toBe('Bronze');
    expect(d.decisions['domainRating.safe']).toBe('Bronze');
    // A person recording a value sees the limited value as what the rules gave.
    const decided = evaluate(compiled, { date, judgements: scored(['1', '4', '4', '4'], ['4', '4', '4', '4']), decisions: { 'domainRating.safe': { value: 'Bronze', by: 'Team manager', at: date } } });
    expect(decided.decidedBy?.['domainRating.safe']).toMatchObject({ value: 'Bronze', computed: 'Bronze' });
  });
});
