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

  it('read exactly 0 as "no"', () => {
    // The Silver rule's "exactly 0 criteria judged Not met" (a literal 0): held, it reads "no criteria ... judged Not met".
    const silver = explain({}).find((t) => t.decision === 'domainBand.safety' && t.rule === 'silver')!;
    expect(silver.because.some((b) => /^no criteria in Safety judged Not met: yes, 0$/.test(b.trim()))).toBe(true);
    expect(silver.because.join(' ')).not.toContain('exactly 0');
  });

  it('keep the plural for any other number', () => {
    const silver = explain({ 'safety-01': 'Partly met' }).find((t) => t.decision === 'domainBand.safety' && t.rule === 'silver')!;
    expect(silver.because).toEqual(['needs exactly 5 mandatory criteria in Safety judged at least Fully met; 4 were']);
  });
});

describe('the words of a yes/no fact and of "is recorded" in an explanation', () => {
  const late = (statementLate: boolean | undefined) => explainDetermination(pack, evaluate(pack, { date: '2025-03-01', judgements: judgementsFor(pack, 'Fully met', {}), facts: statementLate === undefined ? {} : { statementLate } }, { explain: true }))
    .find((t) => t.decision === 'overallRating' && t.rule === 'late-statement')!;

  it('read as the answer recorded and the one needed, never "is true" or "false"', () => {
    // The example pack's "Statement late" rule: statementLate equal true.
    expect(late(true).because).toEqual(['The provider statement was not submitted in time: yes']);
    expect(late(false).because).toEqual(['The provider statement was not submitted in time: no (yes needed)']);
  });

  it('read "is recorded" without a value after it', () => {
    const p = examplePack();
    p.decisions.overallRating!.rules![0]!.when = { fact: 'regulatorRating', operator: 'present', value: true };
    const words = (facts: Record<string, unknown>) => explainDetermination(p, evaluate(p, { date: '2025-03-01', judgements: judgementsFor(p, 'Fully met', {}), facts: { statementLate: false, ...facts } }, { explain: true }))
      .find((t) => t.decision === 'overallRating' && t.rule === 'late-statement')!.because;
    expect(words({})).toEqual(["The regulator's latest rating is recorded: no"]);
    expect(words({ regulatorRating: 'Good', regulatorRatingDate: '2025-01-01' })).toEqual(["The regulator's latest rating is recorded: yes (Good)"]);
  });
});
