import { AssessmentSchema } from './shapes/assessment.js';
import { DeterminationSchema } from './shapes/determination.js';

/**
 * The published JSON Schemas (draft 2020-12) of the determination contract: the assessment an
 * evaluation takes under any pack, and the determination it gives. Assembled from the TypeBox
 * declarations of `shapes/assessment.ts` and `shapes/determination*.ts`, from which `types.ts`
 * takes `Assessment` and `Determination`, so the two cannot drift.
 *
 * The build writes them to `dist/schema/assessment.schema.json` and
 * `dist/schema/determination.schema.json` (exports `@openqaf/engine/schema/…`).
 */
/** A published schema: its identity and the declaration's keywords. */
export interface PublishedSchema {
  $schema: string;
  $id: string;
  title: string;
  [keyword: string]: unknown;
}

export const assessmentJsonSchema: PublishedSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://openqaf.org/schema/assessment.schema.json',
  title: 'OpenQAF assessment',
  ...AssessmentSchema,
};

export const determinationJsonSchema: PublishedSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://openqaf.org/schema/determination.schema.json',
  title: 'OpenQAF determination',
  ...DeterminationSchema,
};
