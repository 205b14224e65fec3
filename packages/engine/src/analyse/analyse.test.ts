import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import type { Pack } from '../types.js';
import { LIMITS } from '../schema/limits.js';
import { validatePack } from '../schema/validate-pack.js';
import { analyse, analyseInstance } from './analyse.js';

const BANDS = ['Inadequate', 'Bronze', 'Silver', 'Gold'];

/** The example's overall table, written independently of the engine. */
function coveredByTable(bands: string[]): boolean {
  const n = (b: string) => bands.filter((x) => x === b).length;
  const silverUp = bands.filter((x) => x === 'Silver' || x === 'Gold').length;
  return (n('Gold') >= 2 && silverUp === 5) || (silverUp >= 4 && n('Bronze') <= 1 && n('Inadequate') === 0)
    || (n('Bronze') >= 2 && n('Inadequate') <= 1) || n('Inadequate') >= 2;
}

function allCombinations(k: number): string[][] {
  return k === 0 ? [[]] : allCombinations(k - 1).flatMap((rest) => BANDS.map((b) => [b, ...rest]));
}

const uncovered = allCombinations(5).filter((c) => !coveredByTable(c));

describe('analyse', () => {
  it('enumerates each domain\'s criteria as count vectors per class and finds no holes in the domain tables', () => {
    const r = analyse(compilePack(examplePack()));
    const safety = r.decisions.find((d) => d.decision === 'domainBand.safety')!;
    expect(safety.exhaustive).toBe(true);
    // 5 mandatory (3 judgements), 3 advanced (4), 7 others (3): C(7,2) * C(6,3) * C(9,2) vectors.
    expect(safety.points).toBe(21 * 20 * 36);
    // ... standing for every one of 3^12 * 4^3 judgement assignments.
    expect(safety.combinations).toBe(3 ** 12 * 4 ** 3);
    expect(safety.findings).toEqual([]);
  });

  it('shows exactly the overall-band combinations the table leaves to the fallback interpretation', () => {
    const r = analyse(compilePack(examplePack()));
    const visit = r.decisions.find((d) => d.decision === 'visitBand')!;
    expect(visit.exhaustive).toBe(true);
    expect(visit.combinations).toBe(4 ** 5);
    const f = visit.findings.find((x) => x.kind === 'fallback-only')!;
    expect(f.interpretation).toBe('uncovered-combination');
    expect(f.count).toBe(uncovered.length);
  });

  it('names domain-band inputs as multisets in the council\'s words when only counts of domains matter', () => {
    const p: Pack = structuredClone(examplePack());
    p.decisions.visitBand!.fallback = { output: 'Bronze', interpretation: 'uncovered-combination' };
    const visit = analyse(compilePack(p)).decisions.find((d) => d.decision === 'visitBand')!;
    expect(visit.points).toBe(56); // multisets of 5 domains over 4 bands
    const f = visit.findings.find((x) => x.kind === 'fallback-only')!;
    expect(f.count).toBe(uncovered.length);
    expect(f.examples.map((e) => e.inputs)).toContain('1 Gold + 3 Silver + 1 Inadequate');
    expect(f.examples.find((e) => e.inputs === '1 Gold + 3 Silver + 1 Inadequate')!.count).toBe(20); // 5!/(1!3!1!)
  });

  it('reports gaps when there is no fallback, with the same inputs', () => {
    const p: Pack = structuredClone(examplePack());
    delete p.decisions.visitBand!.fallback;
    const r = analyse(compilePack(p));
    const gap = r.decisions.find((d) => d.decision === 'visitBand')!.findings.find((f) => f.kind === 'gap')!;
    expect(gap.count).toBe(uncovered.length);
    expect(r.summary.gap).toBeGreaterThan(0);
  });

  it('reports overlaps under the unique hit policy', () => {
    const p: Pack = structuredClone(examplePack());
    p.decisions.qualityScore!.hitPolicy = 'unique';
    p.decisions.qualityScore!.rules!.push({ id: 'silver-or-better', output: 60, source: { doc: 'guide', section: '6' }, when: { fact: 'overallRating', operator: 'atLeast', value: 'Silver' } });
    const f = analyse(compilePack(p)).decisions.find((d) => d.decision === 'qualityScore')!.findings.filter((x) => x.kind === 'overlap');
    expect(f.map((x) => [x.rule, x.count, x.examples.map((e) => e.inputs)])).toEqual([
      ['silver + silver-or-better', 1, ['Overall rating Silver']],
      ['gold + silver-or-better', 1, ['Overall rating Gold']],
    ]);
  });

  it('reports rules masked by higher-priority rules, and rules that can never match', () => {
    const p: Pack = structuredClone(examplePack());
    const rules = p.decisions.domainBand!.rules!;
    rules.push({ ...structuredClone(rules[1]!), id: 'silver-again', priority: 25 });
    rules.push({ id: 'impossible', output: 'Gold', priority: 1, source: { doc: 'guide', section: '2' }, when: { fact: 'criteriaCount', params: { domain: '$domain' }, operator: 'greaterThan', value: 100 } });
    const d = analyse(compilePack(p)).decisions.find((x) => x.decision === 'domainBand.involvement')!;
    expect(d.findings.filter((f) => f.kind === 'masked').map((f) => f.rule)).toEqual(['silver-again']);
    expect(d.findings.find((f) => f.kind === 'masked')!.message).toMatch(/"silver"/);
    expect(d.findings.filter((f) => f.kind === 'unreachable').map((f) => f.rule)).toEqual(['impossible']);
  });

  it('samples an input space too large to enumerate, says so, and still checks the nothing-recorded corner', () => {
    const p: Pack = structuredClone(examplePack());
    const names = Array.from({ length: 14 }, (_, i) => `concern${i + 1}`);
    for (const n of names) p.inputs.properties[n] = { type: 'boolean' };
    p.decisions.concernLevel = {
      label: 'Concern level', scale: 'band', hitPolicy: 'min',
      // One rule reading every concern joins them in one factor of 3^14 points: too many to enumerate.
      rules: [...names.map((n) => ({ id: n, output: 'Bronze', source: { doc: 'guide', section: '3' }, when: { fact: n, operator: 'equal', value: true } })),
        { id: 'all-clear', output: 'Gold', source: { doc: 'guide', section: '3' }, when: { all: names.map((n) => ({ fact: n, operator: 'equal', value: false })) } }],
      fallback: { output: 'Gold', interpretation: 'uncovered-combination' },
    };
    const d = analyse(compilePack(p)).decisions.find((x) => x.decision === 'concernLevel')!;
    expect(d.exhaustive).toBe(false);
    expect(d.notes.join(' ')).toMatch(/sampled|were checked/);
    const fallback = d.findings.find((f) => f.kind === 'fallback-only')!;
    expect(fallback.examples[0]!.inputs).toMatch(/concern1 not recorded; .*concern14 not recorded/);
  });

  it('analyses 2,000 criteria in one domain within the sampling budget, counting the space without building it', () => {
    const p = examplePack([{ id: 'big', title: 'Big', standards: 10, criteria: LIMITS.maxCriteria, mandatory: 5, advanced: 10, goldMinExceptional: 5, silverMinFullyMet: 1990, bronzeMaxNotMet: 3 }]);
    expect(validatePack(p).valid).toBe(true);
    const heapBefore = process.memoryUsage().heapUsed;
    const r = analyse(compilePack(p));
    const d = r.decisions.find((x) => x.decision === 'domainBand.big')!;
    expect(d.exhaustive).toBe(false);
    expect(d.points).toBe(LIMITS.analysisSamples);
    // 21 mandatory x 286 advanced x 1,973,091 other count vectors: C(7,2) x C(13,3) x C(1987,2).
    expect(d.dimensions).toEqual(['mandatory criteria (5) (21)', 'advanced criteria (10) (286)', 'other criteria (1985) (1973091)']);
    expect(d.notes).toContain(`too large: sampled 20,000 of ${(21 * 286 * 1973091).toLocaleString('en-GB')} points (more than the limit of 400,000 to enumerate): the corners (everything at its first or last value, e.g. nothing recorded), each input varied alone from them, and random points were checked`);
    expect(Number.isFinite(d.combinations)).toBe(true);
    expect(r.complete).toBe(false);
    // Listing the space would take gigabytes; sampling it takes a few megabytes.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 1024 * 1024);
  });

  it('under max, names the rule giving the winning value as deciding, not a lower one matched beside it (both ways of analysing)', () => {
    // Worked out by hand: a (Bronze, read under "low-reading") and b (Gold, under "high-reading"),
    // each true, false or not recorded. Where b is true, Gold wins whatever a is (3 inputs): the
    // value rests on "high-reading" alone. Where a is true and b is not (2 inputs), on "low-reading".
    const p = examplePack();
    p.inputs.properties.a = { type: 'boolean' };
    p.inputs.properties.b = { type: 'boolean' };
    const src = { doc: 'guide', section: '3' };
    p.interpretations = { ...p.interpretations, 'low-reading': { title: 'Low', note: 'n', source: src }, 'high-reading': { title: 'High', note: 'n', source: src } };
    p.decisions.probe = {
      label: 'Probe', scale: 'band', hitPolicy: 'max', source: src, fallback: { output: 'Silver' },
      rules: [
        { id: 'low', output: 'Bronze', source: src, interpretation: 'low-reading', when: { fact: 'a', operator: 'equal', value: true } },
        { id: 'high', output: 'Gold', source: src, interpretation: 'high-reading', when: { fact: 'b', operator: 'equal', value: true } },
      ],
    };
    const c = compilePack(p);
    const inst = c.instances.find((i) => i.id === 'probe')!;
    for (const d of [analyseInstance(c, inst), analyseInstance(c, inst, { factors: false })]) {
      const only = d.findings.filter((f) => f.kind === 'interpretation-only').map((f) => [f.rule, f.interpretation, f.count]).sort();
      expect(only).toEqual([['high', 'high-reading', 3], ['low', 'low-reading', 2]]);
      expect(d.findings.find((f) => f.rule === 'low')!.examples.map((e) => e.inputs).sort()).toEqual(['a true; b false', 'a true; b not recorded']);
    }
    // Under min the other way round: Bronze wins where a is true (3 inputs), Gold only where b is true and a is not (2).
    p.decisions.probe.hitPolicy = 'min';
    const m = compilePack(p);
    const mi = m.instances.find((i) => i.id === 'probe')!;
    for (const d of [analyseInstance(m, mi), analyseInstance(m, mi, { factors: false })]) {
      expect(d.findings.filter((f) => f.kind === 'interpretation-only').map((f) => [f.rule, f.count]).sort()).toEqual([['high', 2], ['low', 3]]);
    }
  });

  it('reads a decision a person takes only at the values someone can record, those with nothing to decide, and undecided', () => {
    // The review is proposed as Awaiting when a is true, else there is nothing to review; a person
    // records Returned or Approved (decidedBy.values); meanwhile the pack reads nothing (undecided).
    // So a decision reading it sees Nothing to review, Returned, Approved or undecided, never Awaiting.
    const p = examplePack();
    const src = { doc: 'guide', section: '3' };
    p.inputs.properties.a = { type: 'boolean' };
    p.scales.review = { label: 'Review', values: ['Nothing to review', 'Awaiting', 'Returned', 'Approved'] };
    p.decisions.review = {
      label: 'Review', scale: 'review', hitPolicy: 'first', source: src,
      decidedBy: { role: 'council', label: 'the Council', source: src, meanwhile: 'undecided', values: ['Returned', 'Approved'], nothingToDecide: ['Nothing to review'] },
      rules: [{ id: 'awaiting', output: 'Awaiting', source: src, when: { fact: 'a', operator: 'equal', value: true } }],
      fallback: { output: 'Nothing to review' },
    };
    p.decisions.next = {
      label: 'Next', scale: 'band', hitPolicy: 'first', source: src,
      rules: [
        { id: 'on-awaiting', output: 'Bronze', source: src, when: { fact: 'review', operator: 'equal', value: 'Awaiting' } },
        { id: 'on-approved', output: 'Gold', source: src, when: { fact: 'review', operator: 'equal', value: 'Approved' } },
        { id: 'otherwise', output: 'Silver', source: src, when: { fact: 'review', operator: 'in', value: ['Nothing to review', 'Returned'] } },
      ],
    };
    const d = analyse(compilePack(p)).decisions.find((x) => x.decision === 'next')!;
    expect(d.exhaustive).toBe(true);
    expect(d.dimensions).toEqual(['Review (4)']);
    expect(d.findings.map((f) => [f.kind, f.rule ?? '', f.examples.map((e) => e.inputs).join(' | ')]).sort()).toEqual([
      ['gap', '', 'Review undecided'],
      ['unreachable', 'on-awaiting', ''],
    ]);
    // Meanwhile the proposal (Awaiting when a is true): Awaiting can be read, and nothing is undecided.
    p.decisions.review.decidedBy!.meanwhile = 'proposed';
    const proposed = analyse(compilePack(p)).decisions.find((x) => x.decision === 'next')!;
    expect(proposed.dimensions).toEqual(['Review (4)']);
    expect(proposed.findings).toEqual([]);
  });

  it('treats a free text read only by in / notIn as the texts listed and one other (exhaustive)', () => {
    const p = examplePack();
    const src = { doc: 'guide', section: '3' };
    p.inputs.properties.kind = { type: 'string' };
    p.decisions.byKind = {
      label: 'By kind', scale: 'band', hitPolicy: 'first', source: src, fallback: { output: 'Silver' },
      rules: [{ id: 'listed', output: 'Gold', source: src, when: { fact: 'kind', operator: 'in', value: ['care home', 'home care'] } }],
    };
    const d = analyse(compilePack(p)).decisions.find((x) => x.decision === 'byKind')!;
    expect(d.exhaustive).toBe(true);
    // care home, home care, any other text, not recorded
    expect(d.dimensions).toEqual(['kind (4)']);
  });

  it('claims completeness only when no decision was sampled', () => {
    const r = analyse(compilePack(examplePack()));
    // The regulator's rating date is only put in order (against asOf): its orderings are exhaustive.
    expect(r.decisions.filter((d) => !d.exhaustive).map((d) => d.decision)).toEqual([]);
    expect(r.complete).toBe(true);
    const pack = examplePack();
    pack.inputs.properties.x = { type: 'number' };
    pack.decisions.overallRating!.rules![0]!.when = { all: [pack.decisions.overallRating!.rules![0]!.when, { fact: 'x', operator: 'equal', value: { fact: 'x' } }] };
    const sampled = analyse(compilePack(pack));
    expect(sampled.decisions.filter((d) => !d.exhaustive).map((d) => d.decision)).toEqual(['overallRating']);
    expect(sampled.complete).toBe(false);
  });
});
