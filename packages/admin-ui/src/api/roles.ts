import type { CouncilRole, Me } from './api-types.js';

const ORDER: readonly CouncilRole[] = ['viewer', 'officer', 'council-admin'];

/** The role the signed-in user holds in a council; a platform admin acts as council admin everywhere. */
export function roleIn(me: Me | undefined, council: string): CouncilRole | undefined {
  if (!me?.user) return undefined;
  if (me.user.platformAdmin) return 'council-admin';
  return me.roles[council];
}

/**
 * True when the user's role in the council includes `needed` (council admin > officer > viewer).
 * @example can(me, 'bolton', 'officer') // may record assessments
 */
export function can(me: Me | undefined, council: string, needed: CouncilRole): boolean {
  const held = roleIn(me, council);
  return held !== undefined && ORDER.indexOf(held) >= ORDER.indexOf(needed);
}

/** The role in words for the page header. */
export function roleLabel(role: CouncilRole | undefined): string {
  return role === 'council-admin' ? 'Council admin' : role === 'officer' ? 'Quality officer' : role === 'viewer' ? 'Viewer' : 'No role';
}
