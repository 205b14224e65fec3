import { describe, expect, it } from 'vitest';
import { parameterRangeWords, parameterValueProblem } from './list-parameters.js';
import { singularUnit, unitAfter } from './unit-words.js';

describe('a declared unit after a number', () => {
  it('reads in the singular for each unit the three councils\' packs declare', () => {
    const units: [string, string][] = [
      ['days', 'day'], ['working days', 'working day'], ['months', 'month'], ['weeks', 'week'], ['years', 'year'],
      ['visits', 'visit'], ['visits per year', 'visit per year'], ['times per year', 'time per year'], ['criteria', 'criterion'],
      ['beds', 'bed'], ['service users', 'service user'], ['standards', 'standard'], ['weekly hours', 'weekly hour'],
    ];
    expect(units.map(([many]) => [many, singularUnit(many)])).toEqual(units);
  });

  it('undoes the English plural endings, and leaves a unit that is no plural', () => {
    expect(['enquiries', 'boxes', 'classes', 'courses', 'people', 'percent', 'staff', 'status', 'class', 'date'].map(singularUnit))
      .toEqual(['enquiry', 'box', 'class', 'course', 'person', 'percent', 'staff', 'status', 'class', 'date']);
  });

  it('is singular after exactly 1 only', () => {
    expect([0, 1, '1', 1.5, 2, 12].map((n) => `${n} ${unitAfter(n, 'months')}`)).toEqual(['0 months', '1 month', '1 month', '1.5 months', '2 months', '12 months']);
  });

  it('agrees with the bound it follows in a parameter\'s range, and in the words that refuse a value', () => {
    expect(parameterRangeWords({ min: 1, unit: 'months' })).toBe('at least 1 month');
    expect(parameterRangeWords({ max: 1, unit: 'visits per year' })).toBe('at most 1 visit per year');
    expect(parameterRangeWords({ min: 0, max: 1, unit: 'working days' })).toBe('from 0 to 1 working day');
    expect(parameterRangeWords({ min: 1, max: 12, unit: 'months' })).toBe('from 1 to 12 months');
    expect(parameterRangeWords({ min: 2, unit: 'criteria' })).toBe('at least 2 criteria');
    expect(parameterValueProblem({ type: 'integer', min: 1, unit: 'months' }, 0)).toBe('must be at least 1 month');
  });
});
