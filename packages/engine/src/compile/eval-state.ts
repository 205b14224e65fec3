/**
 * The working state of one evaluation, shared by every compiled closure: input facts,
 * decision values (by instance index), and criterion judgements as ranks.
 */
export interface EvalState {
  /** Input facts, as recorded (not copied: an evaluation never writes to them). */
  facts: Readonly<Record<string, unknown>>;
  /** The assessment date (the `assessmentDate` fact). */
  assessmentDate: string;
  /** The determination date (the `asOf` fact). */
  asOf: string;
  /** Decision instance values, by instance index (undefined until evaluated). */
  values: unknown[];
  /** Judgement rank per criterion index on the judgement scale; -1 when not judged. */
  ranks: number[];
  /** Criterion id -> judgement, as recorded. */
  judgements: Record<string, string>;
  /** Criteria counts computed so far in this evaluation, by count slot; -1 = not yet. */
  counts: number[];
  /** Interpretation ids relied on so far. */
  interpretations: Set<string>;
  /** Analysis only: values put in place of plugin facts, by read key (`pluginReadKey`), from their declared `returns`. */
  pluginFacts?: Map<string, unknown>;
}

/** A compiled fact or expression: reads a value from the state. */
export type Getter = (s: EvalState) => unknown;

/** Lists of `n` times -1, made once for each `n` and copied. */
const unset: number[][] = [];

/**
 * A new list of `n` places, each -1 (not judged, not yet counted). A plain list copied from one
 * made once: a typed array of this size is allocated outside V8's heap, at several times the cost.
 */
export function unsetList(n: number): number[] {
  let list = unset[n];
  if (!list) {
    list = [];
    for (let i = 0; i < n; i++) list.push(-1);
    unset[n] = list;
  }
  return list.slice();
}
