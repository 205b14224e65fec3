import { Type, type Static } from '@sinclair/typebox';
import type { Decision } from './decision.js';
import type { Framework } from './framework.js';
import type { PackCase } from './case.js';
import type { Scale } from './scale.js';
import { PackMetadataSchema } from './metadata.js';
import { SourceDocumentSchema } from './source-document.js';
import { MappingSchema } from './mapping.js';
import { InputSchemaSchema, type InputSchema } from './inputs.js';
import { OutcomesSchema } from './outcomes.js';
import { InterpretationSchema } from './interpretation.js';
import { ExtensionDeclarationsSchema } from './extensions.js';
import { ParametersSchema } from '../../language/parameters/parameter-declaration.js';
import { MapOf, ref } from './refs.js';

/** The pack's own members; `schema/pack-schema.ts` adds the `$defs` they refer to. */
export const PackSchema = Type.Object({
  $schema: Type.Optional(Type.String({ description: 'Optional link to this schema.' })),
  metadata: PackMetadataSchema,
  sources: MapOf(SourceDocumentSchema, { description: 'The documents the pack encodes, by id, with their sections.', minProperties: 1 }),
  scales: MapOf(ref<Scale>('scale'), { description: 'Ordered value sets (lowest first) or numeric ranges.', minProperties: 1 }),
  mappings: Type.Optional(MapOf(MappingSchema, { description: 'Total tables from one scale to another.' })),
  framework: Type.Optional(ref<Framework>('framework')),
  /** JSON Schema (draft 2020-12) of `assessment.facts`: an object schema with `properties`. */
  inputs: Type.Unsafe<InputSchema>(InputSchemaSchema),
  decisions: MapOf(ref<Decision>('decision'), {
    description: 'Named outputs, each on a scale with a hit policy.', minProperties: 1, propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
  }),
  outcomes: OutcomesSchema,
  interpretations: Type.Optional(MapOf(InterpretationSchema, { description: 'Decisions the pack takes where the documents are silent or ambiguous.' })),
  extensions: Type.Optional(ExtensionDeclarationsSchema),
  cases: Type.Optional(Type.Array(ref<PackCase>('case'))),
  /** Declared parameters (`language/parameters/`): every number a quality lead may change, with label, unit, bounds and citation. */
  parameters: Type.Optional(ParametersSchema),
}, {
  title: 'OpenQAF rule pack',
  description: 'One council\'s quality assurance framework as data: scales, framework, inputs, decisions, outcomes, interpretations and cases.',
  additionalProperties: false,
});
export type Pack = Static<typeof PackSchema>;
