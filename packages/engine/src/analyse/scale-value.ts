import type { CompiledInstance } from '../compile/compile-pack.js';

/** True when a rule output lies on the instance's scale. */
export function onScale(inst: CompiledInstance, v: unknown): boolean {
  if (inst.policy === 'collect') return v !== undefined;
  if (inst.ranks) return typeof v === 'string' && inst.ranks.has(v);
  if (inst.numeric) return typeof v === 'number' && v >= inst.numeric.min && v <= inst.numeric.max && (!inst.numeric.integer || Number.isInteger(v));
  return v !== undefined;
}

/** A count of combinations as JSON can carry it: past Number.MAX_VALUE (hundreds of criteria), Number.MAX_VALUE. */
export function finite(n: number): number {
  return Number.isFinite(n) ? n : Number.MAX_VALUE;
}

/**
 * Under `max` or `min`, the rules that decide among those matched: the ones giving the highest
 * (lowest) value on the scale, in priority order, as indexes into `matched`. A rule matched with
 * a lower (higher) value does not decide anything, so it must not be reported as deciding (nor
 * its interpretation as the one the value rests on). An output off the scale decides nothing
 * (it is a gap of its own). `rank` is the winning value's rank (NaN when none is on the scale).
 */
export function winningRules(inst: CompiledInstance, outputs: readonly unknown[]): { winners: number[]; rank: number } {
  const rankOf = inst.ranks ? (v: unknown): number => (typeof v === 'string' ? inst.ranks!.get(v) ?? NaN : NaN) : (v: unknown): number => (typeof v === 'number' ? v : NaN);
  let best = NaN;
  let winners: number[] = [];
  outputs.forEach((v, i) => {
    if (!onScale(inst, v)) return;
    const k = rankOf(v);
    if (Number.isNaN(k)) return;
    if (Number.isNaN(best) || (inst.policy === 'min' ? k < best : k > best)) { best = k; winners = [i]; }
    else if (k === best) winners.push(i);
  });
  return { winners, rank: best };
}
