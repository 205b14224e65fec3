import type { JsonSchema } from '../request-body.js';

/** Body of `POST /api/councils/{council}/assessments` (and `/preview`). */
export const assessmentBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['providerId', 'date'],
  properties: {
    providerId: { type: 'string', minLength: 1 },
    date: { type: 'string', format: 'date', description: 'The assessment (visit) date; picks the pack version in force.' },
    judgements: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Criterion id -> judgement, as the pack framework allows.',
    },
    facts: { type: 'object', description: "The pack's input facts (see the pack's inputs schema)." },
    decisions: {
      type: 'object',
      description: 'Decision id -> the decision a person took (a decision the pack gives to a role, `decidedBy`) or an officer\'s override (`override`; the reason required). `by` defaults to the signed-in user, `at` to today; the pack checks the rest (422 with a pointer).',
      additionalProperties: {
        type: 'object',
        required: ['value'],
        additionalProperties: false,
        properties: {
          value: { description: "The decided value, on the decision's scale." },
          by: { type: 'string', minLength: 1, maxLength: 200 },
          at: { type: 'string', format: 'date' },
          reason: { type: 'string', maxLength: 5000 },
          secondBy: { type: 'string', minLength: 1, maxLength: 200 },
        },
      },
    },
    note: { type: 'string', maxLength: 5000 },
  },
};
