import type { JsonSchema } from '../request-body.js';
import { assessmentShape, recordedDecisionShape } from '../engine/index.js';

const { date, decisions, ...members } = assessmentShape.properties;

/**
 * Body of `POST /api/councils/{council}/assessments` (and `/preview`): the engine's assessment
 * (`assessment.schema.json`, so the two cannot drift) with the provider and a note; a recorded
 * decision's `by` and `at` may be left out (the server fills them). The pack then checks the
 * judgements, facts and decisions against itself (422 with a pointer).
 */
export const assessmentBodySchema: JsonSchema = {
  ...assessmentShape,
  required: ['providerId', ...assessmentShape.required],
  properties: {
    providerId: { type: 'string', minLength: 1 },
    // `format: date` alone: a malformed date is one problem, not a pattern and a format problem.
    date: { type: 'string', format: 'date', description: `${String(date!.description)} Picks the pack version in force.` },
    ...members,
    decisions: {
      ...decisions,
      description: 'Decision id -> the decision a person took (a decision the pack gives to a role, `decidedBy`) or an officer\'s override (`override`; the reason required). `by` defaults to the signed-in user, `at` to today; the pack checks the rest (422 with a pointer).',
      additionalProperties: {
        ...recordedDecisionShape,
        required: ['value'],
        properties: {
          ...recordedDecisionShape.properties,
          by: { ...recordedDecisionShape.properties.by, maxLength: 200 },
          at: { type: 'string', format: 'date', description: recordedDecisionShape.properties.at!.description },
          reason: { ...recordedDecisionShape.properties.reason, maxLength: 5000 },
          secondBy: { ...recordedDecisionShape.properties.secondBy, maxLength: 200 },
        },
      },
    },
    note: { type: 'string', maxLength: 5000 },
  },
};
