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
 */

/** One leaf condition's result, in the order leaves appear in its condition (depth first). */
export interface LeafResult {
  /** The fact's value (absent when not recorded). */
  value?: unknown;
  /**
   * The value it was compared with when the pack does not give it: another fact's value, a
   * computed date or number. (A literal or a domain parameter is the pack's, not repeated.)
   */
  wanted?: unknown;
  /** True when the leaf held; absent (format 3) or false (format 2) when it did not. */
  holds?: boolean;
  /**
   * For a count, what it counted: criteria by their index in the explanation's `judgements`
   * (`criteriaCount`), domains by their index in the framework (`domainCount`). Absent when it
   * counted none.
   */
  counted?: number[];
}

/** One rule of a decision instance, as considered. */
export interface RuleResult {
  rule: string;
  /** True when the rule fired; absent (format 3) or false (format 2) when it did not. */
  fired?: boolean;
  /** The rule's output, when the pack does not give it as a literal. */
  output?: unknown;
  conditions: LeafResult[];
}

/** How a decision instance was decided: rules in the order considered (under `first`, up to the one that fired). */
export interface DecisionResult {
  kind: 'decision';
  /** The instance, `overallRating` or `domainRating.safeguarding`. */
  of: string;
  rules: RuleResult[];
  /** True when no rule matched and the fallback gave the value. */
  fallback?: true;
}

/** Whether an action, schedule entry or warning applies, by its `when`. */
export interface OutcomeResult {
  kind: 'action' | 'schedule' | 'warning';
  of: string;
  /** True when it applies; absent (format 3) or false (format 2) when it does not. */
  fired?: boolean;
  conditions: LeafResult[];
}

/** A limiter of a decision instance (`limits`): its condition's results; when it capped the value, the value it capped. */
export interface LimitResult {
  kind: 'limit';
  of: string;
  limit: string;
  fired: boolean;
  conditions: LeafResult[];
  /** The value the rules gave, which the limiter capped (only when it fired). */
  capped?: unknown;
}

/**
 * A decision instance a person takes or overrode: what was recorded, or what is proposed, is the
 * determination's own `decidedBy` / `proposals` entry for it (not repeated here).
 */
export interface PersonResult {
  kind: 'person';
  of: string;
}

/**
 * One entry of an explanation. New constructs add their own `kind`; a reader shows the kinds it
 * knows and skips the others.
 */
export type ExplanationEntry = DecisionResult | OutcomeResult | LimitResult | PersonResult;

/** The explanation a determination made with `explain` carries. */
export interface Explanation {
  /** 3 as made now; 2 for an explanation made before (the same, with its `false` flags written). */
  format: 2 | 3;
  /** Each criterion's judgement (null: not judged), in the framework's order; counts refer to them by index. */
  judgements?: (string | null)[];
  entries: ExplanationEntry[];
}
