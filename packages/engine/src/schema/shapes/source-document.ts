import { Type, type Static } from '@sinclair/typebox';
import { MapOf } from './refs.js';

/** One source document a pack encodes (`sources.<id>`). */
export const SourceDocumentSchema = Type.Object({
  title: Type.String(),
  publisher: Type.Optional(Type.String()),
  date: Type.Optional(Type.String()),
  /** File name of the document in the council's own archive, if any. */
  file: Type.Optional(Type.String()),
  /** Section number -> section heading. Every citation must name one of these. */
  sections: MapOf(Type.String(), { minProperties: 1, description: 'Section number -> heading.' }),
}, { additionalProperties: false });
export type SourceDocument = Static<typeof SourceDocumentSchema>;
