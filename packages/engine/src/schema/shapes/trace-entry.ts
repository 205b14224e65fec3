import { Type, type Static } from '@sinclair/typebox';

/**
 * One line of explanation in words: a decision's rule that fired or did not, with fact values.
 * Determinations stored before the explanation became data (format 2) carry these as `trace`;
 * `explainDetermination` gives them for either.
 */
export const TraceEntrySchema = Type.Object({
  decision: Type.String(),
  rule: Type.String(),
  label: Type.Optional(Type.String()),
  output: Type.Optional(Type.Unknown()),
  fired: Type.Boolean(),
  because: Type.Array(Type.String(), { description: 'Why it did or did not fire, in plain words.' }),
  source: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type TraceEntry = Static<typeof TraceEntrySchema>;
