import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import type { Principal } from './principal.js';
import { roleAtLeast } from './roles.js';
import type { CouncilRole } from './roles.js';

/** A signed-in caller's user, or 401. */
export function requireUser(c: Context<AppEnv>): NonNullable<Principal['user']> {
  const { user } = c.var.principal;
  if (!user) throw new HttpError(401, 'unauthenticated', 'Sign in or send an API token (Authorization: Bearer ...)');
  return user;
}

/** The platform admin's user, or 401/403. */
export function requirePlatformAdmin(c: Context<AppEnv>): NonNullable<Principal['user']> {
  const user = requireUser(c);
  if (!user.platformAdmin) throw new HttpError(403, 'forbidden', 'Only a platform admin may do this');
  return user;
}

/** True when the caller holds at least `role` in `councilId` (platform admins hold every role). */
export function hasCouncilRole(principal: Principal, councilId: string, role: CouncilRole): boolean {
  if (principal.user?.platformAdmin) return true;
  return roleAtLeast(principal.roles[councilId], role);
}

/**
 * The caller's user when they hold at least `role` in the council; 401 when not signed in,
 * 403 when they lack the role (a user of one council can do nothing in another).
 */
export function requireCouncilRole(
  c: Context<AppEnv>,
  councilId: string,
  role: CouncilRole,
): NonNullable<Principal['user']> {
  const user = requireUser(c);
  if (!hasCouncilRole(c.var.principal, councilId, role)) {
    throw new HttpError(403, 'forbidden', `This needs the ${role} role in council "${councilId}"`);
  }
  return user;
}
