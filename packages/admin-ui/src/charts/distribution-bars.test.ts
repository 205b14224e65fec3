import { describe, expect, it } from 'vitest';
import { distributionBars } from './distribution-bars.js';

describe('distributionBars', () => {
  const size = { width: 420, height: 220, pad: 10 };

  it('orders bands by the scale and scales bars to the largest count', () => {
    const { bands, bars, max } = distributionBars(['Inadequate', 'Bronze', 'Silver'], { Bronze: 2, Silver: 1 }, { Bronze: 1, Silver: 2 }, size);
    expect(bands).toEqual(['Inadequate', 'Bronze', 'Silver']);
    expect(max).toBe(2);
    const bronzeBefore = bars.find((b) => b.band === 'Bronze' && b.series === 'before')!;
    const silverBefore = bars.find((b) => b.band === 'Silver' && b.series === 'before')!;
    expect(bronzeBefore.height).toBe(200);
    expect(silverBefore.height).toBe(100);
    expect(bars.find((b) => b.band === 'Inadequate')!.height).toBe(0);
  });

  it('puts bands missing from the scale (e.g. "Not assessed") after it', () => {
    expect(distributionBars(['Gold'], { Other: 1 }, {}, size).bands).toEqual(['Gold', 'Other']);
  });
});
