import type { Expression } from '../types.js';
import type { Getter } from '../compile/eval-state.js';
import type { CompileScope } from '../compile/compile-fact.js';
import { compileExpression } from '../compile/compile-expression.js';

/**
 * For a rule whose output is a `band` expression, a reader of the number it bands (compiled
 * once with the pack, read only when a determination is explained), so the explanation records
 * the number and `nextBandUp` can say how far it is from the next band's threshold. Undefined
 * for any other output.
 * @example bandedNumber({ band: { fact: 'percentage' }, bands }, scope, '/decisions/rating/rules/0/output')
 */
export function bandedNumber(output: Expression, scope: CompileScope, pointer: string): Getter | undefined {
  if (output === null || typeof output !== 'object' || Array.isArray(output) || !('band' in output) || !('bands' in output)) return undefined;
  return compileExpression((output as { band: Expression }).band, scope, undefined, `${pointer}/band`);
}
