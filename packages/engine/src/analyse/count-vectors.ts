/**
 * Count vectors (ways to split n interchangeable things into k ordered groups) counted and
 * picked by rank without listing them: the analysis needs the size of a space before it
 * decides to enumerate it, and one point of a space too large to hold in memory.
 */

/**
 * The binomial coefficient C(n, k) as a number: exact while it stays below 2^53, the nearest
 * number above that (Infinity past Number.MAX_VALUE).
 * @example binomial(5, 2) // 10
 */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const m = Math.min(k, n - k);
  let r = 1;
  // Each step is C(n - m + i, i), an integer, so rounding keeps the small results exact.
  for (let i = 1; i <= m; i++) r = Math.round((r * (n - m + i)) / i);
  return r;
}

/**
 * How many ways there are to split `n` into `k` ordered non-negative parts: C(n + k - 1, k - 1).
 * @example countVectorTotal(5, 4) // 56 (five domains over four bands)
 */
export function countVectorTotal(n: number, k: number): number {
  return k <= 0 ? (n === 0 ? 1 : 0) : binomial(n + k - 1, k - 1);
}

/**
 * The count vector of `n` in `k` parts at `rank`, in the order where the first part runs
 * from `n` down to 0 and, for each, the rest in the same order: rank 0 is `[n, 0, ..., 0]`,
 * the last is `[0, ..., 0, n]`. Found by bisection on C(m + k - 1, k - 1) (the number of
 * vectors whose first part is at least n - m), so it costs O(k² log n) whatever the size.
 * Beyond 2^53 ranks are approximate but the vector is always a valid split of `n`.
 * @example countVectorAt(2, 3, 1) // [1, 1, 0]
 */
export function countVectorAt(n: number, k: number, rank: number): number[] {
  const parts: number[] = [];
  let rest = n;
  let r = Math.max(0, rank);
  for (let left = k; left > 1; left--) {
    // The smallest m (what is left for the other parts) with more than r vectors at first part >= rest - m.
    let lo = 0;
    let hi = rest;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (binomial(mid + left - 1, left - 1) > r) hi = mid;
      else lo = mid + 1;
    }
    const m = lo;
    if (m > 0) r -= binomial(m - 1 + left - 1, left - 1);
    // Rounding in huge spaces must not push the rank out of the chosen block.
    r = Math.min(Math.max(0, r), countVectorTotal(m, left - 1) - 1);
    parts.push(rest - m);
    rest = m;
  }
  parts.push(rest);
  return parts;
}

/**
 * Number of ways to give `counts` (summing to n) to n distinct things: n! / (c1! c2! ...).
 * Infinity when it passes Number.MAX_VALUE.
 * @example multinomial([1, 3, 1]) // 20
 */
export function multinomial(counts: number[]): number {
  let n = 0;
  let r = 1;
  for (const c of counts) for (let i = 1; i <= c; i++) { n++; r = (r * n) / i; }
  return Math.round(r);
}
