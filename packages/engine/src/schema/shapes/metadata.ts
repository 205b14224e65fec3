import { Type, type Static } from '@sinclair/typebox';
import { ref } from './refs.js';

/** `metadata`: who the pack is for and which version it is. */
export const PackMetadataSchema = Type.Object({
  id: Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Council slug, e.g. "birmingham".' }),
  council: Type.String({ minLength: 1, description: 'The council\'s name.' }),
  title: Type.String({ minLength: 1, description: 'The framework\'s title.' }),
  version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$', description: 'Semantic version of this pack.' }),
  effectiveFrom: ref<string>('date', { description: 'Date the framework takes effect.' }),
  documents: Type.Array(Type.String(), { minItems: 1, description: 'Ids of the sources this pack encodes.' }),
  description: Type.Optional(Type.String()),
}, { additionalProperties: false, description: 'Who the pack is for and which version it is.' });
export type PackMetadata = Static<typeof PackMetadataSchema>;
