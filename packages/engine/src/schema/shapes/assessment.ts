import { Type, type Static } from '@sinclair/typebox';
import { DateOf } from './citation.js';
import { RecordedDecisionSchema } from './recorded-decision.js';
import { MapOf } from './refs.js';

/**
 * An assessment: what an officer records, the input of an evaluation. This is its shape under
 * any pack (published as `assessment.schema.json`); `evaluate/assessment-schema.ts` narrows it
 * to one pack (its criteria and their judgements, its input facts, its decisions a person takes).
 */
export const AssessmentSchema = Type.Object({
  date: DateOf({ description: 'The date of the assessment (visit): the date due dates run from.' }),
  judgements: Type.Optional(MapOf(Type.String(), { description: 'Criterion id -> judgement, as the pack\'s framework allows.' })),
  facts: Type.Optional(MapOf(Type.Unknown(), { description: 'Named facts, as declared in the pack\'s `inputs`.' })),
  decisions: Type.Optional(MapOf(RecordedDecisionSchema, { description: 'Decision instance id -> the decision a person recorded (of a `decidedBy` decision) or an override.' })),
}, { additionalProperties: false, description: 'What an officer records: the assessment date, a judgement per criterion, the pack\'s input facts and decisions people took.' });
export type Assessment = Static<typeof AssessmentSchema>;

/** The members an assessment may have, in the schema's order. */
export const ASSESSMENT_KEYS: readonly string[] = Object.keys(AssessmentSchema.properties);
