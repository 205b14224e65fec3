import type { CompiledPack } from '../compile/compile-pack.js';
import { unsetList, type EvalState } from '../compile/eval-state.js';
import { LIMITS } from '../schema/limits.js';
import { seededRandom } from '../random/seeded-random.js';
import { ANALYSIS_DATE, type Dimension, type DimensionOption } from './input-space.js';

/** Options of a dimension up to this many are kept once built; a larger dimension's are built as visited. */
export const KEPT_OPTIONS = 10_000;

/** Most options of one dimension varied alone from each corner when sampling (half from each end). */
export const MAX_VARIED_ALONE = 200;

/** What a walk over an input space covered. */
export interface Walk {
  /** Points visited. */
  points: number;
  /** Concrete input combinations those points stand for. */
  combinations: number;
  /** True when every point was visited (the dimensions themselves may still be samples). */
  enumerated: boolean;
  /** Why not every point was visited, in plain words (when sampled). */
  note?: string;
}

/** A fresh evaluation state for analysing `c`: nothing recorded, dated on the analysis date. */
export function analysisState(c: CompiledPack): EvalState {
  return {
    facts: {},
    assessmentDate: ANALYSIS_DATE,
    asOf: ANALYSIS_DATE,
    values: new Array(c.instances.length),
    ranks: unsetList(c.index.criteria.length),
    judgements: {},
    counts: unsetList(c.countSlots),
    interpretations: new Set(),
  };
}

/** The option indexes of a dimension of `size` varied alone: all of them, or those nearest each end. */
function variedAlone(size: number): number[] {
  if (size <= MAX_VARIED_ALONE) return Array.from({ length: size }, (_, i) => i);
  const half = MAX_VARIED_ALONE / 2;
  return [...Array.from({ length: half }, (_, i) => i), ...Array.from({ length: half }, (_, i) => size - half + i)];
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

/**
 * Visits the points of an input space, each written into `state` first: every point (last
 * dimension fastest) when there are at most `LIMITS.maxAnalysisPoints`, else a sample: the
 * corners (everything at its first or last option, e.g. nothing recorded), each dimension varied
 * alone from them, then random points seeded by `seed` (so a walk is the same every time).
 * `visit` gets the option each dimension is at, its index, and the combinations the point stands for;
 * `derive`, when given, writes into `state` what follows from each point before it is visited
 * (the derived decisions, `derived-decisions.ts`).
 */
export function walkSpace(dims: Dimension[], state: EvalState, seed: string, visit: (current: readonly DimensionOption[], choice: readonly number[], weight: number) => void, derive?: (s: EvalState) => void): Walk {
  // Counted before anything is built: a space too large is sampled, never listed.
  const total = dims.reduce((n, d) => n * d.size, 1);
  const enumerated = total <= LIMITS.maxAnalysisPoints;
  let points = 0;
  let combinations = 0;
  // The option each dimension is at: rebuilt only when its index changes, and kept once
  // built for a dimension small enough (as nearly all are) to be revisited cheaply.
  const current: DimensionOption[] = new Array(dims.length);
  const currentIndex = new Array<number>(dims.length).fill(-1);
  const kept = dims.map((d) => (d.size <= KEPT_OPTIONS ? new Array<DimensionOption | undefined>(d.size) : undefined));
  const optionAt = (i: number, index: number): DimensionOption => {
    const k = kept[i];
    if (!k) return dims[i]!.option(index);
    return (k[index] ??= dims[i]!.option(index));
  };
  const at = (choice: number[]): void => {
    state.counts.fill(-1);
    let weight = 1;
    for (let i = 0; i < dims.length; i++) {
      // Only a dimension whose option changed is written again: each writes its own part of the state.
      if (currentIndex[i] !== choice[i]) { current[i] = optionAt(i, choice[i]!); currentIndex[i] = choice[i]!; current[i]!.apply(state); }
      weight *= current[i]!.weight;
    }
    derive?.(state);
    points++;
    combinations += weight;
    visit(current, choice, weight);
  };

  const choice = new Array<number>(dims.length).fill(0);
  if (enumerated) {
    if (dims.length === 0) at(choice);
    else {
      for (;;) {
        at(choice);
        let i = dims.length - 1;
        while (i >= 0) {
          choice[i]!++;
          if (choice[i]! < dims[i]!.size) break;
          choice[i] = 0;
          i--;
        }
        if (i < 0) break;
      }
    }
    return { points, combinations, enumerated };
  }
  // A dimension too large to vary through (a class of hundreds of criteria) is varied
  // through the options nearest each end: everything at one judgement but a few.
  const corners = [dims.map(() => 0), dims.map((d) => d.size - 1)];
  let budget = LIMITS.analysisSamples;
  for (const corner of corners) {
    if (budget <= 0) break;
    corner.forEach((v, i) => { choice[i] = v; });
    at(choice); budget--;
    for (let i = 0; i < dims.length && budget > 0; i++) {
      for (const o of variedAlone(dims[i]!.size)) {
        if (o === corner[i]) continue;
        choice[i] = o;
        at(choice);
        if (--budget <= 0) break;
      }
      choice[i] = corner[i]!;
    }
  }
  const rand = seededRandom(seedOf(seed));
  for (let k = 0; k < budget; k++) {
    for (let i = 0; i < dims.length; i++) choice[i] = Math.floor(rand() * dims[i]!.size);
    at(choice);
  }
  const note = `too large: sampled ${points.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} points (more than the limit of ${LIMITS.maxAnalysisPoints.toLocaleString('en-GB')} to enumerate): the corners (everything at its first or last value, e.g. nothing recorded), each input varied alone from them, and random points were checked`;
  return { points, combinations, enumerated, note };
}
