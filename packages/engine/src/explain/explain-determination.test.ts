import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile/compile-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { examplePack, judgementsFor } from '../fixtures/example-pack.js';
import type { Determination, TraceEntry } from '../types.js';
import { explainDetermination } from './explain-determination.js';

const pack = examplePack();
const compiled = compilePack(pack);
const assess = (over: Record<string, string> = {}) => ({ date: '2025-03-01', judgements: { ...judgementsFor(pack, 'Fully met'), ...over }, facts: { statementLate: false } });

describe('explainDetermination', () => {
  it('makes the words from the explanation, which holds no words of the pack', () => {
    const d = evaluate(compiled, assess({ 'safety-01': 'Partly met' }), { explain: true });
    expect(d.explanation!.format).toBe(2);
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
