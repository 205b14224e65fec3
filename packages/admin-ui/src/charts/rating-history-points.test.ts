import { describe, expect, it } from 'vitest';
import { ratingHistoryPoints } from './rating-history-points.js';

const size = { width: 300, height: 120, left: 100, pad: 10 };

describe('ratingHistoryPoints', () => {
  it('places dates left to right and higher bands higher up', () => {
    const { points, rows } = ratingHistoryPoints(
      [{ date: '2024-01-01', value: 'Bronze' }, { date: '2025-01-01', value: 'Silver' }],
      ['Inadequate', 'Bronze', 'Silver', 'Gold'],
      size,
    );
    expect(rows).toEqual(['Inadequate', 'Bronze', 'Silver', 'Gold']);
    expect(points[0]!.x).toBe(100);
    expect(points[1]!.x).toBe(290);
    expect(points[1]!.y).toBeLessThan(points[0]!.y);
  });

  it('centres a single determination and adds values missing from the scale', () => {
    const { points, rows } = ratingHistoryPoints([{ date: '2024-01-01', value: 3 }], ['1', '2'], size);
    expect(points[0]!.x).toBe(195);
    expect(rows).toEqual(['1', '2', '3']);
  });
});
