import type { JsonSchema } from '../request-body.js';

const isoDate = { type: 'string', format: 'date' } as const;

/** Body of `POST /api/councils/{council}/draft/publish`. */
export const publishBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['note'],
  properties: {
    note: { type: 'string', minLength: 1, maxLength: 2000, description: 'Why this version is published.' },
    version: { type: 'string', description: 'Semver; default the draft version if new, else the next patch.' },
    effectiveFrom: { ...isoDate, description: 'Overrides metadata.effectiveFrom.' },
    acknowledgeFindings: { type: 'boolean', description: 'Accept the analysis findings (recorded with the version).' },
  },
};

/** Body of `POST /api/councils/{council}/versions/{version}/rollback`. */
export const rollbackBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    note: { type: 'string', maxLength: 2000 },
    effectiveFrom: { ...isoDate, description: 'Default: today.' },
  },
};

/** Body of `PUT /api/councils/{council}/draft`: any JSON object (drafts may be invalid while edited). */
export const draftBodySchema: JsonSchema = {
  type: 'object',
  description: 'A pack (see the Pack schema); saved even when invalid, validated on publish.',
};
