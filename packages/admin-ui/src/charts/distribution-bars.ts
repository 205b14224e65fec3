/** One bar of a before/after chart. */
export interface Bar {
  band: string;
  series: 'before' | 'after';
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Lays out a grouped bar chart of how many providers sit in each band before and after:
 * bands in scale order (unknown bands after them), bars scaled to the largest count.
 */
export function distributionBars(
  order: readonly string[],
  before: Record<string, number>,
  after: Record<string, number>,
  size: { width: number; height: number; pad: number },
): { bands: string[]; bars: Bar[]; max: number } {
  const extra = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((b) => !order.includes(b)).sort();
  const bands = [...order, ...extra];
  const max = Math.max(1, ...bands.map((b) => Math.max(before[b] ?? 0, after[b] ?? 0)));
  const slot = (size.width - 2 * size.pad) / Math.max(1, bands.length);
  const barWidth = slot * 0.35;
  const plot = size.height - 2 * size.pad;
  const bars: Bar[] = bands.flatMap((band, i) =>
    (['before', 'after'] as const).map((series, j) => {
      const count = (series === 'before' ? before : after)[band] ?? 0;
      const height = (count / max) * plot;
      return { band, series, count, x: size.pad + i * slot + slot * 0.15 + j * barWidth, y: size.pad + plot - height, width: barWidth, height };
    }),
  );
  return { bands, bars, max };
}
