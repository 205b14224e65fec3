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
    note: { type: 'string', maxLength: 5000 },
  },
};
