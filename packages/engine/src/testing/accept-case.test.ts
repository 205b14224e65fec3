import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import { validatePack } from '../schema/validate-pack.js';
import type { Pack } from '../types.js';
import { acceptCaseResult } from './accept-case.js';
import { runCase, runCases } from './run-cases.js';

const by = { by: 'Ann Lead', on: '2026-12-06', reason: 'Silver now needs 12 criteria' };

describe('acceptCaseResult', () => {
  it('takes what the pack now gives for every key the case checks, records who accepted it, and then passes', () => {
    const p: Pack = structuredClone(examplePack());
    // The fixture's own case says Silver, score 50, next visit 2026-03-01 (its "document").
    p.cases![0]!.want = { headline: 'Gold', scores: { qualityScore: 75 }, schedule: [{ id: 'annual-visit', nextDue: '2026-03-02' }], actions: ['improvement-plan'], noSchedule: ['annual-visit', 'biennial-visit'] };
    const compiled = compilePack(p);
    const before = runCase(compiled, p.cases![0]!);
    expect(before.ok).toBe(false);
    const accepted = acceptCaseResult(p.cases![0]!, before.determination!, by);
    expect(accepted.want).toEqual({ headline: 'Silver', scores: { qualityScore: 50 }, schedule: [{ id: 'annual-visit', nextDue: '2026-03-01' }], actions: [], noSchedule: ['biennial-visit'] });
    expect(accepted.accepted).toEqual(by);
    expect(accepted.id).toBe('all-fully-met-silver');
    expect(runCase(compiled, accepted).ok).toBe(true);
  });

  it('checks no more than the case checked before', () => {
    const p: Pack = structuredClone(examplePack());
    p.cases![1]!.want = { headline: 'Silver' };
    const r = runCase(compilePack(p), p.cases![1]!);
    expect(acceptCaseResult(p.cases![1]!, r.determination!, by).want).toEqual({ headline: 'Inadequate' });
  });

  it('updates due dates of expected actions and keeps exact action lists exact', () => {
    const p: Pack = structuredClone(examplePack());
    p.cases![1]!.want = { headline: 'Inadequate', actions: [{ id: 'improvement-plan', due: '2025-03-09' }], actionsExact: true };
    const r = runCase(compilePack(p), p.cases![1]!);
    expect(r.ok).toBe(false);
    expect(acceptCaseResult(p.cases![1]!, r.determination!, by).want).toEqual({
      headline: 'Inadequate', actions: [{ id: 'improvement-plan', due: '2025-03-08' }, 'suspend-placements'], actionsExact: true,
    });
  });

  it('turns a case that expected an error but was evaluated into one expecting the headline it got', () => {
    const p: Pack = structuredClone(examplePack());
    p.cases![0]!.wantError = 'statementLate';
    delete p.cases![0]!.want;
    const r = runCase(compilePack(p), p.cases![0]!);
    const accepted = acceptCaseResult(p.cases![0]!, r.determination!, by);
    expect(accepted.wantError).toBeUndefined();
    expect(accepted.want).toEqual({ headline: 'Silver' });
  });

  it('gives a pack the schema accepts, and the pack hash ignores the acceptance', () => {
    const p: Pack = structuredClone(examplePack());
    const r = runCases(compilePack(p));
    p.cases = p.cases!.map((c, i) => acceptCaseResult(c, r.results[i]!.determination!, by));
    expect(validatePack(p).valid).toBe(true);
    expect(compilePack(p).hash).toBe(compilePack(examplePack()).hash);
  });

  it('refuses, in the schema, an acceptance without a name or with a malformed date', () => {
    const p: Pack = structuredClone(examplePack());
    p.cases![0]!.accepted = { by: '', on: '6 Dec 2026' };
    const errors = validatePack(p).errors.map((e) => e.pointer);
    expect(errors).toEqual(expect.arrayContaining(['/cases/0/accepted/by', '/cases/0/accepted/on']));
  });
});
