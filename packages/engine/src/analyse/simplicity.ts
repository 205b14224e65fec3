import type { DimensionOption } from './input-space.js';

/**
 * How simple one option of a dimension reads, lower first: a count vector's things away from
 * the first (best) value weigh most, then its distinct values; any other option but the first
 * weighs least. `index` is the option's place in its dimension.
 * @example optionSimplicity({ away: 1, distinct: 2, ... }, 3) // 1_002_000
 */
export function optionSimplicity(o: DimensionOption, index: number): number {
  return o.away !== undefined ? o.away * 1e6 + (o.distinct ?? 0) * 1e3 : index > 0 ? 1 : 0;
}

/**
 * How simple a point of an input space reads, lower first: fewest things (criteria, domains)
 * away from the first, best value; then fewest distinct values; then fewest other inputs away
 * from their first option. The sum of its options' `optionSimplicity`, so scores add up across
 * independent parts of a space (`factors.ts` combines them so), and the simplest points of a
 * product are products of the simplest.
 * @example simplicity([{ away: 1, distinct: 2, ... }], [3]) // 1_002_000
 */
export function simplicity(current: readonly DimensionOption[], choice: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < current.length; i++) sum += optionSimplicity(current[i]!, choice[i]!);
  return sum;
}
