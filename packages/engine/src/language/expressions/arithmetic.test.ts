import { describe, expect, it } from 'vitest';
import { compilePack } from '../../compile/compile-pack.js';
import { compileExpression } from '../../compile/compile-expression.js';
import { evaluate, initialState } from '../../evaluate/evaluate.js';
import { validatePack } from '../../schema/validate-pack.js';
import { EvaluationError, ExpressionError } from '../../errors.js';
import { statementScoresPack } from '../frameworks/number-frameworks.js';
import type { Expression } from '../../types.js';

const compiled = compilePack(statementScoresPack());
const state = (facts: Record<string, unknown> = {}) => initialState(compiled, { date: '2025-06-01', judgements: {}, facts }, '2025-06-01');
const scope = { index: compiled.index, extensions: {}, domainIndex: -1, countSlots: new Map<string, number>() };
const value = (e: Expression, pointer = '/here') => compileExpression(e, scope, undefined, pointer)(state());

describe('arithmetic expressions', () => {
  it('subtract, multiply, divide and take a percentage, nested', () => {
    expect(value({ subtract: [10, 12.5] })).toBe(-2.5);
    expect(value({ multiply: [{ subtract: [5, 2] }, 4] })).toBe(12);
    expect(value({ divide: [1, 8] })).toBe(0.125);
    expect(value({ percentage: { part: 7, of: { sum: [3, 5] } } })).toBe(87.5);
    expect(value({ percentage: { part: 0, of: 24 } })).toBe(0);
  });

  it('give nothing when a number is not recorded, so a fallback can decide', () => {
    expect(value({ multiply: [{ fact: 'percentage' }, 2] })).toBeUndefined();
    expect(value({ percentage: { part: null, of: 4 } })).toBeUndefined();
  });

  it('refuse to divide by zero, naming the divisor by pointer', () => {
    expect(() => value({ divide: [3, { subtract: [2, 2] }] }, '/decisions/x/rules/0/output')).toThrow(
      expect.objectContaining({ name: 'ExpressionError', pointer: '/decisions/x/rules/0/output/divide/1', decision: 'x', message: 'x: division by zero (at /decisions/x/rules/0/output/divide/1)' }),
    );
    expect(() => value({ percentage: { part: 3, of: 0 } })).toThrow('a percentage of zero (division by zero) (at /here/percentage/of)');
    expect(value({ divide: [0, 3] })).toBe(0);
  });

  it('refuse a value that is not a number, naming it and its pointer', () => {
    expect(() => value({ multiply: [2, 'Good'] })).toThrow('"Good" is not a number (at /here/multiply/1)');
    expect(() => value({ subtract: [true, 1] })).toThrow(ExpressionError);
  });

  it('stop an evaluation with an evaluation error naming the rule output\'s pointer', () => {
    const p = statementScoresPack();
    p.decisions.percentage!.rules![0]!.output = { divide: [{ fact: 'criteriaPoints' }, { fact: 'weightedCount', params: { is: 'Excellent' } }] };
    const run = () => evaluate(compilePack(p), { date: '2025-06-01', judgements: { 'safe-1': 'Good', 'safe-2': 'Good', 'safe-3': 'Good', 'caring-1': 'Good', 'caring-2': 'Good', 'caring-3': 'Good' }, facts: {} });
    expect(run).toThrow(EvaluationError);
    expect(run).toThrow('percentage: division by zero (at /decisions/percentage/rules/0/output/divide/1)');
  });

  it('stand on the value side of a condition, worked out per evaluation', () => {
    const p = statementScoresPack();
    p.decisions.rating!.rules!.unshift({ id: 'top', priority: 5, output: 'Outstanding', source: { doc: 'guide', section: '2' }, when: { fact: 'criteriaPoints', operator: 'greaterThanInclusive', value: { multiply: [{ fact: 'weightedCount' }, 3.5] } } });
    const c = compilePack(p);
    const run = (v: string) => evaluate(c, { date: '2025-06-01', judgements: Object.fromEntries(['safe-1', 'safe-2', 'safe-3', 'caring-1', 'caring-2', 'caring-3'].map((id, i) => [id, i < 3 ? 'Excellent' : v])), facts: {} }).decisions.rating;
    expect(run('Good')).toBe('Outstanding'); // 21 points, 21 wanted
    expect(run('Fair')).toBe('Good'); // 18 points, 21 wanted: the band decides (75 per cent)
  });

  it('check what they hold and have the schema refuse a wrong shape', () => {
    const p = statementScoresPack();
    p.decisions.percentage!.rules![0]!.output = { multiply: [{ fact: 'nope' }, 2] };
    p.decisions.rating!.rules![0]!.when = { fact: 'percentage', operator: 'lessThan', value: { divide: [1] } } as never;
    const r = validatePack(p);
    expect(r.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ pointer: '/decisions/percentage/rules/0/output/multiply/0/fact', message: 'Unknown fact "nope".' }),
      expect.objectContaining({ pointer: '/decisions/rating/rules/0/when/value/divide', message: 'The divide expression is not well formed.', hint: 'Write it as { "divide": [expr, expr] }.' }),
    ]));
  });
});
