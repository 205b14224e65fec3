/**
 * A determination's explanation as data (format 3): for each decision instance its rules in
 * order, fired or not, and for each condition leaf the fact's value, the value wanted, whether it
 * held and, for a count, what was counted. Facts, operators, labels and sources are not repeated:
 * they are the pack's, found by rule id and by the leaf's place in the rule's `when`. Words are
 * made from it when shown (`explainDetermination`), never stored.
 *
 * Format 3 is format 2 without its `false` flags: a leaf that held carries `"holds": true`, a
 * rule, action or schedule entry that fired `"fired": true`, and one that did not carries
 * neither (most leaves and rules of a determination do not hold or fire, so this is about a
 * fifth of the text). Readers take an absent flag as false, so they read both formats alike
 * (format 2 wrote `false` explicitly); limiters still write `fired` either way.
 *
 * Declared in TypeBox: the types are derived from the schema, which `determination.schema.json`
 * publishes as part of the determination's.
 */
import { Type, type Static } from '@sinclair/typebox';
import { OneOfValues } from '../schema/shapes/refs.js';

/** One leaf condition's result, in the order leaves appear in its condition (depth first). */
export const LeafResultSchema = Type.Object({
  /** The fact's value (absent when not recorded). */
  value: Type.Optional(Type.Unknown()),
  /**
   * The value it was compared with when the pack does not give it: another fact's value, a
   * computed date or number. (A literal or a domain parameter is the pack's, not repeated.)
   */
  wanted: Type.Optional(Type.Unknown()),
  /** True when the leaf held; absent (format 3) or false (format 2) when it did not. */
  holds: Type.Optional(Type.Boolean()),
  /**
   * For a count, what it counted: criteria by their index in the explanation's `judgements`
   * (`criteriaCount`), domains by their index in the framework (`domainCount`). Absent when it
   * counted none.
   */
  counted: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
}, { additionalProperties: false });
export type LeafResult = Static<typeof LeafResultSchema>;

/** One rule of a decision instance, as considered. */
export const RuleResultSchema = Type.Object({
  rule: Type.String(),
  /** True when the rule fired; absent (format 3) or false (format 2) when it did not. */
  fired: Type.Optional(Type.Boolean()),
  /** The rule's output, when the pack does not give it as a literal. */
  output: Type.Optional(Type.Unknown()),
  /**
   * For a rule whose output is a `band` expression, the number it banded (the band it fell in is
   * `output`; the thresholds are the pack's). Absent for other rules, and in explanations made
   * before it was recorded.
   */
  banded: Type.Optional(Type.Number()),
  conditions: Type.Array(LeafResultSchema),
}, { additionalProperties: false });
export type RuleResult = Static<typeof RuleResultSchema>;

/** How a decision instance was decided: rules in the order considered (under `first`, up to the one that fired). */
export const DecisionResultSchema = Type.Object({
  kind: Type.Literal('decision'),
  /** The instance, `overallRating` or `domainRating.safeguarding`. */
  of: Type.String(),
  rules: Type.Array(RuleResultSchema),
  /** True when no rule matched and the fallback gave the value. */
  fallback: Type.Optional(Type.Literal(true)),
}, { additionalProperties: false });
export type DecisionResult = Static<typeof DecisionResultSchema>;

/** Whether an action, schedule entry or warning applies, by its `when`. */
export const OutcomeResultSchema = Type.Object({
  kind: OneOfValues(['action', 'schedule', 'warning'] as const),
  of: Type.String(),
  /** True when it applies; absent (format 3) or false (format 2) when it does not. */
  fired: Type.Optional(Type.Boolean()),
  conditions: Type.Array(LeafResultSchema),
}, { additionalProperties: false });
export type OutcomeResult = Static<typeof OutcomeResultSchema>;

/** A limiter of a decision instance (`limits`): its condition's results; when it capped the value, the value it capped. */
export const LimitResultSchema = Type.Object({
  kind: Type.Literal('limit'),
  of: Type.String(),
  limit: Type.String(),
  fired: Type.Boolean(),
  conditions: Type.Array(LeafResultSchema),
  /** The value the rules gave, which the limiter capped (only when it fired). */
  capped: Type.Optional(Type.Unknown()),
}, { additionalProperties: false });
export type LimitResult = Static<typeof LimitResultSchema>;

/**
 * A decision instance a person takes or overrode: what was recorded, or what is proposed, is the
 * determination's own `decidedBy` / `proposals` entry for it (not repeated here).
 */
export const PersonResultSchema = Type.Object({
  kind: Type.Literal('person'),
  of: Type.String(),
}, { additionalProperties: false });
export type PersonResult = Static<typeof PersonResultSchema>;

/**
 * One entry of an explanation. New constructs add their own `kind`; a reader shows the kinds it
 * knows and skips the others.
 */
export const ExplanationEntrySchema = Type.Union([DecisionResultSchema, OutcomeResultSchema, LimitResultSchema, PersonResultSchema]);
export type ExplanationEntry = Static<typeof ExplanationEntrySchema>;

/** The explanation a determination made with `explain` carries. */
export const ExplanationSchema = Type.Object({
  /** 3 as made now; 2 for an explanation made before (the same, with its `false` flags written). */
  format: OneOfValues([2, 3] as const),
  /** Each criterion's judgement (null: not judged), in the framework's order; counts refer to them by index. */
  judgements: Type.Optional(Type.Array(Type.Union([Type.String(), Type.Null()]))),
  entries: Type.Array(ExplanationEntrySchema),
}, { additionalProperties: false });
export type Explanation = Static<typeof ExplanationSchema>;
