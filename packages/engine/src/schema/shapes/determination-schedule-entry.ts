import { Type, type Static } from '@sinclair/typebox';
import { DateSchema } from './citation.js';

/** A schedule entry of a determination: a pack schedule entry (`$defs.scheduleEntry`) whose condition held, with its next due date. */
export const DeterminationScheduleEntrySchema = Type.Object({
  id: Type.String(),
  activity: Type.String(),
  label: Type.String(),
  everyMonths: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  everyDays: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  dayOfMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, description: 'Set for entries due on a day of each month.' })),
  nextDue: DateSchema,
  source: Type.String({ description: 'The document and section it rests on.' }),
}, { additionalProperties: false });
export type DeterminationScheduleEntry = Static<typeof DeterminationScheduleEntrySchema>;
