import { Type } from '@sinclair/typebox';
import { resolveParam } from '../../compile/resolve-param.js';
import type { ExpressionDefinition } from '../expression.js';

/** `{ "param": name }`. */
export const ParamExpressionSchema = Type.Object({ param: Type.String() }, { additionalProperties: false });

/** The current domain's parameter, inside a per-domain decision. */
export const paramExpression: ExpressionDefinition = {
  key: 'param', schema: ParamExpressionSchema,
  syntax: '{ "param": name }',
  doc: 'The current domain\'s parameter (`framework.domains[].parameters`), inside a per-domain decision.',
  check: (o, ctx) => ctx.checkParam(o.param as string, `${ctx.pointer}/param`),
  compile: (e, ctx) => { const v = resolveParam(e.param as string, ctx.scope); return () => v; },
};
