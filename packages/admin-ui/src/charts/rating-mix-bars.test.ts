import { describe, expect, it } from 'vitest';
import { ratingMixBars } from './rating-mix-bars.js';

const size = { width: 350, height: 120, left: 40, pad: 10 };
const order = ['Inadequate', 'Bronze', 'Silver', 'Gold'];

describe('ratingMixBars', () => {
  it('stacks each month from the bottom: other buckets, then the scale lowest to highest, scaled to the busiest month', () => {
    const { ratings, segments, max } = ratingMixBars(
      [
        { month: '2025-01', asOf: '2025-01-31', byRating: { Gold: 1, Bronze: 1 } },
        { month: '2025-02', asOf: '2025-02-28', byRating: { Gold: 2, Bronze: 1, 'Not assessed': 1 } },
      ],
      order,
      size,
    );
    expect(ratings).toEqual(['Not assessed', 'Bronze', 'Gold']);
    expect(max).toBe(4);
    const feb = segments.filter((s) => s.month === '2025-02');
    expect(feb.map((s) => [s.rating, s.count])).toEqual([['Not assessed', 1], ['Bronze', 1], ['Gold', 2]]);
    // The plot is 100 high: a provider is 25; the stack starts on the axis (y = 110) and goes up.
    expect(feb.map((s) => [s.y, s.height])).toEqual([[85, 25], [60, 25], [10, 50]]);
    // Months left to right in equal slots of 150.
    expect(segments[0]!.x).toBeCloseTo(40 + 22.5);
    expect(feb[0]!.x).toBeCloseTo(190 + 22.5);
  });

  it('draws nothing for an empty council and never divides by zero', () => {
    const { segments, ratings, max } = ratingMixBars([{ month: '2025-01', asOf: '2025-01-31', byRating: {} }], order, size);
    expect(segments).toEqual([]);
    expect(ratings).toEqual([]);
    expect(max).toBe(1);
  });
});
