import { Type, type Static } from '@sinclair/typebox';
import type { Citation } from './citation.js';
import type { Condition } from './condition.js';
import type { Expression } from '../../language/expression-type.js';
import { ref } from './refs.js';

/** `$defs.score`: a number the determination reports (while its condition holds). */
export const ScoreDefinitionSchema = Type.Object({
  id: ref<string>('id'),
  label: Type.String(),
  when: Type.Optional(ref<Condition>('condition')),
  value: ref<Expression>('expression'),
  source: ref<Citation>('citation'),
  interpretation: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type ScoreDefinition = Static<typeof ScoreDefinitionSchema>;
