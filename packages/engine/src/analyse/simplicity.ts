import type { DimensionOption } from './input-space.js';

/**
 * How simple a point of an input space reads, lower first: fewest things (criteria, domains)
 * away from the first, best value; then fewest distinct values; then fewest other inputs away
 * from their first option. Scores add up across independent parts of a space (`factors.ts`
 * combines them so), so the simplest points of a product are products of the simplest.
 * @example simplicity([{ away: 1, distinct: 2, ... }], [3]) // 1_002_000
 */
export function simplicity(current: readonly DimensionOption[], choice: readonly number[]): number {
  let away = 0;
  let distinct = 0;
  let moved = 0;
  for (let i = 0; i < current.length; i++) {
    const o = current[i]!;
    if (o.away !== undefined) { away += o.away; distinct += o.distinct ?? 0; } else if (choice[i]! > 0) moved++;
  }
  return away * 1e6 + Math.min(distinct, 999) * 1e3 + Math.min(moved, 999);
}
