import type { Pack } from '@openqaf/engine';
import { ownMember } from '@openqaf/engine/browser';

/**
 * True when a scale's values are categories with no order: every decision giving a value on it
 * collects values or picks exactly one (`collect`, `unique`), none ranks them, and no value
 * scores points. Visit types and service types are; ratings are not.
 * @example isCategoryScale(bolton, 'visitType') // true
 */
export function isCategoryScale(pack: Pack, scaleId: string): boolean {
  const scale = ownMember(pack.scales, scaleId);
  if (!scale || !('values' in scale) || scale.points) return false;
  const policies = Object.values(pack.decisions).filter((d) => d.scale === scaleId).map((d) => d.hitPolicy);
  return policies.length > 0 && policies.every((p) => p === 'collect' || p === 'unique');
}

