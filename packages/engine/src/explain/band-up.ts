import type { OrderedScale } from '../types.js';

/**
 * The band one step towards the scale's better end (`better`: the last value unless `first`), or
 * undefined at the better end. A value that is no band (`unrated`, "Not determined") has no band
 * up, and is never the band up: from Herefordshire's Level 1 there is none, from Level 2 it is Level 1.
 * @example bandUp({ label: 'PQR', values: ['1', '2', '3'], better: 'first' }, '3') // '2'
 */
export function bandUp(scale: OrderedScale, value: string): string | undefined {
  const unrated = new Set(scale.unrated ?? []);
  const at = scale.values.indexOf(value);
  if (at < 0 || unrated.has(value)) return undefined;
  const next = scale.values[scale.better === 'first' ? at - 1 : at + 1];
  return next === undefined || unrated.has(next) ? undefined : next;
}

/**
 * Whether a hit policy takes the worse band of the rules matched (`max` on a scale whose better end
 * is `first`, as Bolton's PQR and Herefordshire's levels; `min` on one whose better end is `last`).
 * Then what keeps a value from the band up is each rule that fired for a worse band.
 */
export function takesWorseBand(hitPolicy: string, scale: OrderedScale): boolean {
  return (hitPolicy === 'max' || hitPolicy === 'min') && (hitPolicy === 'max') === (scale.better === 'first');
}

/** Whether `a` is a worse band than `b` on the scale (false when either is not a value of it). */
export function worseBand(scale: OrderedScale, a: unknown, b: unknown): boolean {
  const i = typeof a === 'string' ? scale.values.indexOf(a) : -1;
  const j = typeof b === 'string' ? scale.values.indexOf(b) : -1;
  return i >= 0 && j >= 0 && (scale.better === 'first' ? i > j : i < j);
}
