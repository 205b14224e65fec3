import type { Expression, LeafCondition } from '../types.js';
import { compileFact, type CompiledFact, type CompileScope } from './compile-fact.js';
import { compileExpression } from './compile-expression.js';
import { resolveParams, valueExpressionWords } from './condition-words.js';

/**
 * What a leaf condition compares (its left side): its `fact`, or its `expression` (issue 10:
 * "the weighted score minus the penalty points is below 50"). An expression is read each
 * evaluation, has no scale, and is worded as the value side's expressions are
 * ("Weighted score minus Penalty points"); an evaluation error in it (division by zero) names
 * `<pointer>/expression/...`.
 */
export function compileLeftSide(leaf: LeafCondition, scope: CompileScope, pointer?: string): CompiledFact {
  if (leaf.expression !== undefined) {
    return { get: compileExpression(leaf.expression as Expression, scope, undefined, `${pointer ?? ''}/expression`), label: valueExpressionWords(leaf.expression as Expression, scope) };
  }
  return compileFact(leaf.fact!, resolveParams(leaf.params, scope), leaf.path, scope, pointer === undefined ? undefined : `${pointer}/fact`);
}
