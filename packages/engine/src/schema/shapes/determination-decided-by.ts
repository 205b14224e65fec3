import { Type, type Static } from '@sinclair/typebox';
import { RecordedDecisionSchema } from './recorded-decision.js';
import { OneOfValues } from './refs.js';

/** A decision taken by a person (or overridden), as the determination records it: the recorded decision and what the rules gave. */
export const DeterminationDecidedBySchema = Type.Object({
  ...RecordedDecisionSchema.properties,
  computed: Type.Unknown({ description: 'What the pack\'s rules gave.' }),
  kind: OneOfValues(['decision', 'override'] as const, { description: '`decision`: a person the pack names took it; `override`: an officer replaced the computed value.' }),
  role: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type DeterminationDecidedBy = Static<typeof DeterminationDecidedBySchema>;
