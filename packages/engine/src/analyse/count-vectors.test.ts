import { describe, expect, it } from 'vitest';
import { binomial, countVectorAt, countVectorTotal, multinomial } from './count-vectors.js';

/** Every split of n into k parts, listed the slow way (first part from n down), as the analyser once built them. */
function listed(n: number, k: number): number[][] {
  if (k === 1) return [[n]];
  const out: number[][] = [];
  for (let first = n; first >= 0; first--) for (const rest of listed(n - first, k - 1)) out.push([first, ...rest]);
  return out;
}

describe('count vectors', () => {
  it('counts the splits of n into k parts without listing them', () => {
    for (const [n, k] of [[0, 1], [0, 3], [1, 1], [5, 4], [7, 3], [12, 5], [3, 6]] as const) {
      expect(countVectorTotal(n, k)).toBe(listed(n, k).length);
    }
  });

  it('finds the vector at each rank in the order the listing gives', () => {
    for (const [n, k] of [[1, 1], [5, 4], [7, 3], [12, 5], [3, 6], [0, 4]] as const) {
      const all = listed(n, k);
      expect(all.map((_, rank) => countVectorAt(n, k, rank))).toEqual(all);
    }
  });

  it('counts the space of 2,000 criteria over five judgements, far too many to list', () => {
    expect(countVectorTotal(2000, 5)).toBe(670_005_837_501); // C(2004, 4)
    expect(countVectorAt(2000, 5, 0)).toEqual([2000, 0, 0, 0, 0]);
    expect(countVectorAt(2000, 5, countVectorTotal(2000, 5) - 1)).toEqual([0, 0, 0, 0, 2000]);
  });

  it('always gives a valid split, even at ranks beyond exact arithmetic', () => {
    const total = countVectorTotal(2000, 20);
    expect(total).toBeGreaterThan(2 ** 53);
    for (const fraction of [0, 0.1, 0.37, 0.5, 0.93, 0.999999]) {
      const v = countVectorAt(2000, 20, Math.floor(fraction * total));
      expect(v).toHaveLength(20);
      expect(v.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      expect(v.reduce((a, b) => a + b, 0)).toBe(2000);
    }
  });

  it('computes binomials and multinomials exactly where they fit', () => {
    expect(binomial(5, 2)).toBe(10);
    expect(binomial(5, 7)).toBe(0);
    expect(binomial(50, 25)).toBe(126_410_606_437_752);
    expect(multinomial([1, 3, 1])).toBe(20);
    expect(multinomial([1000, 1000])).toBe(Infinity);
  });
});
