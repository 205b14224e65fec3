import { describe, expect, it } from 'vitest';
import { OPERATORS, OPERATOR_BY_NAME } from './registry.js';
import { comparisonWords, operatorCountWords, operatorWords } from './wording.js';
import { scaleOperator } from '../compile/operators.js';

/** For each operator: a fact value and condition value it holds for, and one it does not. */
const CASES: Record<string, { holds: [unknown, unknown]; fails: [unknown, unknown] }> = {
  equal: { holds: ['Good', 'Good'], fails: [1, '1'] },
  notEqual: { holds: [1, '1'], fails: ['Good', 'Good'] },
  in: { holds: ['b', ['a', 'b']], fails: ['c', ['a', 'b']] },
  notIn: { holds: ['c', ['a', 'b']], fails: ['b', ['a', 'b']] },
  contains: { holds: [['a', 'b'], 'b'], fails: ['ab', 'b'] },
  doesNotContain: { holds: [['a'], 'b'], fails: [['a', 'b'], 'b'] },
  lessThan: { holds: [2, 3], fails: ['x', 3] },
  lessThanInclusive: { holds: [3, 3], fails: [4, 3] },
  greaterThan: { holds: [4, 3], fails: [3, 3] },
  greaterThanInclusive: { holds: [3, 3], fails: [null, 0] },
  before: { holds: ['2025-01-01', '2025-01-02'], fails: ['2025-01-02', '2025-01-02'] },
  after: { holds: ['2025-01-03', '2025-01-02'], fails: ['2025-01-03', 'soon'] },
  onOrBefore: { holds: ['2025-01-02', '2025-01-02'], fails: ['2025-01-03', '2025-01-02'] },
  onOrAfter: { holds: ['2025-01-02', '2025-01-02'], fails: [undefined, '2025-01-02'] },
  present: { holds: [0, true], fails: [null, true] },
  atLeast: { holds: ['Silver', 'Bronze'], fails: ['Bronze', 'Silver'] },
  atMost: { holds: ['Bronze', 'Silver'], fails: ['Gold', 'Silver'] },
  above: { holds: ['Gold', 'Silver'], fails: ['Silver', 'Silver'] },
  below: { holds: ['Bronze', 'Silver'], fails: ['Silver', 'Platinum'] },
};

const ranks = new Map([['Bronze', 0], ['Silver', 1], ['Gold', 2]]);

describe('the operator registry', () => {
  it('declares each operator once, with words and a docs row', () => {
    expect(OPERATOR_BY_NAME.size).toBe(OPERATORS.length);
    for (const o of OPERATORS) {
      expect(o.words, o.name).toMatch(/^[a-z]/);
      expect(o.doc, o.name).toMatch(/\.$/);
    }
  });

  it('has a test case for every operator, and each operator holds and fails as declared', () => {
    expect(Object.keys(CASES).sort()).toEqual(OPERATORS.map((o) => o.name).sort());
    for (const o of OPERATORS) {
      const test = o.kind === 'plain' ? o.test : scaleOperator(o.name, ranks);
      const { holds, fails } = CASES[o.name]!;
      expect(test(...holds), `${o.name} holds`).toBe(true);
      expect(test(...fails), `${o.name} fails`).toBe(false);
    }
  });

  it('compares numbers by value when the fact has no ordered scale', () => {
    expect(scaleOperator('atLeast', undefined)(3, 2)).toBe(true);
    expect(scaleOperator('atLeast', undefined)('3', 2)).toBe(false);
  });

  it('words an operator, a count and a comparison the same way wherever they are shown', () => {
    expect(operatorWords('greaterThanInclusive')).toBe('is at least');
    expect(operatorWords('myPluginOperator')).toBe('myPluginOperator');
    expect(operatorWords('lessThan')).toBe('is less than');
    expect(operatorCountWords('lessThan')).toBe('fewer than');
    expect(operatorCountWords('in')).toBeUndefined();
    expect(comparisonWords('present', false, 'false')).toBe('is not recorded');
    expect(comparisonWords('present', true, 'true')).toBe('is recorded');
    expect(comparisonWords('in', ['a', 'b'], 'a, b')).toBe('is one of a, b');
    expect(comparisonWords('myPluginOperator', 3, '3')).toBe('myPluginOperator 3');
  });
});
