import { Type, type Static } from '@sinclair/typebox';
import { DateOf } from './citation.js';

/**
 * One recorded decision of an assessment (`assessment.decisions[<decision instance id>]`): the
 * decision a person the pack names took (`decidedBy`), or an officer's override (`override`).
 * The pack's own checks (`evaluate/recorded-decisions.ts`) add what a schema cannot say: the
 * value on the decision's scale, the reason an override needs.
 */
export const RecordedDecisionSchema = Type.Object({
  value: Type.Unknown({ description: 'The decided value, on the decision\'s scale.' }),
  by: Type.String({ minLength: 1, description: 'Who decided (a name or email).' }),
  at: DateOf({ description: 'When it was decided (YYYY-MM-DD).' }),
  reason: Type.Optional(Type.String({ description: 'Why; required for an override unless the pack says not, and for a person\'s decision as the pack\'s `decidedBy.reasonRequired` says (always, or when departing from the proposal).' })),
  secondBy: Type.Optional(Type.String({ minLength: 1, description: 'The second person an override of more than the pack\'s steps needs.' })),
}, { additionalProperties: false, description: 'A decision a person took, or an officer\'s override.' });
export type RecordedDecision = Static<typeof RecordedDecisionSchema>;
