import { describe, expect, it } from 'vitest';
import { compilePack, evaluate, importCriteriaCsv, validatePack, type Pack } from '@openqaf/engine';
import { pack } from './index.js';

/**
 * A criteria list in the form a quality lead saves Appendix 1 (000 s3.2.2: which criteria are Mandatory is in
 * Appendix 1, not among our documents): the pack's criteria with the Mandatory flag changed where `mandatory` says.
 */
function appendixCsv(mandatory: Record<string, boolean>): string {
  const rows = ['id,wording,domain,standard,mandatory,advanced'];
  for (const d of pack.framework!.domains) {
    for (const s of d.standards) {
      for (const c of s.criteria) {
        const m = mandatory[c.id] ?? (c.flags ?? []).includes('mandatory');
        const a = !m && (c.flags ?? []).includes('advanced');
        rows.push(`${c.id},"Wording of ${c.id}",${d.title},${s.id},${m ? 'yes' : 'no'},${a ? 'yes' : 'no'}`);
      }
    }
  }
  return `${rows.join('\n')}\n`;
}

const plainCriteria = (domain: string) => pack.framework!.domains.find((d) => d.id === domain)!.standards
  .flatMap((s) => s.criteria).filter((c) => !(c.flags ?? []).length).map((c) => c.id);
const mandatoryCriteria = (p: Pack, domain: string) => p.framework!.domains.find((d) => d.id === domain)!.standards
  .flatMap((s) => s.criteria).filter((c) => (c.flags ?? []).includes('mandatory')).map((c) => c.id);

describe('loading Appendix 1 whose Mandatory counts differ from the placeholder layout', () => {
  // Safeguarding with 4 Mandatory criteria instead of 5, Suitability of staffing with 6 instead of 4.
  const [firstPlain, secondPlain] = plainCriteria('staffing');
  const list = appendixCsv({ [mandatoryCriteria(pack, 'safeguarding').at(-1)!]: false, [firstPlain!]: true, [secondPlain!]: true });

  it('sets mandatoryCriteria of each changed domain to the new count, and the pack stays valid', () => {
    const r = importCriteriaCsv(pack as unknown as Record<string, unknown>, list);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.domains.map((d) => [d.domain, d.criteria, d.mandatory])).toEqual([
      ['involvement', 12, 4], ['personalisedCare', 16, 4], ['safeguarding', 15, 4], ['staffing', 19, 6], ['management', 17, 3],
    ]);
    expect(r.parameters).toEqual([
      { parameter: 'mandatoryCriteria', domain: 'safeguarding', from: 5, to: 4 },
      { parameter: 'mandatoryCriteria', domain: 'staffing', from: 4, to: 6 },
    ]);
    const loaded = r.pack as unknown as Pack;
    expect(loaded.framework!.domains.map((d) => d.parameters!.mandatoryCriteria)).toEqual([4, 4, 4, 6, 3]);
    expect(validatePack(loaded).errors).toEqual([]);
  });

  it('rates a domain Bronze by "all Mandatory criteria Partly met" (000 s3.2.2) against the loaded list', () => {
    const r = importCriteriaCsv(pack as unknown as Record<string, unknown>, list);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const loaded = r.pack as unknown as Pack;
    const judgements: Record<string, string> = {};
    for (const d of loaded.framework!.domains) for (const s of d.standards) for (const c of s.criteria) judgements[c.id] = 'Fully met';
    for (const id of mandatoryCriteria(loaded, 'staffing')) judgements[id] = 'Partly met';
    const d = evaluate(compilePack(loaded), { date: '2025-03-03', judgements, facts: { serviceType: 'Home Support' } }, { explain: true });
    expect(d.decisions['domainRating.staffing']).toBe('Bronze');
    // The rule of the text (every one of the 6 Mandatory criteria Partly met) decides, not the "at least Partly met" reading.
    const entry = d.explanation!.entries.find((e) => e.kind === 'decision' && e.of === 'domainRating.staffing') as { rules: { rule: string; fired?: boolean }[] };
    expect(entry.rules.filter((x) => x.fired).map((x) => x.rule)).toEqual(['bronze']);
  });

  it('refuses the pack when mandatoryCriteria is edited away from the list, naming the parameter and the domain', () => {
    const edited = structuredClone(pack);
    edited.framework!.domains.find((d) => d.id === 'staffing')!.parameters!.mandatoryCriteria = 3; // fewer than the list has: no threshold check sees it
    expect(validatePack(edited).errors.map((e) => [e.pointer, e.message])).toEqual([[
      '/framework/domains/3/parameters/mandatoryCriteria',
      'Mandatory criteria in the domain (Bronze: all Mandatory criteria are Partly met) ("mandatoryCriteria", domain "staffing") is 3, but domain "staffing" has 4 criteria flagged "mandatory": the parameter counts them.',
    ]]);
  });
});
