import { Type, type Static } from '@sinclair/typebox';

/** A warning about the determination (`outcomes.warnings`) whose condition held. */
export const DeterminationWarningSchema = Type.Object({
  id: Type.String(),
  message: Type.String(),
  citation: Type.String({ description: 'The document and section it rests on ("003 A2.grant").' }),
  interpretation: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type DeterminationWarning = Static<typeof DeterminationWarningSchema>;
