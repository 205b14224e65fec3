import type { JsonSchema } from '../request-body.js';

const isoDate = { type: 'string', format: 'date' } as const;

/** Body of `POST /api/councils/{council}/draft/publish`. */
export const publishBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['note', 'effectiveFrom'],
  properties: {
    note: { type: 'string', minLength: 1, maxLength: 2000, description: 'Why this version is published.' },
    version: { type: 'string', description: 'Semver; default the draft version if new, else the next patch.' },
    effectiveFrom: {
      ...isoDate,
      description: 'The date the version is in force from (required; written into metadata.effectiveFrom). A future date schedules it.',
    },
    confirmPastDate: {
      type: 'boolean',
      description: 'Confirms a past in-force date after reviewing the stored assessments of that period (the 422 past-in-force-date lists them).',
    },
    acknowledgeFindings: { type: 'boolean', description: 'Accept the analysis findings (recorded with the version).' },
  },
};

/** Body of `POST /api/councils/{council}/draft/cases/accept`. */
export const acceptCasesBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['cases'],
  properties: {
    cases: {
      type: 'array',
      minItems: 1,
      maxItems: 10000,
      items: { type: 'string', minLength: 1 },
      description: 'Ids of the failing cases whose new result was reviewed and is accepted (one, or a reviewed batch).',
    },
    reason: { type: 'string', minLength: 1, maxLength: 2000, description: 'Why: recorded on each case and in the audit log.' },
  },
};

/** Body of `POST /api/councils/{council}/versions/{version}/rollback`. */
export const rollbackBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    note: { type: 'string', maxLength: 2000 },
    effectiveFrom: { ...isoDate, description: "Default: the first withdrawn version's in-force date (the whole period)." },
  },
};

/** Body of `PUT /api/councils/{council}/draft`: any JSON object (drafts may be invalid while edited). */
export const draftBodySchema: JsonSchema = {
  type: 'object',
  description: 'A pack (see the Pack schema); saved even when invalid, validated on publish.',
};

/** Body of `POST /api/councils/{council}/redeterminations`. */
export const redetermineBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: {
    reason: { type: 'string', minLength: 1, maxLength: 2000, description: 'Why: recorded on each superseded determination.' },
    assessmentIds: {
      type: 'array',
      items: { type: 'string' },
      maxItems: 10000,
      description: 'Only these (each must be listed by GET .../redeterminations); default every one listed.',
    },
  },
};
