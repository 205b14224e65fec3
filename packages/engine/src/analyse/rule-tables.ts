import type { CompiledRule } from '../compile/compile-pack.js';
import type { EvalState } from '../compile/eval-state.js';
import type { Dimension, DimensionOption } from './input-space.js';
import type { Factor } from './factors.js';

/**
 * A rule's verdict and output at every point of the dimensions it reads, worked out once, so a
 * factor whose rules each read only some of its dimensions is walked by looking them up: in
 * Birmingham's overall rating each rule reads a few of the inputs, and the 230,400 points of its
 * factor are 5,000 evaluations and 230,400 look-ups. A rule's condition and output depend only on
 * what the dimensions it reads write (the premise of `factors.ts`, which already sets every
 * dimension a factor's rules do not read at its first option), so the look-up gives what
 * evaluating the rule at the point would, an output that throws included (thrown where it is read).
 */
export interface RuleTable {
  /** The dimensions it reads, as places in the factor (ascending). */
  dims: number[];
  /** Per dimension read, how far one step of its option moves the table's index (the last read fastest). */
  strides: number[];
  /** 1 where the rule matches. */
  verdict: Uint8Array;
  /** Where it matches, its output (or `Thrown` holding what computing it threw). */
  outputs: unknown[];
}

/** An output that threw where it was computed: thrown again where the analysis reads it. */
export class Thrown {
  constructor(readonly error: unknown) {}
}

/** A table's output at `index`, throwing what computing it threw. */
export function tableOutput(t: RuleTable, index: number): unknown {
  const v = t.outputs[index];
  if (v instanceof Thrown) throw v.error;
  return v;
}

/** Most entries a rule's table may have: a rule reading more is evaluated at each point. */
export const MAX_TABLE = 1_000_000;

/**
 * The table of `rule` over the factor's dimensions `reads` (places in `fd`), or undefined when it
 * would save nothing (it reads points as many as the factor has) or be too large. `state` holds
 * every dimension of the space at some option (the factor's at their first); it is left with the
 * factor's dimensions at their first options again. `prepare` readies the state for an
 * evaluation after the options are written (fresh counts, derived decisions).
 */
export function ruleTable(rule: CompiledRule, fd: readonly Dimension[], reads: number[], state: EvalState, optionAt: (k: number, index: number) => DimensionOption, prepare: (s: EvalState) => void): RuleTable | undefined {
  const factorSize = fd.reduce((n, d) => n * d.size, 1);
  const size = reads.reduce((n, k) => n * fd[k]!.size, 1);
  if (!(size < factorSize) || size > MAX_TABLE) return undefined;
  const strides = new Array<number>(reads.length);
  let s = 1;
  for (let j = reads.length - 1; j >= 0; j--) { strides[j] = s; s *= fd[reads[j]!]!.size; }
  const verdict = new Uint8Array(size);
  const outputs = new Array<unknown>(size);
  const choice = new Array<number>(reads.length).fill(0);
  for (const k of reads) optionAt(k, 0).apply(state);
  for (let index = 0; index < size; index++) {
    prepare(state);
    if (rule.when.test(state)) {
      verdict[index] = 1;
      try { outputs[index] = rule.output(state); } catch (e) { outputs[index] = new Thrown(e); }
    }
    // Next entry (odometer, the last dimension read fastest), writing only the options that change.
    for (let j = reads.length - 1; j >= 0; j--) {
      const k = reads[j]!;
      const next = ++choice[j]! < fd[k]!.size ? choice[j]! : (choice[j] = 0);
      optionAt(k, next).apply(state);
      if (next) break;
    }
  }
  return { dims: reads, strides, verdict, outputs };
}

/**
 * The tables worth building for a factor of `points` points (undefined where a rule is evaluated
 * at each point): every rule's, where they hold half as many entries as the factor has points
 * or fewer (then nothing is evaluated at each point); else, as some rule is evaluated at each
 * point anyway, only the tables of an eighth of the points or fewer (each entry costs an
 * evaluation, derived decisions included, where a look-up saves one test of the rule).
 */
export function chooseTables(factor: Factor, fd: readonly Dimension[], points: number, build: (q: number, reads: number[]) => RuleTable | undefined): (RuleTable | undefined)[] {
  const local = new Map(factor.dims.map((g, k) => [g, k]));
  const reads = factor.reads.map((ds) => ds.map((g) => local.get(g)!));
  const size = (ds: number[]): number => ds.reduce((n, k) => n * fd[k]!.size, 1);
  const sizes = reads.map(size);
  const all = sizes.every((s) => s < points) && sizes.reduce((n, s) => n + s, 0) * 2 <= points;
  return reads.map((ds, q) => (all || sizes[q]! * 8 <= points ? build(q, ds) : undefined));
}
