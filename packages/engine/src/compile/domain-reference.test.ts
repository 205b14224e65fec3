import { describe, expect, it } from 'vitest';
import { compilePack } from './compile-pack.js';
import { explainDetermination } from '../explain/explain-determination.js';
import { evaluate } from '../evaluate/evaluate.js';
import { validatePack } from '../schema/validate-pack.js';
import { scored, statementsPack } from '../fixtures/statements-pack.js';
import type { Pack } from '../types.js';

const date = '2025-06-01';

describe('same-domain references ({ "fact": perDomainDecision, "params": { "domain": "$domain" } })', () => {
  const pack = statementsPack();
  // domainRating written before the domainScore it reads: the graph orders them.
  const { domainScore, ...rest } = pack.decisions;
  const reordered: Pack = { ...pack, decisions: { ...rest, domainScore: domainScore! } };
  // Compiled while collecting (the first compile builds the schema validator, which is slow on a busy machine).
  const c = compilePack(reordered);

  it('reads the same domain\'s instance, whatever order the decisions are written in', () => {
    expect(c.order.map((i) => i.id).indexOf('domainScore.safe')).toBeLessThan(c.order.map((i) => i.id).indexOf('domainRating.safe'));
    // s2/s3: Safe 3+3+3+2 = 11 is Silver; Caring 2+2+2+2 = 8 is Bronze.
    const d = evaluate(c, { date, judgements: scored(['3', '3', '3', '2'], ['2', '2', '2', '2']) }, { explain: true });
    expect(d.decisions['domainRating.safe']).toBe('Silver');
    expect(d.decisions['domainRating.caring']).toBe('Bronze');
    const silver = explainDetermination(c.pack, d).find((t) => t.decision === 'domainRating.safe' && t.rule === 'silver')!;
    expect(silver.because[0]).toMatch(/Domain score for Safe/);
  });

  it('reads a named domain\'s instance with a domain id', () => {
    const pack = statementsPack();
    pack.decisions.overallRating!.rules!.unshift({ id: 'safe-first', when: { fact: 'domainScore', params: { domain: 'safe' }, operator: 'equal', value: 16 }, output: 'Gold', source: { doc: 'guide', section: '5' } });
    const d = evaluate(compilePack(pack), { date, judgements: scored(['4', '4', '4', '4'], ['1', '1', '1', '1']) });
    expect(d.headline.value).toBe('Gold');
  });

  it('refuses $domain outside a per-domain decision and an unknown domain, naming where', () => {
    const pack = statementsPack();
    pack.decisions.overallRating!.rules![0]!.when = { fact: 'domainScore', params: { domain: '$domain' }, operator: 'lessThan', value: 8 };
    pack.decisions.overallRating!.rules![1]!.when = { fact: 'domainScore', params: { domain: 'wellLed' }, operator: 'lessThan', value: 8 };
    const errors = validatePack(pack).errors;
    expect(errors.find((e) => e.pointer === '/decisions/overallRating/rules/0/when/params/domain')?.message).toMatch(/only meaningful inside a per-domain decision/);
    const unknown = errors.find((e) => e.pointer === '/decisions/overallRating/rules/1/when/params/domain')!;
    expect(unknown.message).toMatch(/"wellLed", which is not a domain/);
    expect(unknown.hint).toMatch(/safe, caring/);
  });

  it('reports two per-domain decisions that read each other in the same domain as a cycle', () => {
    const pack = statementsPack();
    pack.decisions.domainScore!.rules![0]!.when = { fact: 'domainRating', params: { domain: '$domain' }, operator: 'equal', value: 'Gold' };
    const errors = validatePack(pack).errors.filter((e) => e.code === 'cycle');
    expect(errors[0]?.message).toMatch(/domainScore -> domainRating -> domainScore|domainRating -> domainScore -> domainRating/);
  });
});
