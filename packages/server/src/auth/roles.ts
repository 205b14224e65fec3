/** A role a user holds in one council. */
export type CouncilRole = 'council-admin' | 'officer' | 'viewer';

/** Every council role, weakest first. */
export const COUNCIL_ROLES: readonly CouncilRole[] = ['viewer', 'officer', 'council-admin'];

/** True when `held` includes everything `needed` may do (council admin > officer > viewer). */
export function roleAtLeast(held: CouncilRole | undefined, needed: CouncilRole): boolean {
  if (!held) return false;
  return COUNCIL_ROLES.indexOf(held) >= COUNCIL_ROLES.indexOf(needed);
}
