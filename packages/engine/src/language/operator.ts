import type { CustomOperator } from '../types.js';

/** What every operator declares: its name, its words and its docs row. */
interface OperatorBase {
  /** The name packs write in a leaf condition's `operator`. */
  readonly name: string;
  /** Plain words between a fact and the value it is compared with: "is at least". */
  readonly words: string;
  /** Words before a count of criteria ("at least 12 criteria Fully met"), when a count reads that way. */
  readonly countWords?: string;
  /**
   * Words for the whole comparison when the value is `false` and is not worth showing
   * ("is not recorded"); the editor's wording uses it, the trace does not.
   */
  readonly wordsWhenFalse?: string;
  /** True when the value is part of the words only through `words`/`wordsWhenFalse` (`present`). */
  readonly valueless?: boolean;
  /** One sentence for the operator table in docs/pack-schema-reference.md. */
  readonly doc: string;
  /** True when json-rules-engine has the operator by default (the reference evaluator uses its own). */
  readonly jsonRulesEngine?: boolean;
}

/** An operator with one test, the same for every fact. */
export interface PlainOperatorDefinition extends OperatorBase {
  readonly kind: 'plain';
  /** The test: fact value first, the condition's value second. */
  readonly test: CustomOperator;
}

/**
 * An operator comparing two values by their rank on the fact's scale (for a numeric scale, or a
 * fact with no ordered scale, the numbers themselves); false when either value is not on it.
 */
export interface ScaleOperatorDefinition extends OperatorBase {
  readonly kind: 'scale';
  /** The comparison of the two ranks. */
  readonly compareRanks: (x: number, y: number) => boolean;
}

/** One operator of the pack language. */
export type OperatorDefinition = PlainOperatorDefinition | ScaleOperatorDefinition;
