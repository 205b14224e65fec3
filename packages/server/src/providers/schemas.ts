import type { JsonSchema } from '../request-body.js';

/** Size facts of a location: beds, service users, addresses, weekly hours, ... (numbers). */
export const sizeSchema: JsonSchema = {
  type: 'object',
  additionalProperties: { type: 'number', minimum: 0 },
  propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9]*$' },
  description: 'Size facts, e.g. { "beds": 40, "serviceUsers": 35, "weeklyHours": 1200 }.',
};

/** Other facts about a location the council's pack reads (text): the current CQC rating and its date. */
export const factsSchema: JsonSchema = {
  type: 'object',
  additionalProperties: { type: 'string', minLength: 1, maxLength: 200 },
  propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9]*$' },
  description: 'Facts by the pack input\'s name, e.g. { "cqcRating": "Good", "cqcRatingDate": "2025-03-31" } (GET /provider-fields lists them).',
};

/** Body of `POST` / `PUT` on providers. */
export const providerBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 300 },
    cqcLocationId: { type: ['string', 'null'], minLength: 1, maxLength: 40, description: 'CQC location id, e.g. 1-123456789.' },
    serviceType: { type: ['string', 'null'], maxLength: 200, description: 'e.g. "Home Support", "Residential".' },
    size: sizeSchema,
    facts: factsSchema,
  },
};

/** Body of `POST /api/councils/{council}/providers/import`. */
export const importBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['csv'],
  properties: {
    csv: { type: 'string', description: 'CSV text with a header row.' },
    mapping: {
      type: 'object',
      description:
        'Provider field -> CSV column header. Fields: name, cqcLocationId, serviceType, size.<fact> (e.g. "size.beds") and facts.<fact> (e.g. "facts.cqcRating"). Default: the field names themselves.',
      additionalProperties: { type: 'string' },
      propertyNames: { pattern: '^(name|cqcLocationId|serviceType|(size|facts)\\.[A-Za-z][A-Za-z0-9]*)$' },
    },
    strict: { type: 'boolean', description: 'When true, any bad row means nothing is imported.' },
    onExisting: {
      enum: ['update', 'reject'],
      description:
        'A row whose CQC location id belongs to a provider of this council: "update" (default) sets its mapped fields (blank cells keep the stored value); "reject" reports the row as bad.',
    },
  },
};
