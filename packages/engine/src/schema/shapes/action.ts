import { Type, type Static } from '@sinclair/typebox';
import type { Citation } from './citation.js';
import type { Condition } from './condition.js';
import type { Resolve } from '../../language/expression-type.js';
import type { OffsetSchema } from '../../language/timing/due.js';
import { ref } from './refs.js';

/** When an action is due: one unit of `language/timing/due.ts`, from a date (default the assessment date); typed from its schema. */
export type Offset = Resolve<Static<typeof OffsetSchema>>;

/** `$defs.action`: something an owner must do while its condition holds, by its due date. */
export const ActionSchema = Type.Object({
  id: ref<string>('id'),
  label: Type.String(),
  owner: Type.String(),
  when: ref<Condition>('condition'),
  /** When it is due; absent means immediately (the assessment date). */
  due: Type.Optional(ref<Offset>('offset')),
  source: ref<Citation>('citation'),
  interpretation: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type Action = Static<typeof ActionSchema>;
