import { Type, type Static } from '@sinclair/typebox';
import { RecordedDecisionSchema } from './recorded-decision.js';
import { DateOf } from './citation.js';
import { OneOfValues } from './refs.js';

/** A decision taken by a person (or overridden), as the determination records it: the recorded decision and what the rules gave. */
export const DeterminationDecidedBySchema = Type.Object({
  ...RecordedDecisionSchema.properties,
  computed: Type.Unknown({ description: 'What the pack\'s rules gave.' }),
  kind: OneOfValues(['decision', 'override'] as const, { description: '`decision`: a person the pack names took it; `override`: an officer replaced the computed value.' }),
  role: Type.Optional(Type.String()),
  departsWithoutReason: Type.Optional(Type.Literal(true, { description: 'The decision was recorded earlier without the reason the version it was determined again under requires: where that version requires a reason when departing, it departs from the proposal (`computed`); where it requires one always, it may as well agree with the proposal (`value` equal to `computed`: despite the name, it does not depart; the name is kept, since stored determinations carry it). It stands, and the role that took it (`roleLabel`) is asked to confirm it with a reason; `reasonMissingWords` says which in words.' })),
  roleLabel: Type.Optional(Type.String({ description: 'Who is asked to confirm a decision that departs without a reason, in the council\'s words (as a proposal\'s `roleLabel`).' })),
  source: Type.Optional(Type.String({ description: 'The section that gives the decision to the role (`decidedBy.source`), on a decision to confirm.' })),
  due: Type.Optional(DateOf({ description: 'When the confirmation is due: `decidedBy.within` from the assessment date, if the pack gives one.' })),
}, { additionalProperties: false });
export type DeterminationDecidedBy = Static<typeof DeterminationDecidedBySchema>;
