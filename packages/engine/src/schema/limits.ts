/** Named limits a pack must respect; exceeding one is a validation error naming the limit. */
export const LIMITS = {
  /** Largest pack document, in bytes of JSON text. */
  maxPackBytes: 5 * 1024 * 1024,
  /** Deepest nesting of objects and arrays. */
  maxDepth: 64,
  /** Most rules over all decisions (a decision table's rows count as rules). */
  maxRules: 10_000,
  /** Most conditions (all / any / not and leaves) in one rule's `when`, an action's, a schedule entry's or a score's. */
  maxConditionsPerRule: 1000,
  /** Most rows of one decision table. */
  maxTableRows: 10_000,
  /** Most decisions after per-domain expansion. */
  maxDecisions: 500,
  /** Most criteria in the framework. */
  maxCriteria: 2000,
  /** Most cases shipped with a pack. */
  maxCases: 5000,
  /** Most points the analysis enumerates for one decision before it samples instead. */
  maxAnalysisPoints: 400_000,
  /** Points sampled when a decision's input space is too large to enumerate. */
  analysisSamples: 20_000,
} as const;

/** Object keys refused anywhere in a pack or assessment (prototype pollution). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
