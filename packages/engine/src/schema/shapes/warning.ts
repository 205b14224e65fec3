import { Type, type Static } from '@sinclair/typebox';
import type { Citation } from './citation.js';
import type { Condition } from './condition.js';
import { ref } from './refs.js';

/**
 * `$defs.warning`: something the reader of a determination must know about the determination
 * itself while its condition holds ("the published dates end here", "the strategy is past its
 * review date"), not something anyone must do: it is shown beside the headline, not as an action.
 */
export const WarningSchema = Type.Object({
  id: ref<string>('id'),
  /** The warning in the council's words, as shown. */
  message: Type.String(),
  when: ref<Condition>('condition'),
  source: ref<Citation>('citation'),
  interpretation: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type Warning = Static<typeof WarningSchema>;
