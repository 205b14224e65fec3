import type { Dimension } from './input-space.js';

/** Most values of one input named where a finding's inputs take some of them (more are counted). */
export const MAX_VALUES_NAMED = 4;

/** The options of each dimension a finding's points take, and how many distinct points it has. */
export interface Spread {
  /** Per dimension, the option indexes seen (undefined where none was noted). */
  seen: (Set<number> | undefined)[];
  /** Per dimension, the words of the first option seen. */
  words: string[];
  points: number;
}

/** An empty spread over `n` dimensions. */
export function emptySpread(n: number): Spread {
  // Filled, not sparse: `map` over a spread's dimensions must visit every one.
  return { seen: new Array<Set<number> | undefined>(n).fill(undefined), words: new Array<string>(n).fill(''), points: 0 };
}

/** Notes one more distinct point of a finding in its spread (`current`: the option each dimension is at). */
export function spreadPoint(s: Spread, choice: readonly number[], current: readonly { words: string }[]): void {
  s.points++;
  for (let i = 0; i < choice.length; i++) {
    const set = s.seen[i];
    if (set) set.add(choice[i]!);
    else { s.seen[i] = new Set([choice[i]!]); s.words[i] = current[i]!.words; }
  }
}

/**
 * What varies among a finding's inputs, in a phrase, when they are every combination of some
 * values of some inputs, the others held at one value: "with any of 1505 ways the advanced
 * criteria (12) are judged, given mandatory criteria (4): 4 Fully met", "with 28 of the 84 ways
 * ...", "with serviceType Home Support or Supported Living, given ...". Undefined when the
 * points are not such a block (or are one point): the examples then say it best.
 */
export function whatVaries(dims: readonly Dimension[], s: Spread): string | undefined {
  if (s.points < 2) return undefined;
  let block = 1;
  for (const set of s.seen) block *= set?.size ?? 1;
  if (block !== s.points) return undefined;
  const varied: string[] = [];
  const given: string[] = [];
  for (let i = 0; i < dims.length; i++) {
    const set = s.seen[i];
    const d = dims[i]!;
    if (!set) continue;
    if (set.size === 1) { if (s.words[i]) given.push(s.words[i]!); continue; }
    const counted = d.option(0).away !== undefined;
    const name = d.title ?? d.name;
    if (set.size === d.size && d.exhaustive) { varied.push(counted ? `any of ${d.size.toLocaleString('en-GB')} ways the ${name} are judged` : `any ${name}`); continue; }
    if (counted) { varied.push(`${set.size.toLocaleString('en-GB')} of the ${d.size.toLocaleString('en-GB')} ways the ${name} are judged`); continue; }
    const values = [...set].sort((a, b) => a - b).map((k) => { const w = d.option(k).words; return w.startsWith(`${name} `) ? w.slice(name.length + 1) : w; });
    varied.push(values.length <= MAX_VALUES_NAMED ? `${name} ${values.join(' or ')}` : `${values.length} of the ${d.size} values of ${name}`);
  }
  if (!varied.length) return undefined;
  return `with ${varied.join(' and ')}${given.length ? `, given ${given.join('; ')}` : ''}`;
}
