import { Type } from '@sinclair/typebox';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';

/** `{ "map": mappingId, "of": expr }`. */
export const MapExpressionSchema = Type.Object({ map: Type.String(), of: Nested() }, { additionalProperties: false });

/** A value looked up in one of the pack's mappings. */
export const mapExpression: ExpressionDefinition = {
  key: 'map', schema: MapExpressionSchema,
  syntax: '{ "map": mappingId, "of": expr }',
  doc: 'The value a mapping gives for the value of `of` (nothing when it has none).',
  check: (o, ctx) => {
    const to = ctx.mappingTo(o.map as string);
    if (to === undefined) ctx.err(`${ctx.pointer}/map`, `Unknown mapping "${String(o.map)}".`, `Mappings: ${ctx.mappingIds().join(', ') || 'none'}.`, 'reference');
    ctx.plain(o.of as Expression, 'of');
    if (to !== undefined && ctx.onScale) ctx.onScale({ __mappingTo: to }, `${ctx.pointer}/map`);
  },
  words: (o, w) => `${w(o.of as Expression)} mapped by ${String(o.map)}`,
  compile: (e, ctx) => {
    const mapping = ctx.scope.index.pack.mappings?.[e.map as string];
    const table = mapping?.table ?? {};
    // `of` gives values on the mapping's `from` scale: a `max`/`min` there orders by that scale.
    const of = ctx.onScale(e.of as Expression, mapping?.from);
    return (s) => { const v = of(s); return typeof v === 'string' && Object.hasOwn(table, v) ? table[v] : undefined; };
  },
};
