import { Type } from '@sinclair/typebox';
import { compileFact } from '../../compile/compile-fact.js';
import type { ExpressionDefinition } from '../expression.js';

/** `{ "fact": name, "params"?: {...}, "path"?: "$.a.b" }`. */
export const FactExpressionSchema = Type.Object({
  fact: Type.String(),
  params: Type.Optional(Type.Unsafe<Record<string, unknown>>({ type: 'object' })),
  path: Type.Optional(Type.String()),
}, { additionalProperties: false });

/** An input, a derived or built-in fact, or a decision's value. */
export const factExpression: ExpressionDefinition = {
  key: 'fact', schema: FactExpressionSchema,
  syntax: '{ "fact": name, "params"?: {...}, "path"?: "$.a.b" }',
  doc: 'An input fact, a built-in fact or a decision\'s value (per domain: `decision.domainId`).',
  check: (o, ctx) => ctx.checkFactRef(o.fact as string, o.params as Record<string, unknown> | undefined, `${ctx.pointer}/fact`),
  compile: (e, ctx) => compileFact(e.fact as string, e.params as Record<string, unknown> | undefined, e.path as string | undefined, ctx.scope, ctx.pointer || undefined).get,
};
