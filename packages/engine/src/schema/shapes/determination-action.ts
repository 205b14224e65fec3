import { Type, type Static } from '@sinclair/typebox';
import { DateOf } from './citation.js';

/** An action of a determination: a pack action (`$defs.action`) whose condition held, with its due date. */
export const DeterminationActionSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  owner: Type.String(),
  due: DateOf({ description: 'The date it is due by.' }),
  source: Type.String({ description: 'The document and section it rests on ("003 A2.grant").' }),
  interpretation: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type DeterminationAction = Static<typeof DeterminationActionSchema>;
