import { Type, type Static } from '@sinclair/typebox';
import type { Citation } from './citation.js';
import { ref } from './refs.js';

/** `interpretations.<id>`: a decision the pack takes where the documents are silent or ambiguous. */
export const InterpretationSchema = Type.Object({
  title: Type.String(),
  note: Type.String(),
  /** Where in the documents the gap or ambiguity is. */
  source: Type.Optional(ref<Citation>('citation')),
}, { additionalProperties: false });
export type Interpretation = Static<typeof InterpretationSchema>;
