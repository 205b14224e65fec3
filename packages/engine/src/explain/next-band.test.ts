import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readPackSource } from '../source/load-pack-source.js';
import { compilePack } from '../compile/compile-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { nextBandUp } from './next-band.js';

/** Birmingham's pack as published (read, not changed). */
const pack = readPackSource(fileURLToPath(new URL('../../../councils-birmingham/pack', import.meta.url)));
const compiled = compilePack(pack);

/** Every criterion Fully met, except those given. */
function judgements(except: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of pack.framework!.domains) for (const s of d.standards) for (const c of s.criteria) out[c.id] = except[c.id] ?? 'Fully met';
  return out;
}

const determine = (except: Record<string, string>) => evaluate(compiled, { date: '2025-03-01', judgements: judgements(except), facts: { visitType: 'Annual', serviceType: 'Home Support' } }, { explain: true });

describe('nextBandUp: which criteria kept a domain from the next band (Birmingham, Quality Ratings Guidance 2024 s3.2.2)', () => {
  // s3.2.2, Safeguarding and safety: Silver is "At least 12 of the 15 criteria are rated Fully met,
  // including all 5 of the Mandatory criteria. None of the criteria are Not met"; saf-01..05 are the mandatory ones.
  it('a mandatory criterion Partly met keeps Safeguarding at Bronze: that one criterion, needing Fully met, not the other Partly met one', () => {
    const d = determine({ 'saf-02': 'Partly met', 'saf-07': 'Partly met' });
    const why = nextBandUp(pack, d, 'domainRating.safeguarding');
    expect(why.value).toBe('Bronze');
    expect(why.next).toBe('Silver');
    // Both of the pack's Silver rules (Fully met counted alone, or with Exceptional) fail only on the mandatory criteria.
    expect(why.rules.map((r) => r.rule)).toEqual(['silver', 'silver-counting-exceptional']);
    for (const r of why.rules) {
      expect(r.source).toBe('000 s3.2.2');
      expect(r.failed).toHaveLength(1);
      const f = r.failed[0]!;
      expect(f).toMatchObject({ fact: 'criteriaCount', operator: 'equal', value: 1, wanted: 0, needs: 1 });
      expect(f.criteria).toEqual([{ id: 'saf-02', title: expect.any(String), judgement: 'Partly met', needed: 'Fully met' }]);
      expect(f.words).toMatch(/^needs no mandatory criteria in Safeguarding and safety judged below Fully met; 1 was$/);
    }
  });

  it('11 of 15 Fully met keeps Safeguarding from Silver: one more of the four Partly met ones must be Fully met', () => {
    const d = determine({ 'saf-06': 'Partly met', 'saf-07': 'Partly met', 'saf-08': 'Partly met', 'saf-09': 'Partly met' });
    const why = nextBandUp(pack, d, 'domainRating.safeguarding');
    expect([why.value, why.next]).toEqual(['Bronze', 'Silver']);
    const silver = why.rules.find((r) => r.rule === 'silver')!;
    expect(silver.failed).toHaveLength(1);
    const f = silver.failed[0]!;
    // "At least 12 of the 15": 11 were, so 1 more is needed, from the 4 not Fully met.
    expect(f).toMatchObject({ fact: 'criteriaCount', operator: 'greaterThanInclusive', value: 11, wanted: 12, needs: 1 });
    expect(f.criteria!.map((c) => [c.id, c.judgement, c.needed])).toEqual([
      ['saf-06', 'Partly met', 'Fully met'], ['saf-07', 'Partly met', 'Fully met'], ['saf-08', 'Partly met', 'Fully met'], ['saf-09', 'Partly met', 'Fully met'],
    ]);
  });

  // s3.2.2, Gold: "At least 3 of the 3 advanced criteria are rated Exceptional and all others are rated Fully met".
  it('from Silver to Gold: the advanced criteria not Exceptional, each needing Exceptional', () => {
    const d = determine({ 'saf-13': 'Exceptional' });
    const why = nextBandUp(pack, d, 'domainRating.safeguarding');
    expect([why.value, why.next]).toEqual(['Silver', 'Gold']);
    const f = why.rules[0]!.failed[0]!;
    expect(f).toMatchObject({ value: 1, wanted: 3, needs: 2 });
    expect(f.criteria!.map((c) => [c.id, c.judgement, c.needed])).toEqual([['saf-14', 'Fully met', 'Exceptional'], ['saf-15', 'Fully met', 'Exceptional']]);
  });

  it('has nothing above the top band, and nothing without an explanation', () => {
    const gold = determine({ 'saf-13': 'Exceptional', 'saf-14': 'Exceptional', 'saf-15': 'Exceptional' });
    expect(nextBandUp(pack, gold, 'domainRating.safeguarding')).toEqual({ instance: 'domainRating.safeguarding', value: 'Gold', given: { rule: 'gold', label: expect.any(String) }, rules: [] });
    const plain = evaluate(compiled, { date: '2025-03-01', judgements: judgements({ 'saf-02': 'Partly met' }), facts: { serviceType: 'Home Support' } });
    expect(nextBandUp(pack, plain, 'domainRating.safeguarding').rules).toEqual([]);
  });
});

describe('nextBandUp: what gave a band that is not decided on its own criteria', () => {
  it('names the rule that gave the overall rating (taken from other ratings), so a reader is not told "nothing"', () => {
    // 002 "Adjusting the quality rating": the overall rating is the most recent of the CQC and visit ratings.
    const d = determine({ 'saf-02': 'Partly met' });
    const why = nextBandUp(pack, d, 'overallRating');
    expect(why.rules).toEqual([]);
    expect(why.given).toEqual({ rule: expect.any(String), label: 'The most recent rating' });
  });

  it('names the rule that gave a domain band too', () => {
    const why = nextBandUp(pack, determine({}), 'domainRating.safeguarding');
    expect(why.given?.label).toBe(pack.decisions.domainRating!.rules!.find((r) => r.id === why.given?.rule)?.label);
  });
});

describe('nextBandUp towards the better end, where the first value is the best (Bolton, Herefordshire)', () => {
  const bolton = readPackSource(fileURLToPath(new URL('../../../councils-bolton/pack', import.meta.url)));
  const hereford = readPackSource(fileURLToPath(new URL('../../../councils-herefordshire/pack', import.meta.url)));

  it('Bolton PQR 3 ("Moderate concern"): the band up is 2, kept by the Appendix 3 rating-3 indicator that was recorded', () => {
    // 003 A3: PQR 1 "No concerns" ... 5 "Catastrophic concern"; "These concerns may impact on customer safety" is rating 3.
    const d = evaluate(compilePack(bolton), { date: '2020-06-01', facts: { providerType: 'Adult social care - CQC regulated', qaActivity: 'QM-1', serviceType: 'Extra Care', concernsMayImpactCustomerSafety: true } }, { explain: true });
    const why = nextBandUp(bolton, d, 'computedProviderQualityRating');
    expect(why.value).toBe('3');
    expect(why.next).toBe('2');
    expect(why.rules.length).toBeGreaterThan(0);
    expect(why.rules.every((r) => r.fired === true)).toBe(true);
    expect(why.rules.flatMap((r) => r.failed.map((f) => f.fact))).toContain('concernsMayImpactCustomerSafety');
    expect(why.rules.flatMap((r) => r.failed.map((f) => f.value))).toEqual(why.rules.flatMap((r) => r.failed.map(() => true)));
  });

  it('Herefordshire Level 2 (CQC warning notice): the band up is Level 1, kept by the Level 2 indicator; from Level 1 there is none', () => {
    // 004 A2: Level 1 "No concerns / Minor concerns", Level 2 "Moderate concerns" (CQC warning notices), Level 3 "Major concerns".
    const compiled = compilePack(hereford);
    const d = evaluate(compiled, { date: '2025-03-03', facts: { cqcWarningNoticesOrComplianceActions: true } }, { explain: true });
    const why = nextBandUp(hereford, d, 'qualityThresholdLevel');
    expect(why.value).toBe('Level 2');
    expect(why.next).toBe('Level 1');
    expect(why.rules.flatMap((r) => r.failed.map((f) => f.fact))).toEqual(['cqcWarningNoticesOrComplianceActions']);
    const one = evaluate(compiled, { date: '2025-03-03', facts: { overallCqcRatingOutstandingOrGood: true } }, { explain: true });
    expect(one.decisions.qualityThresholdLevel).toBe('Level 1');
    expect(nextBandUp(hereford, one, 'qualityThresholdLevel')).toMatchObject({ value: 'Level 1', rules: [] });
    expect(nextBandUp(hereford, one, 'qualityThresholdLevel').next).toBeUndefined();
  });
});
