import { describe, expect, it } from 'vitest';
import { explainDetermination } from '../explain/explain-determination.js';
import { examplePack, judgementsFor } from '../fixtures/example-pack.js';
import { evaluate } from '../evaluate/evaluate.js';

const pack = examplePack();
const explain = (overrides: Record<string, string>) =>
  explainDetermination(pack, evaluate(pack, { date: '2025-03-01', judgements: judgementsFor(pack, 'Fully met', overrides), facts: { statementLate: false } }, { explain: true }));

describe('the words of a count in an explanation', () => {
  it('count one criterion in the singular', () => {
    // The Inadequate rule: "at least 1 mandatory criterion ... judged Not met" (a literal 1).
    const held = explain({ 'safety-01': 'Not met' }).find((t) => t.decision === 'domainBand.safety' && t.rule === 'inadequate')!;
    expect(held.because).toContain('  at least 1 mandatory criterion in Safety judged Not met: yes, 1');
  });

  it('keep the plural for any other number', () => {
    const silver = explain({ 'safety-01': 'Partly met' }).find((t) => t.decision === 'domainBand.safety' && t.rule === 'silver')!;
    expect(silver.because).toEqual(['needs exactly 5 mandatory criteria in Safety judged at least Fully met; 4 were']);
  });
});
