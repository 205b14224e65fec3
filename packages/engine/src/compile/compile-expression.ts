import type { Expression } from '../types.js';
import type { Getter } from './eval-state.js';
import type { CompileScope } from './compile-fact.js';
import { expressionOf } from '../language/registry.js';

/**
 * Compiles a value expression into a reader, by the compile function of its form in the
 * language registry. `scale` is the scale `max`/`min` order by (the decision's scale for outputs);
 * `pointer` is where the expression is in the pack, for evaluation errors.
 */
export function compileExpression(e: Expression, scope: CompileScope, scale?: string, pointer = ''): Getter {
  if (e === null || typeof e !== 'object') return () => e;
  const form = expressionOf(e);
  if (!form) throw new Error(`Unknown expression ${JSON.stringify(e)}`);
  return form.compile(e as Record<string, unknown>, {
    scope,
    pointer,
    ...(scale !== undefined ? { scale } : {}),
    sub: (x, key) => compileExpression(x, scope, scale, key === undefined ? pointer : `${pointer}/${key}`),
    plain: (x, key) => compileExpression(x, scope, undefined, key === undefined ? pointer : `${pointer}/${key}`),
    onScale: (x, other, key) => compileExpression(x, scope, other, key === undefined ? pointer : `${pointer}/${key}`),
  });
}
