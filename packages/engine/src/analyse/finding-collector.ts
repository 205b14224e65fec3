import type { AnalysisFinding, FindingExample } from './analyse.js';
import type { Dimension, DimensionOption } from './input-space.js';
import { finite } from './scale-value.js';
import { simplicity } from './simplicity.js';
import { emptySpread, spreadPoint, whatVaries, type Spread } from './what-varies.js';

/** Most readable examples listed per finding. */
export const MAX_EXAMPLES = 25;

/** What the collector fills in on a finding: the inputs it covers. */
export interface FindingInputs {
  count: number;
  examples: FindingExample[];
  more: number;
  varies?: string;
}

/** A finding without what the collector fills in (its inputs). */
export type FindingHead<F extends FindingInputs = AnalysisFinding> = Omit<F, keyof FindingInputs>;

/**
 * Gathers the points of an input space under their findings (one key per finding), and lists
 * each finding's inputs simplest first (`simplicity.ts`), saying what varies among them where
 * they form a block (`what-varies.ts`).
 */
export class FindingCollector<F extends FindingInputs = AnalysisFinding> {
  private readonly groups = new Map<string, { finding: FindingHead<F>; count: number; examples: Map<string, { count: number; score: number }>; spread: Spread }>();
  constructor(private readonly dims: readonly Dimension[]) {}
  add(key: string, finding: FindingHead<F>, current: readonly DimensionOption[], choice: readonly number[], text: () => string, weight: number): void {
    let g = this.groups.get(key);
    if (!g) { g = { finding, count: 0, examples: new Map(), spread: emptySpread(this.dims.length) }; this.groups.set(key, g); }
    g.count += weight;
    const words = text();
    const e = g.examples.get(words);
    if (e) e.count += weight;
    else {
      g.examples.set(words, { count: weight, score: simplicity(current, choice) });
      spreadPoint(g.spread, choice, current);
    }
  }
  findings(): F[] {
    return [...this.groups.values()].map((g) => {
      // The simplest first, equally simple inputs in their enumeration order (the map's); the rest only counted.
      const top: { inputs: string; count: number; score: number }[] = [];
      for (const [inputs, e] of g.examples) {
        let at = top.length;
        while (at > 0 && top[at - 1]!.score > e.score) at--;
        if (at >= MAX_EXAMPLES) continue;
        top.splice(at, 0, { inputs: inputs || '(any input)', count: e.count, score: e.score });
        if (top.length > MAX_EXAMPLES) top.pop();
      }
      const varies = whatVaries(this.dims, g.spread);
      return {
        ...g.finding, count: finite(g.count),
        examples: top.map((e) => ({ inputs: e.inputs, count: finite(e.count) })),
        more: Math.max(0, g.examples.size - MAX_EXAMPLES),
        ...(varies ? { varies } : {}),
      } as F;
    });
  }
}
