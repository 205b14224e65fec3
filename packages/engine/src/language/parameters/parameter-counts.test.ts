import { describe, expect, it } from 'vitest';
import { countingPack } from '../../fixtures/counting-pack.js';
import { validatePack } from '../../schema/validate-pack.js';
import { compilePack } from '../../compile/compile-pack.js';
import { evaluate } from '../../evaluate/evaluate.js';
import { importCriteriaCsv } from '../../source/criteria-csv.js';
import type { Pack } from '../../types.js';

const src = (section: string) => ({ doc: 'guide', section });

const errorsOf = (pack: Pack | Record<string, unknown>) => validatePack(pack).errors.map((e) => ({ pointer: e.pointer, code: e.code, message: e.message }));

/** A CSV of the example pack's criteria as they are, with the Mandatory flag changed where `mandatory` says. */
function criteriaCsv(pack: Pack, mandatory: Record<string, boolean>): string {
  const rows = ['id,wording,domain,standard,mandatory,advanced'];
  for (const d of pack.framework!.domains) {
    for (const s of d.standards) {
      for (const c of s.criteria) {
        const m = mandatory[c.id] ?? (c.flags ?? []).includes('mandatory');
        const a = !m && (c.flags ?? []).includes('advanced');
        rows.push(`${c.id},Wording of ${c.id},${d.id},${s.id},${m ? 'yes' : 'no'},${a ? 'yes' : 'no'}`);
      }
    }
  }
  return `${rows.join('\n')}\n`;
}

/** Every criterion Fully met: each domain Silver when its Mandatory count is right (the example pack's rules). */
const allFullyMet = (pack: Pack) => ({
  date: '2025-03-01', facts: { statementLate: false },
  judgements: Object.fromEntries(pack.framework!.domains.flatMap((d) => d.standards.flatMap((s) => s.criteria.map((c) => [c.id, 'Fully met'])))),
});

describe('counting parameters (`counts`)', () => {
  it('validate when each domain value is the count of its flagged criteria', () => {
    expect(errorsOf(countingPack())).toEqual([]);
  });

  it('refuse a domain value that is not the count, naming the parameter, the domain and both numbers', () => {
    const pack = countingPack();
    pack.framework!.domains[2]!.parameters!.mandatory = 4;
    expect(errorsOf(pack)).toEqual([{
      pointer: '/framework/domains/2/parameters/mandatory', code: 'parameter.count',
      message: 'Mandatory criteria in the domain ("mandatory", domain "safety") is 4, but domain "safety" has 5 criteria flagged "mandatory": the parameter counts them.',
    }]);
  });

  it('count a pack-wide value over the whole framework, and standards as well as criteria', () => {
    const pack = countingPack();
    pack.parameters!.criteriaInAll = { label: 'Criteria in all', type: 'integer', min: 0, max: 100, value: 79, source: src('2'), counts: { of: 'criteria' } };
    pack.parameters!.standardsInAll = { label: 'Core standards in all', type: 'integer', min: 0, max: 100, value: 15, source: src('2'), counts: { of: 'standards' } };
    expect(errorsOf(pack)).toEqual([]);
    pack.parameters!.criteriaInAll.value = 80;
    pack.parameters!.standardsInAll.value = 14;
    expect(errorsOf(pack)).toEqual([
      { pointer: '/parameters/criteriaInAll/value', code: 'parameter.count', message: 'Criteria in all ("criteriaInAll") is 80, but the framework has 79 criteria: the parameter counts them.' },
      { pointer: '/parameters/standardsInAll/value', code: 'parameter.count', message: 'Core standards in all ("standardsInAll") is 14, but the framework has 15 standards: the parameter counts them.' },
    ]);
  });

  it('refuse a flag the framework does not define, or a flag on standards', () => {
    const pack = countingPack();
    pack.parameters!.mandatory!.counts = { of: 'criteria', flag: 'essential' };
    expect(errorsOf(pack).map((e) => [e.pointer, e.message])).toEqual([
      ['/parameters/mandatory/counts/flag', 'Parameter "mandatory" counts criteria flagged "essential", which the framework does not define.'],
      // Nothing is flagged "essential", so every domain's value is off as well.
      ...pack.framework!.domains.map((d, i) => [`/framework/domains/${i}/parameters/mandatory`, expect.stringContaining(`domain "${d.id}" has 0 criteria flagged "essential"`)]),
    ]);
    pack.parameters!.mandatory!.counts = { of: 'standards', flag: 'mandatory' };
    expect(errorsOf(pack).map((e) => [e.pointer, e.message])[0]).toEqual(['/parameters/mandatory/counts/flag', 'Parameter "mandatory" counts standards; only criteria carry flags.']);
  });
});

describe('loading a criteria list whose Mandatory counts differ from the pack\'s', () => {
  // Safety gets a sixth Mandatory criterion (safety-09, a plain one before), Involvement two of its four lose the flag.
  const changed = { 'safety-09': true, 'involvement-01': false, 'involvement-02': false };

  it('sets each counting parameter to the new count and reports every change', () => {
    const pack = countingPack();
    const r = importCriteriaCsv(pack as unknown as Record<string, unknown>, criteriaCsv(pack, changed));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.parameters).toEqual([
      { parameter: 'mandatory', domain: 'involvement', from: 4, to: 2 },
      { parameter: 'mandatory', domain: 'safety', from: 5, to: 6 },
    ]);
    const loaded = r.pack as unknown as Pack;
    expect(loaded.framework!.domains.map((d) => d.parameters!.mandatory)).toEqual([2, 4, 6, 4, 3]);
    expect(pack.framework!.domains.map((d) => d.parameters!.mandatory)).toEqual([4, 4, 5, 4, 3]);
    expect(errorsOf(loaded)).toEqual([]);
    // The Silver rule reads "all Mandatory criteria Fully met" as a count equal to the parameter: true to the new list.
    const d = evaluate(compilePack(loaded), allFullyMet(loaded));
    expect(d.decisions['domainBand.safety']).toBe('Silver');
    expect(d.decisions['domainBand.involvement']).toBe('Silver');
  });

  it('leaves a parameter without `counts` as it was: a larger count passes validation, and the band reads the old one (why the pack declares it)', () => {
    const pack = countingPack();
    delete pack.parameters!.mandatory!.counts;
    const r = importCriteriaCsv(pack as unknown as Record<string, unknown>, criteriaCsv(pack, { 'safety-09': true }));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.parameters).toEqual([]);
    const loaded = r.pack as unknown as Pack;
    expect(loaded.framework!.domains[2]!.parameters!.mandatory).toBe(5);
    expect(errorsOf(loaded)).toEqual([]);
    // Six Mandatory criteria Fully met are not "5": with every criterion Fully met no band of the domain holds.
    expect(() => evaluate(compilePack(loaded), allFullyMet(loaded))).toThrow('domainBand.safety: no rule matched');
  });

  it('reports no change when the list keeps the counts', () => {
    const pack = countingPack();
    const r = importCriteriaCsv(pack as unknown as Record<string, unknown>, criteriaCsv(pack, {}));
    expect(r.ok && r.parameters).toEqual([]);
  });
});
