import { Type, type Static } from '@sinclair/typebox';
import type { Citation } from './citation.js';
import { MapOf, OneOf, ref } from './refs.js';

/**
 * An ordered set of values, lowest first (`Inadequate < Bronze < Silver < Gold`). `better` says
 * which end is the better band (the last, unless declared `first`: Bolton's PQR 1 is "No
 * concerns"); `unrated` lists values that are no band at all ("Not determined"): no band is up
 * from them, and none is up to them.
 */
export const OrderedScaleSchema = Type.Object({
  label: Type.String(),
  values: Type.Array(Type.String(), { minItems: 1, uniqueItems: true }),
  /** Optional plain-words description per value. */
  descriptions: Type.Optional(MapOf(Type.String())),
  /** Points each value scores (a statement scored 1-4; Excellent 3 ... Poor 0), read by `criteriaPoints`: every value, or none. */
  points: Type.Optional(MapOf(Type.Number(), { description: 'Points each value scores, read by criteriaPoints: every value, or none.' })),
  /** Which end of `values` is the better band: `last` (the default) or `first`. */
  better: Type.Optional(Type.Union([Type.Literal('first'), Type.Literal('last')], { description: 'Which end of the values is the better band: last (the default) or first.' })),
  /** Values that are no band ("Not determined"): never the band up, and with no band up from them. */
  unrated: Type.Optional(Type.Array(Type.String(), { minItems: 1, uniqueItems: true, description: 'Values that are no band: never the band up, and with no band up from them.' })),
  source: Type.Optional(ref<Citation>('citation')),
}, { additionalProperties: false });
export type OrderedScale = Static<typeof OrderedScaleSchema>;

/** A numeric scale: integers or decimals within a range, ordered numerically. */
export const NumericScaleSchema = Type.Object({
  label: Type.String(),
  numeric: Type.Object({ min: Type.Number(), max: Type.Number(), integer: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
  source: Type.Optional(ref<Citation>('citation')),
}, { additionalProperties: false });
export type NumericScale = Static<typeof NumericScaleSchema>;

/** `$defs.scale`: an ordered scale or a numeric one. */
export const ScaleSchema = OneOf([OrderedScaleSchema, NumericScaleSchema]);
export type Scale = Static<typeof ScaleSchema>;
