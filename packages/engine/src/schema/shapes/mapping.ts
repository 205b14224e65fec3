import { Type, type Static } from '@sinclair/typebox';
import type { Citation } from './citation.js';
import { MapOf, ref } from './refs.js';

/** A total table from every value of one scale to a value of another (`mappings.<id>`). */
export const MappingSchema = Type.Object({
  label: Type.Optional(Type.String()),
  from: Type.String(),
  to: Type.String(),
  table: MapOf(Type.String()),
  source: ref<Citation>('citation'),
}, { additionalProperties: false });
export type Mapping = Static<typeof MappingSchema>;
