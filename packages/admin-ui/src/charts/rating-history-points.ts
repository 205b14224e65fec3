/** One point of a rating history chart. */
export interface HistoryPoint {
  date: string;
  value: string;
  x: number;
  y: number;
}

/**
 * Places each determination's headline on a time axis (x, by date) against the scale's
 * values (y, lowest at the bottom); values not on the scale sit on a row below it.
 */
export function ratingHistoryPoints(
  entries: readonly { date: string; value: unknown }[],
  order: readonly string[],
  size: { width: number; height: number; left: number; pad: number },
): { points: HistoryPoint[]; rows: string[] } {
  const values = entries.map((e) => (typeof e.value === 'string' ? e.value : JSON.stringify(e.value)));
  const rows = [...order, ...[...new Set(values)].filter((v) => !order.includes(v))];
  const times = entries.map((e) => Date.parse(e.date));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const span = t1 - t0 || 1;
  const w = size.width - size.left - size.pad;
  const rowGap = (size.height - 2 * size.pad) / Math.max(1, rows.length - 1);
  const points = entries.map((e, i) => ({
    date: e.date,
    value: values[i]!,
    x: size.left + (entries.length === 1 ? w / 2 : ((times[i]! - t0) / span) * w),
    y: size.height - size.pad - rows.indexOf(values[i]!) * rowGap,
  }));
  return { points, rows };
}
