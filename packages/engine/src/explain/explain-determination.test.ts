import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile/compile-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { examplePack, judgementsFor } from '../fixtures/example-pack.js';
import type { Determination, TraceEntry } from '../types.js';
import { explainDetermination } from './explain-determination.js';
import type { Explanation, LeafResult } from './explanation.js';

const pack = examplePack();
const compiled = compilePack(pack);
const assess = (over: Record<string, string> = {}) => ({ date: '2025-03-01', judgements: { ...judgementsFor(pack, 'Fully met'), ...over }, facts: { statementLate: false } });

describe('explainDetermination', () => {
  it('makes the words from the explanation, which holds no words of the pack', () => {
    const d = evaluate(compiled, assess({ 'safety-01': 'Partly met' }), { explain: true });
    expect(d.explanation!.format).toBe(3);
    expect(d.trace).toBeUndefined();
    const text = JSON.stringify(d.explanation);
    for (const w of ['"label"', '"source"', '"because"', 'judged', 'guide s', pack.outcomes.actions![0]!.label]) expect(text).not.toContain(w);
    const words = explainDetermination(pack, d);
    const silver = words.find((t) => t.decision === 'domainBand.safety' && t.rule === 'silver')!;
    expect(silver).toMatchObject({ fired: false, output: 'Silver', because: ['needs exactly 5 mandatory criteria in Safety judged at least Fully met; 4 were'] });
    expect(words.some((t) => t.decision === 'actions')).toBe(true);
  });

  it('records the criteria a count counted, by index into its judgements', () => {
    const d = evaluate(compiled, assess({ 'safety-01': 'Partly met' }), { explain: true });
    const e = d.explanation!;
    const safety = e.entries.find((x) => x.kind === 'decision' && x.of === 'domainBand.safety');
    const silver = safety!.kind === 'decision' ? safety!.rules.find((r) => r.rule === 'silver')! : undefined;
    const failed = silver!.conditions.find((c) => !c.holds)!;
    expect(failed.value).toBe(4);
    const counted = failed.counted!;
    expect(counted).toHaveLength(4);
    for (const i of counted) expect(e.judgements![i]).toBe('Fully met');
  });

  it('writes no false flags (format 3): a leaf that held says so, one that did not says nothing', () => {
    const d = evaluate(compiled, assess({ 'safety-01': 'Partly met' }), { explain: true });
    const text = JSON.stringify(d.explanation);
    expect(text).not.toContain('"holds":false');
    expect(text).not.toContain('"fired":false');
    expect(text).toContain('"holds":true');
    const safety = d.explanation!.entries.find((x) => x.kind === 'decision' && x.of === 'domainBand.safety');
    const rules = safety!.kind === 'decision' ? safety!.rules : [];
    // Gold and Silver did not fire (one Safety criterion is only Partly met); Bronze did.
    expect(rules.map((r) => [r.rule, 'fired' in r])).toEqual([['gold', false], ['silver', false], ['bronze', true]]);
    expect(JSON.stringify(asFormat2(d.explanation!)).length).toBeGreaterThan(text.length);
  });

  it('reads an explanation of format 2 (false flags written, as made before) into the same words as format 3', () => {
    const variants: Record<string, string>[] = [{}, { 'safety-01': 'Partly met' }, { 'safety-01': 'Not met', 'safety-02': 'Not met' }];
    for (const over of variants) {
      const d = evaluate(compiled, assess(over), { explain: true });
      const old = { ...d, explanation: asFormat2(d.explanation!) };
      expect(JSON.stringify(old.explanation)).toContain('"holds":false');
      expect(explainDetermination(pack, old)).toEqual(explainDetermination(pack, d));
    }
    const d = evaluate(compiled, assess({ 'safety-01': 'Partly met' }), { explain: true });
    const silver = explainDetermination(pack, { ...d, explanation: asFormat2(d.explanation!) }).find((t) => t.decision === 'domainBand.safety' && t.rule === 'silver')!;
    expect(silver).toMatchObject({ fired: false, because: ['needs exactly 5 mandatory criteria in Safety judged at least Fully met; 4 were'] });
  });

  it('gives a determination stored before format 2 its trace as stored', () => {
    const trace: TraceEntry[] = [{ decision: 'visitBand', rule: 'gold', label: 'Gold', fired: true, output: 'Gold', because: ['all Gold: yes'], source: 'guide s1' }];
    const old = { ...evaluate(compiled, assess()), trace } as Determination;
    expect(explainDetermination(pack, old)).toBe(trace);
    expect(explainDetermination(pack, evaluate(compiled, assess()))).toEqual([]);
  });

  it('refuses a pack other than the determination\'s, naming both', () => {
    const d = evaluate(compiled, assess(), { explain: true });
    const other = structuredClone(pack);
    other.metadata.version = '9.9.9';
    expect(() => explainDetermination(other, d)).toThrow(/made under .* not .* 9\.9\.9/);
  });
});

/** The same explanation as format 2 wrote it: every flag written, `false` included. */
function asFormat2(e: Explanation): Explanation {
  const leaves = (ls: LeafResult[]): LeafResult[] => ls.map((l) => ({ ...l, holds: l.holds === true }));
  return {
    ...e,
    format: 2,
    entries: e.entries.map((x) => {
      if (x.kind === 'decision') return { ...x, rules: x.rules.map((r) => ({ rule: r.rule, fired: r.fired === true, ...(r.output !== undefined ? { output: r.output } : {}), conditions: leaves(r.conditions) })) };
      if (x.kind === 'action' || x.kind === 'schedule') return { kind: x.kind, of: x.of, fired: x.fired === true, conditions: leaves(x.conditions) };
      if (x.kind === 'limit') return { ...x, conditions: leaves(x.conditions) };
      return x;
    }),
  };
}

describe('a fallback resting on an interpretation', () => {
  it('names the interpretation by its title, never its id', () => {
    // Visit band: one domain Inadequate (a mandatory Safety criterion Not met), the others Silver, matches no rule of its table.
    const d = evaluate(pack, assess({ 'safety-01': 'Not met' }), { explain: true });
    const fb = explainDetermination(pack, d).find((t) => t.decision === 'visitBand' && t.rule === 'fallback')!;
    expect(fb.because).toEqual(['no rule matched, so the fallback applies (interpretation: Combinations the overall table leaves out)']);
  });
});
