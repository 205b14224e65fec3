import { Type, type Static } from '@sinclair/typebox';
import { ExplanationSchema } from '../../explain/explanation.js';
import { DateOf, DateSchema } from './citation.js';
import { DeterminationActionSchema } from './determination-action.js';
import { DeterminationDecidedBySchema } from './determination-decided-by.js';
import { DeterminationProposalSchema } from './determination-proposal.js';
import { DeterminationScheduleEntrySchema } from './determination-schedule-entry.js';
import { DeterminationWarningSchema } from './determination-warning.js';
import { TraceEntrySchema } from './trace-entry.js';
import { MapOf } from './refs.js';

/**
 * A determination: what an evaluation gives for an assessment under a pack version (published
 * as `determination.schema.json`; `docs/determination-contract.md` explains each member).
 */
export const DeterminationSchema = Type.Object({
  pack: Type.Object({
    id: Type.String(),
    version: Type.String(),
    hash: Type.String({ description: 'The content hash of the pack\'s rules the determination rests on.' }),
  }, { additionalProperties: false }),
  asOf: DateOf({ description: 'The date the determination was made for (default the assessment date).' }),
  assessmentDate: DateSchema,
  headline: Type.Object({
    decision: Type.String(),
    value: Type.Unknown(),
    scale: Type.String(),
    /** `pending` when the headline, or a decision it rests on, awaits a person's decision. */
    pending: Type.Optional(Type.Literal(true)),
  }, { additionalProperties: false }),
  decisions: MapOf(Type.Unknown(), { description: 'Decision instance id -> its value.' }),
  actions: Type.Array(DeterminationActionSchema),
  schedule: Type.Array(DeterminationScheduleEntrySchema),
  scores: MapOf(Type.Union([Type.Number(), Type.Null()]), { description: 'Score id -> its value, null when it does not apply.' }),
  interpretations: Type.Array(Type.Object({
    id: Type.String(),
    title: Type.String(),
    note: Type.String(),
  }, { additionalProperties: false }), { description: 'The pack\'s interpretations the determination relied on.' }),
  /** Warnings about the determination itself (present only when some hold; stored determinations made before warnings have none). */
  warnings: Type.Optional(Type.Array(DeterminationWarningSchema)),
  /** Decisions awaiting a person (present only when some are). */
  proposals: Type.Optional(Type.Array(DeterminationProposalSchema)),
  /** Decisions taken by a person or overridden, by instance id (present only when some were). */
  decidedBy: Type.Optional(MapOf(DeterminationDecidedBySchema)),
  /** The explanation in words, as determinations made before format 2 carry it (never made now). */
  trace: Type.Optional(Type.Array(TraceEntrySchema)),
  /** The explanation as data (with `explain`): see `explain/explanation.ts`. */
  explanation: Type.Optional(ExplanationSchema),
}, { additionalProperties: false, description: 'What an evaluation gives: the headline, every decision, actions, schedule, scores, interpretations relied on, and (with `explain`) the explanation.' });
export type Determination = Static<typeof DeterminationSchema>;
