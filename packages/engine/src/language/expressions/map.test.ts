import { describe, expect, it } from 'vitest';
import { compilePack } from '../../compile/compile-pack.js';
import { compileExpression } from '../../compile/compile-expression.js';
import { initialState } from '../../evaluate/evaluate.js';
import { examplePack } from '../../fixtures/example-pack.js';
import type { Expression } from '../../types.js';

/** `regulatorToBand` maps the regulator scale (Inadequate < Requires Improvement < Good < Outstanding) to bands. */
describe('the map expression', () => {
  const compiled = compilePack(examplePack());
  const scope = { index: compiled.index, extensions: {}, domainIndex: -1, countSlots: new Map<string, number>() };
  const value = (e: Expression, facts: Record<string, unknown> = {}): unknown =>
    compileExpression(e, scope)(initialState(compiled, { date: '2025-06-01', judgements: {}, facts }, '2025-06-01'));

  it('maps the lowest of several values by the order of the mapping\'s own scale (a min inside a map)', () => {
    // The lower of Good and Requires Improvement on the regulator scale is Requires Improvement: Bronze.
    expect(value({ map: 'regulatorToBand', of: { min: ['Good', 'Requires Improvement'] } })).toBe('Bronze');
    expect(value({ map: 'regulatorToBand', of: { max: ['Good', { fact: 'regulatorRating' }] } }, { regulatorRating: 'Outstanding' })).toBe('Gold');
  });

  it('gives nothing for a value the mapping has no entry for', () => {
    expect(value({ map: 'regulatorToBand', of: 'Excellent' })).toBeUndefined();
  });
});
