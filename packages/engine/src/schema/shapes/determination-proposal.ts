import { Type, type Static } from '@sinclair/typebox';
import { MEANWHILE } from '../../language/human-decision.js';
import { DateOf } from './citation.js';
import { OneOfValues } from './refs.js';

/** A decision a person takes that is not yet recorded: the value its rules propose, who decides and by when. */
export const DeterminationProposalSchema = Type.Object({
  decision: Type.String({ description: 'The decision instance id.' }),
  proposed: Type.Unknown({ description: 'The value the pack\'s rules propose.' }),
  role: Type.String(),
  roleLabel: Type.String({ description: 'The role in the council\'s words: "the team manager".' }),
  due: Type.Optional(DateOf({ description: 'The date the decision is due by (`decidedBy.within` from the assessment date), if the pack gives one.' })),
  source: Type.String(),
  meanwhile: OneOfValues(MEANWHILE, { description: 'What the rest of the pack read meanwhile: the proposed value, or null (`undecided`).' }),
}, { additionalProperties: false });
export type DeterminationProposal = Static<typeof DeterminationProposalSchema>;
