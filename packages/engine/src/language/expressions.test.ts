import { describe, expect, it } from 'vitest';
import { EXPRESSIONS, EXPRESSION_SCHEMA, expressionOf } from './registry.js';
import { expressionWords } from './wording.js';
import { createAjv } from '../schema/validate-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import { compileExpression } from '../compile/compile-expression.js';
import { initialState } from '../evaluate/evaluate.js';
import { examplePack } from '../fixtures/example-pack.js';
import type { Expression } from '../types.js';

/** One written example per form (typed as `Expression`, so the derived type must admit it), and its value. */
const SAMPLES: Record<string, [Expression, unknown]> = {
  fact: [{ fact: 'assessmentDate' }, '2025-06-01'],
  param: [{ param: 'nothingHere' }, undefined],
  map: [{ map: 'regulatorToBand', of: 'Good' }, 'Silver'],
  mostRecent: [{ mostRecent: [{ value: 'a', date: '2025-01-01' }, { value: 'b', date: '2025-02-01', label: 'later' }] }, 'b'],
  max: [{ max: [3, 9, 'x'] }, 9],
  min: [{ min: [3, 9] }, 3],
  sum: [{ sum: [1, 2, 3] }, 6],
  clamp: [{ clamp: { value: 12, max: 10 } }, 10],
  addDays: [{ addDays: 3, to: '2025-01-30' }, '2025-02-02'],
  addMonths: [{ addMonths: 1, to: '2025-01-31' }, '2025-02-28'],
  addWorkingDays: [{ addWorkingDays: 1, to: '2025-01-03' }, '2025-01-06'],
  latestDate: [{ latestDate: ['2025-01-01', 'soon', '2025-03-01'] }, '2025-03-01'],
  nextWeekday: [{ nextWeekday: 'friday', after: '2025-06-06' }, '2025-06-13'],
  subtract: [{ subtract: [10, 4] }, 6],
  multiply: [{ multiply: [2, 3, 4] }, 24],
  divide: [{ divide: [9, 4] }, 2.25],
  percentage: [{ percentage: { part: 15, of: 24 } }, 62.5],
  round: [{ round: 62.5, rule: 'halfEven' }, 62],
  band: [{ band: 62.5, bands: [{ value: 'Low', below: 39 }, { value: 'Mid', atLeast: 39, below: 63 }, { value: 'High', atLeast: 63 }] }, 'Mid'],
};

describe('the expression registry', () => {
  it('has a sample for every form, and the schema accepts each sample and refuses an unknown form', () => {
    expect(Object.keys(SAMPLES)).toEqual(EXPRESSIONS.map((d) => d.key));
    const check = createAjv().compile({ $defs: { expression: EXPRESSION_SCHEMA }, $ref: '#/$defs/expression' });
    for (const [key, [e]] of Object.entries(SAMPLES)) expect(check(e), key).toBe(true);
    expect(check({ average: [1, 2] })).toBe(false);
    expect(check({ sum: [] })).toBe(false);
    expect(check({ nextWeekday: 'friday', onOrAfter: '2025-06-06', after: '2025-06-06' }), 'both onOrAfter and after').toBe(false);
    expect(check({ nextWeekday: 'friday' }), 'no date').toBe(false);
    expect(check({ nextWeekday: 'Friday', after: '2025-06-06' }), 'a weekday not in lower case').toBe(false);
  });

  it('compiles each form by its own definition to the value it documents', () => {
    const compiled = compilePack(examplePack());
    const s = initialState(compiled, { date: '2025-06-01', judgements: {}, facts: {} }, '2025-06-01');
    const scope = { index: compiled.index, extensions: {}, domainIndex: -1, countSlots: new Map<string, number>() };
    for (const [key, [e, want]] of Object.entries(SAMPLES)) {
      expect(expressionOf(e as object)?.key).toBe(key);
      expect(compileExpression(e, scope)(s), key).toEqual(want);
    }
  });

  it('words every form but fact and param, leaving those to the caller', () => {
    const w = (e: Expression): string => (e && typeof e === 'object' && 'fact' in e ? `the ${e.fact}` : String(e));
    const words = Object.fromEntries(Object.entries(SAMPLES).map(([key, [e]]) => [key, expressionWords(e, w)]));
    expect(words).toEqual({
      fact: undefined,
      param: undefined,
      map: 'Good mapped by regulatorToBand',
      mostRecent: 'the most recent of a, later',
      max: 'the max of 3, 9, x',
      min: 'the min of 3, 9',
      sum: 'the sum of 1, 2, 3',
      clamp: '12, kept at most 10',
      addDays: '3 days after 2025-01-30',
      addMonths: '1 months after 2025-01-31',
      addWorkingDays: '1 working days after 2025-01-03',
      latestDate: 'the latest of 2025-01-01, soon, 2025-03-01',
      nextWeekday: 'the first friday after 2025-06-06',
      subtract: '10 minus 4',
      multiply: '2 times 3 times 4',
      divide: '9 divided by 4',
      percentage: '15 as a percentage of 24',
      round: '62.5 rounded half even to a whole number',
      band: '62.5 in bands: below 39 Low; 39 to below 63 Mid; 63 and above High',
    });
    expect(expressionWords('Good', w)).toBeUndefined();
  });

  it('gives each form a syntax and a docs row', () => {
    for (const d of EXPRESSIONS) {
      expect(d.syntax, d.key).toContain(`"${d.key}"`);
      expect(d.doc, d.key).toMatch(/\.$/);
    }
  });
});

describe('the following weekday', () => {
  const compiled = compilePack(examplePack());
  const s = initialState(compiled, { date: '2025-06-06', judgements: {}, facts: {} }, '2025-06-06');
  const scope = { index: compiled.index, extensions: {}, domainIndex: -1, countSlots: new Map<string, number>() };
  const value = (e: Expression): unknown => compileExpression(e, scope)(s);

  it('is the day itself on or after a date of that weekday, and a week later strictly after it', () => {
    expect(value({ nextWeekday: 'friday', onOrAfter: { fact: 'assessmentDate' } })).toBe('2025-06-06');
    expect(value({ nextWeekday: 'friday', after: { fact: 'assessmentDate' } })).toBe('2025-06-13');
    expect(value({ nextWeekday: 'saturday', after: { fact: 'assessmentDate' } })).toBe('2025-06-07');
    expect(value({ nextWeekday: 'thursday', onOrAfter: { addDays: 1, to: '2025-12-31' } })).toBe('2026-01-01');
    expect(value({ nextWeekday: 'friday', after: 'not a date' })).toBeUndefined();
  });
});
