import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import type { Pack } from '../types.js';
import { caseAssessment, runCases } from './run-cases.js';

describe('runCases', () => {
  it('passes the example pack\'s cases', () => {
    const r = runCases(compilePack(examplePack()));
    expect([r.passed, r.failed]).toEqual([2, 0]);
  });

  it('fails a case whose expectation differs, saying what differed', () => {
    const p: Pack = structuredClone(examplePack());
    p.cases![0]!.want = { headline: 'Gold', actions: ['improvement-plan'], scores: { qualityScore: 75 }, schedule: [{ id: 'annual-visit', nextDue: '2026-03-02' }], noSchedule: ['annual-visit'] };
    const r = runCases(compilePack(p));
    expect(r.failed).toBe(1);
    expect(r.results[0]!.failures).toEqual([
      'headline: expected "Gold", got "Silver"',
      'action improvement-plan: expected, but not triggered',
      'schedule annual-visit: expected next due 2026-03-02, got 2026-03-01',
      'schedule annual-visit: scheduled, but expected not to be',
      'score qualityScore: expected 75, got 50',
    ]);
  });

  it('checks that an invalid assessment is refused when the case expects an error', () => {
    const p: Pack = structuredClone(examplePack());
    p.cases = [
      { id: 'refused', note: 'no statement fact', input: { date: '2025-03-01', facts: {} }, fillJudgements: 'Fully met', wantError: 'statementLate' },
      { id: 'not-refused', note: 'valid input but expects an error', input: { date: '2025-03-01', facts: { statementLate: false } }, fillJudgements: 'Fully met', wantError: 'anything' },
    ];
    const r = runCases(compilePack(p));
    expect(r.results.map((x) => x.ok)).toEqual([true, false]);
  });

  it('fills judgements by domain, with the case\'s own judgements taking precedence', () => {
    const p = examplePack();
    const a = caseAssessment(p, { id: 'x', note: 'x', input: { date: '2025-01-01', judgements: { 'safety-01': 'Not met' } }, fillJudgements: { '*': 'Fully met', staffing: 'Partly met' } });
    expect(a.judgements!['safety-01']).toBe('Not met');
    expect(a.judgements!['safety-02']).toBe('Fully met');
    expect(a.judgements!['staffing-07']).toBe('Partly met');
  });
});
