/** One segment of a month's stacked bar: how many providers held one rating then. */
export interface MixSegment {
  month: string;
  rating: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One month of the rating mix as the server gives it (`GET .../dashboard/rating-mix`). */
export interface MixPoint {
  month: string;
  asOf: string;
  byRating: Record<string, number>;
}

/**
 * Lays out the rating mix over time as one stacked bar per month, oldest on the left: the
 * scale's ratings from the top band down (`order` lowest first, as packs declare scales), then
 * any other bucket (e.g. "Not assessed") at the bottom; heights scaled to the busiest month.
 * Ratings never held in any month are left out of `ratings`.
 */
export function ratingMixBars(
  points: readonly MixPoint[],
  order: readonly string[],
  size: { width: number; height: number; left: number; pad: number },
): { ratings: string[]; segments: MixSegment[]; max: number } {
  const held = new Set(points.flatMap((p) => Object.keys(p.byRating).filter((r) => (p.byRating[r] ?? 0) > 0)));
  const others = [...held].filter((r) => !order.includes(r)).sort();
  // Stacked from the bottom: unscaled buckets first, then the scale lowest to highest.
  const ratings = [...others, ...order.filter((r) => held.has(r))];
  const max = Math.max(1, ...points.map((p) => ratings.reduce((n, r) => n + (p.byRating[r] ?? 0), 0)));
  const plot = size.height - 2 * size.pad;
  const slot = (size.width - size.left - size.pad) / Math.max(1, points.length);
  const width = slot * 0.7;
  const segments: MixSegment[] = [];
  points.forEach((p, i) => {
    let base = size.height - size.pad;
    for (const rating of ratings) {
      const count = p.byRating[rating] ?? 0;
      if (count === 0) continue;
      const height = (count / max) * plot;
      base -= height;
      segments.push({ month: p.month, rating, count, x: size.left + i * slot + (slot - width) / 2, y: base, width, height });
    }
  });
  return { ratings, segments, max };
}
