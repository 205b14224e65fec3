import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Pack } from '@openqaf/engine';
import { assessmentFormModel } from './assessment-form-model.js';
import {
  bestFirst,
  defaultFillValue,
  domainProgress,
  factAnswer,
  factControlValue,
  fillUnjudged,
  fillValues,
  judgementsKept,
  runningBandJudgements,
  visitProblems,
} from './visit-form-model.js';
import { testPack } from './test-pack.test-helpers.js';

const councilPack = (c: string) => JSON.parse(readFileSync(`${process.cwd()}/../councils-${c}/pack/pack.json`, 'utf8')) as Pack;

describe('the visit form model', () => {
  const model = assessmentFormModel(testPack());

  it('offers the judgements best first, so the first radio reached is the best value', () => {
    const [, , advanced] = model.groups[0]!.standards[0]!.criteria;
    expect(bestFirst(advanced!)).toEqual(['Exceptional', 'Fully met', 'Partly met', 'Not met']);
  });

  it('fills the rest with the best value every criterion can take, never the worst, and only the unjudged', () => {
    expect(defaultFillValue(model)).toBe('Fully met');
    expect(fillValues(model)).toEqual(['Fully met', 'Partly met', 'Not met', 'Exceptional']);
    expect(fillUnjudged(model, { 's-02': 'Not met' }, 'Fully met')).toEqual({ 's-01': 'Fully met', 's-02': 'Not met', 's-03': 'Fully met' });
    // A value only some criteria can take fills only those.
    expect(fillUnjudged(model, {}, 'Exceptional')).toEqual({ 's-03': 'Exceptional' });
  });

  it("defaults Birmingham's fill to Fully met (000 s3.2.2: Exceptional is for advanced criteria only) and Herefordshire's to its best measure judgement", () => {
    expect(defaultFillValue(assessmentFormModel(councilPack('birmingham')))).toBe('Fully met');
    // 004 A1: Area for improvement, Good, Good practice.
    expect(defaultFillValue(assessmentFormModel(councilPack('herefordshire')))).toBe('Good practice');
  });

  it('keeps, when the form is rebuilt for another version, only the judgements whose criterion and value that version still has', () => {
    // s-01 and s-03 exist (s-03 allows Exceptional, s-01 does not); s-99 is not in the pack.
    expect(judgementsKept(model, { 's-01': 'Fully met', 's-03': 'Exceptional', 's-02': 'Exceptional', 's-99': 'Fully met' })).toEqual({
      kept: { 's-01': 'Fully met', 's-03': 'Exceptional' },
      dropped: ['s-02', 's-99'],
    });
  });

  it('counts how far each domain is judged', () => {
    expect(domainProgress(model.groups[0]!, { 's-01': 'Fully met', 's-03': 'Fully met' })).toEqual({ judged: 2, total: 3, counts: { 'Fully met': 2 } });
  });

  it('asks the running band only of the finished domains, filling the others', () => {
    const probe = runningBandJudgements(model, { 's-01': 'Partly met' }, 'Fully met');
    expect(probe.finished).toEqual([]);
    expect(probe.judgements).toEqual({ 's-01': 'Partly met', 's-02': 'Fully met', 's-03': 'Fully met' });
    expect(runningBandJudgements(model, { 's-01': 'Partly met', 's-02': 'Not met', 's-03': 'Fully met' }, 'Fully met').finished).toEqual(['safe']);
  });

  it('names each problem in the pack words and ties it to its control', () => {
    const problems = visitProblems(model, { date: '', judgements: { 's-01': 'Fully met' }, facts: {} }, false);
    expect(problems).toEqual([
      { field: 'date', message: 'Enter the date of the visit' },
      { field: 'confirm-prefilled', message: 'Confirm the facts from the provider record, or correct them' },
      { field: 'j-s-02', message: 'Choose a judgement for "Staff are trained"' },
      { field: 'j-s-03', message: 'Choose a judgement for "Learning is shared"' },
    ]);
    expect(visitProblems(model, { date: '2026-01-01', judgements: { 's-01': 'Fully met', 's-02': 'Fully met', 's-03': 'Fully met' } }, true)).toEqual([]);
  });

  it("asks for Birmingham's required service type by its words, never by id", () => {
    const birmingham = assessmentFormModel(councilPack('birmingham'));
    const problems = visitProblems(birmingham, { date: '2026-01-01', judgements: {}, facts: {} }, true);
    expect(problems[0]!.field).toBe('f-serviceType');
    expect(problems[0]!.message).not.toContain('serviceType');
    expect(problems.length).toBe(1 + 79);
  });

  it('shows yes/no facts as words and controls', () => {
    const concerns = model.facts[2]!;
    expect(factAnswer(concerns, true)).toBe('Yes');
    expect(factAnswer(concerns, undefined)).toBe('Not recorded');
    expect(factControlValue(concerns, false)).toBe('no');
  });
});
