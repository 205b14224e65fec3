import { describe, expect, it } from 'vitest';
import { compilePack, evaluate, listParameters, type Pack } from '@openqaf/engine';
import { pack } from './index.js';

/** The pack with one pack-wide parameter set to another value. */
function withParameter(name: string, value: number): Pack {
  const copy = structuredClone(pack);
  copy.parameters![name] = { ...copy.parameters![name]!, value };
  return copy;
}

const silverVisit = { date: '2025-03-03', facts: { serviceType: 'Home Support' } };
/** Every criterion Fully met: each domain Silver (000 s3.2.2). */
const allFullyMet = (p: Pack) => Object.fromEntries(p.framework!.domains.flatMap((d) => d.standards.flatMap((s) => s.criteria.map((c) => [c.id, 'Fully met']))));

describe('declared parameters', () => {
  it('declares every threshold, due time and visit interval with the council\'s words and a citation', () => {
    const listed = listParameters(pack);
    const names = listed.map((p) => p.name).sort();
    expect(names).toEqual(['advancedCriteria', 'bronzeMaxNotMet', 'goldMinExceptional', 'goldPqasIntervalMonths', 'goldVisitIntervalMonths',
      'iapApprovalDays', 'iapApprovalExpectedDays', 'iapSubmitDays', 'inadequateMinNotMet', 'largeOverWeeklyHours', 'mandatoryCriteria', 'pqasIntervalMonths',
      'silverMinFullyMet', 'smallUnderWeeklyHours', 'totalCriteria', 'totalStandards', 'visitIntervalMonths']);
    for (const p of listed) {
      expect(p.label, p.name).toMatch(/\w/);
      expect(p.source?.doc, p.name).toMatch(/^00[012]$/);
    }
    // 000 s3.2.2: the Silver threshold differs per domain, so each domain has its own value.
    const silver = listed.find((p) => p.name === 'silverMinFullyMet')!;
    expect(silver.values.map((v) => v.pointer)).toEqual(pack.framework!.domains.map((_, i) => `/framework/domains/${i}/parameters/silverMinFullyMet`));
  });

  it('a changed visit interval or IAP due time changes the dates (001 s5.3, 000 s4.1)', () => {
    const dueOf = (p: Pack) => {
      const d = evaluate(compilePack(p), { ...silverVisit, judgements: allFullyMet(p) });
      return Object.fromEntries(d.schedule.map((e) => [e.id, e.nextDue]));
    };
    expect(dueOf(pack)['qmv-annual']).toBe('2026-03-03');
    expect(dueOf(withParameter('visitIntervalMonths', 6))['qmv-annual']).toBe('2025-09-03');
    const bronze = (p: Pack) => {
      const judgements = allFullyMet(p);
      for (const d of p.framework!.domains.filter((x) => x.id === 'safeguarding' || x.id === 'staffing')) {
        for (const s of d.standards) for (const c of s.criteria) judgements[c.id] = 'Partly met';
      }
      return Object.fromEntries(evaluate(compilePack(p), { ...silverVisit, judgements }).actions.map((a) => [a.id, a.due]));
    };
    expect(bronze(pack)['iap-submit']).toBe('2025-03-10');
    expect(bronze(withParameter('iapSubmitDays', 10))['iap-submit']).toBe('2025-03-13');
  }, 60_000);

  it('the provider size thresholds are declared, and changing them changes the size (002 Provider size classification)', () => {
    // "Large over 2,000, Medium 1,000 to 2,000, Small under 1,000" weekly hours funded by the Council.
    const size = (p: Pack, weeklyHours: number) => evaluate(compilePack(p), { date: '2025-03-03', judgements: allFullyMet(p), facts: { serviceType: 'Home Support', weeklyHours } }).decisions.providerSize;
    expect([size(pack, 999), size(pack, 1000), size(pack, 2000), size(pack, 2001)]).toEqual(['Small', 'Medium', 'Medium', 'Large']);
    expect(size(withParameter('smallUnderWeeklyHours', 1200), 1100)).toBe('Small');
    expect(size(withParameter('largeOverWeeklyHours', 1500), 1600)).toBe('Large');
    const large = listParameters(pack).find((p) => p.name === 'largeOverWeeklyHours')!;
    expect([large.unit, large.values.map((v) => v.value), large.source]).toEqual(['weekly hours', [2000], { doc: '002', section: 'Provider size classification' }]);
  }, 60_000);

  it('names what uses a pack-wide parameter without the number it sets, so a changed value never contradicts the name', () => {
    const params = pack.parameters ?? {};
    const named: { label: string; uses: string[] }[] = [];
    const walk = (v: unknown): void => {
      if (!v || typeof v !== 'object') return;
      if (Array.isArray(v)) { v.forEach(walk); return; }
      const o = v as Record<string, unknown>;
      const label = typeof o.label === 'string' ? o.label : undefined;
      if (label && o !== params) named.push({ label, uses: [...JSON.stringify(o).matchAll(/"param":"([^"]+)"/g)].map((m) => m[1]!) });
      Object.values(o).forEach(walk);
    };
    walk([pack.decisions, pack.outcomes]);
    const clashes = named.flatMap(({ label, uses }) => uses.flatMap((name) => {
      const value = params[name]?.value;
      // 000 s4.1 "within 7 days", 001 s5.3 annual visits (12 months), 002 PQAS every 6 months, Gold every two years (24), size 1,000 / 2,000 hours.
      const words = typeof value === 'number' ? [String(value), value.toLocaleString('en-GB'), ...(value === 12 ? ['annual', 'annually'] : []), ...(value === 24 ? ['two years'] : [])] : [];
      return words.filter((w) => new RegExp(`\\b${w}\\b`, 'i').test(label)).map((w) => `${label} (${name}: ${w})`);
    }));
    expect(clashes).toEqual([]);
  });
});

