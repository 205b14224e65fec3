import { Type, type Static } from '@sinclair/typebox';
import { MEANWHILE } from '../../language/human-decision.js';
import { DateOf } from './citation.js';
import { OneOfValues } from './refs.js';

/** A decision a person takes that is not yet recorded: the value its rules propose, who decides and by when. */
export const DeterminationProposalSchema = Type.Object({
  decision: Type.String({ description: 'The decision instance id.' }),
  proposed: Type.Unknown({ description: 'The value the pack\'s rules propose.' }),
  role: Type.String(),
  roleLabel: Type.String({ description: 'Who decides, in the council\'s words: the role ("the team manager"), or where the pack says who decides case by case (`decidedBy.labelFrom`) the words of this determination ("The team manager, jointly with HCCG").' }),
  due: Type.Optional(DateOf({ description: 'The date the decision is due by (`decidedBy.within` from the assessment date), if the pack gives one.' })),
  source: Type.String(),
  meanwhile: OneOfValues(MEANWHILE, { description: 'What the rest of the pack read meanwhile: the proposed value, or null (`undecided`).' }),
}, { additionalProperties: false });
export type DeterminationProposal = Static<typeof DeterminationProposalSchema>;
