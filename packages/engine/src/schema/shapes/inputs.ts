import { Type, type Static } from '@sinclair/typebox';
import type { Citation } from './citation.js';
import { Exactly, MapOf, ref } from './refs.js';

/**
 * `$defs.inputFact`: the JSON Schema of one fact. Only OpenQAF's own keywords are checked here;
 * the rest (`type`, `enum`, `minimum`...) is JSON Schema, compiled when assessments are checked.
 */
export const InputFactSchemaSchema = Type.Object({
  /** The fact's values are on this scale (its enum is then the scale's values). */
  'x-scale': Type.Optional(Type.String()),
  'x-source': Type.Optional(ref<Citation>('citation')),
  description: Type.Optional(Type.String()),
}, { description: 'JSON Schema of one fact; `x-scale` puts its values on a scale.' });

/** The JSON Schema keywords the engine reads from a fact's schema (besides OpenQAF's own). */
interface FactSchemaKeywords {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  [key: string]: unknown;
}
export type InputFactSchema = Static<typeof InputFactSchemaSchema> & FactSchemaKeywords;

/** `inputs`: the object schema of an assessment's facts, one property per named fact. */
export const InputSchemaSchema = Type.Object({
  type: Exactly('object'),
  properties: MapOf(ref<InputFactSchema>('inputFact')),
  required: Type.Optional(Type.Array(Type.String())),
  additionalProperties: Type.Optional(Type.Boolean()),
}, { description: 'JSON Schema of the assessment\'s facts: one property per named fact.' });
/** The object schema of an assessment's facts; each property may carry `x-scale` and `x-source`. */
export type InputSchema = Static<typeof InputSchemaSchema> & { [key: string]: unknown };
