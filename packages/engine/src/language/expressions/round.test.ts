import { describe, expect, it } from 'vitest';
import { roundBy } from './round.js';
import { validatePack } from '../../schema/validate-pack.js';
import { compilePack } from '../../compile/compile-pack.js';
import { compileExpression } from '../../compile/compile-expression.js';
import { initialState } from '../../evaluate/evaluate.js';
import { statementScoresPack } from '../frameworks/number-frameworks.js';

describe('rounding by a named rule', () => {
  it.each([
    // x, places, halfUp, halfEven, down, up
    [2.5, 0, 3, 2, 2, 3],
    [3.5, 0, 4, 4, 3, 4],
    [2.4999, 0, 2, 2, 2, 3],
    [2.5001, 0, 3, 3, 2, 3],
    [-2.5, 0, -2, -2, -3, -2],
    [62.45, 1, 62.5, 62.4, 62.4, 62.5],
    [1.005, 2, 1.01, 1, 1, 1.01],
    [87.5, 0, 88, 88, 87, 88],
    [7, 0, 7, 7, 7, 7],
  ])('rounds %d to %d places: half up %d, half even %d, down %d, up %d', (x, places, halfUp, halfEven, down, up) => {
    expect([roundBy(x, 'halfUp', places), roundBy(x, 'halfEven', places), roundBy(x, 'down', places), roundBy(x, 'up', places)]).toEqual([halfUp, halfEven, down, up]);
  });

  it('rounds a percentage in a pack, and gives nothing when the number is not recorded', () => {
    const c = compilePack(statementScoresPack());
    const scope = { index: c.index, extensions: {}, domainIndex: -1, countSlots: new Map<string, number>() };
    const s = initialState(c, { date: '2025-06-01', judgements: {}, facts: {} }, '2025-06-01');
    expect(compileExpression({ round: { percentage: { part: 2, of: 3 } }, rule: 'halfUp', places: 1 }, scope)(s)).toBe(66.7);
    expect(compileExpression({ round: { fact: 'percentage' }, rule: 'down' }, scope)(s)).toBeUndefined();
  });

  it('refuses a rule it does not name and too many places, and takes a named rule', () => {
    const p = statementScoresPack();
    p.decisions.percentage!.rules![0]!.output = { round: 2.5, rule: 'nearest', places: 11 } as never;
    const r = validatePack(p);
    expect(r.valid).toBe(false);
    // An output that fits no expression form is refused where it stands.
    expect(r.errors.map((e) => e.pointer)).toEqual(['/decisions/percentage/rules/0/output']);
    p.decisions.percentage!.rules![0]!.output = { round: 2.5, rule: 'halfEven', places: 1 };
    expect(validatePack(p).errors).toEqual([]);
  });
});
