import { Type, type Static } from '@sinclair/typebox';
import type { Citation } from './citation.js';
import type { Rule } from './rule.js';
import type { Expression } from '../../language/expression-type.js';
import type { DecisionTable } from '../../language/decision-table.js';
import type { Limit } from '../../language/limits.js';
import type { DecidedBy, Override } from '../../language/human-decision.js';
import { Exactly, OneOfValues, ref } from './refs.js';

/** How a decision combines the outputs of the rules that fire. */
export const HIT_POLICIES = ['first', 'max', 'min', 'collect', 'unique'] as const;
export type HitPolicy = typeof HIT_POLICIES[number];

/** The value a decision takes when no rule fires. */
export const FallbackSchema = Type.Object({
  output: ref<Expression>('expression'),
  source: Type.Optional(ref<Citation>('citation')),
  interpretation: Type.Optional(Type.String()),
  label: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type Fallback = Static<typeof FallbackSchema>;

/** `$defs.decision`: a named output on a scale, with a hit policy. */
export const DecisionSchema = Type.Object({
  label: Type.String(),
  description: Type.Optional(Type.String()),
  scale: Type.String(),
  hitPolicy: OneOfValues(HIT_POLICIES),
  /** Evaluate once per framework domain: instances are named `<decision>.<domainId>`. */
  forEach: Type.Optional(Exactly('domain')),
  /** The decision's rules; may be left out when `table` is given (its rows are the rules). */
  rules: Type.Optional(Type.Array(ref<Rule>('rule'))),
  /** The decision written as a table: its rows are compiled to rules after `rules` (`language/decision-table.ts`). */
  table: Type.Optional(ref<DecisionTable>('decisionTable')),
  /** Limiters applied after the hit policy: while one's condition holds, the value is at most its `atMost` (`language/limits.ts`). */
  limits: Type.Optional(Type.Array(ref<Limit>('limit'), { description: 'Limiters applied after the hit policy (`language/limits.ts`).' })),
  fallback: Type.Optional(FallbackSchema),
  source: Type.Optional(ref<Citation>('citation')),
  /** A person takes this decision: its rules propose the value (`language/human-decision.ts`). */
  decidedBy: Type.Optional(ref<DecidedBy>('decidedBy')),
  /** An officer may override the computed value, with a reason (`language/human-decision.ts`). */
  override: Type.Optional(ref<Override>('override')),
}, {
  additionalProperties: false,
  // `rules` may be left out when the decision is written as a `table`.
  if: { properties: { table: false } },
  then: { properties: { rules: true }, required: ['rules'] },
});
export type Decision = Static<typeof DecisionSchema>;
