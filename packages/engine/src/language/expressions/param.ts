import { Type } from '@sinclair/typebox';
import { resolveParam } from '../../compile/resolve-param.js';
import type { ExpressionDefinition } from '../expression.js';

/** `{ "param": name }`. */
export const ParamExpressionSchema = Type.Object({ param: Type.String() }, { additionalProperties: false });

/** A parameter's value: the current domain's inside a per-domain decision, else the declared pack-wide `value`. */
export const paramExpression: ExpressionDefinition = {
  key: 'param', schema: ParamExpressionSchema,
  syntax: '{ "param": name }',
  doc: 'A parameter\'s value: the current domain\'s (`framework.domains[].parameters`) inside a per-domain decision, else the pack-wide `value` of the parameter declared in `parameters` (with its label, unit, bounds and citation).',
  check: (o, ctx) => ctx.checkParam(o.param as string, `${ctx.pointer}/param`),
  compile: (e, ctx) => { const v = resolveParam(e.param as string, ctx.scope); return () => v; },
};
