import { Type, type Static } from '@sinclair/typebox';
import type { Citation } from './citation.js';
import type { Condition } from './condition.js';
import type { Expression } from '../../language/expression-type.js';
import { ref } from './refs.js';

/** `$defs.rule`: when its condition holds, the decision takes its output. */
export const RuleSchema = Type.Object({
  id: ref<string>('id'),
  /** Plain words, in the council's terms: "Silver: at least 9 of 12 Fully met...". */
  label: Type.Optional(Type.String()),
  /** Higher runs first under the `first` hit policy; ties keep document order. */
  priority: Type.Optional(Type.Number()),
  when: ref<Condition>('condition'),
  output: ref<Expression>('expression'),
  source: ref<Citation>('citation'),
  /** Id of the interpretation this rule relies on, if the document is silent or ambiguous here. */
  interpretation: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type Rule = Static<typeof RuleSchema>;
