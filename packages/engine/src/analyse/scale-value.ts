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
