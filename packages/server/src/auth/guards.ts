import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import type { Principal } from './principal.js';
import { roleAtLeast } from './roles.js';
import type { CouncilRole } from './roles.js';
import { scopeForRole } from './scopes.js';
import type { TokenScope } from './scopes.js';

/** A signed-in caller's user, or 401. Any scope will do: see {@link requireScope} for more. */
export function requireUser(c: Context<AppEnv>): NonNullable<Principal['user']> {
  const { user } = c.get('principal');
  if (!user) throw new HttpError(401, 'unauthenticated', 'Sign in or send an API token (Authorization: Bearer ...)');
  return user;
}

/** True when the caller may use their roles for `scope` (browser sessions hold every scope). */
export function hasScope(principal: Principal, scope: TokenScope): boolean {
  return principal.scopes.includes(scope);
}

/**
 * The signed-in caller's user when their API token has `scope` (a browser session has every scope);
 * 401 when not signed in, 403 `insufficient-scope` when the token lacks it (docs/roles.md#api-token-scopes).
 */
export function requireScope(c: Context<AppEnv>, scope: TokenScope): NonNullable<Principal['user']> {
  const user = requireUser(c);
  const { scopes } = c.get('principal');
  if (!scopes.includes(scope)) {
    throw new HttpError(
      403,
      'insufficient-scope',
      `This needs an API token with the "${scope}" scope; this one has ${scopes.map((s) => `"${s}"`).join(', ') || 'none'}`,
    );
  }
  return user;
}

/** The platform admin's user (through a session or an `admin`-scoped token), or 401/403. */
export function requirePlatformAdmin(c: Context<AppEnv>): NonNullable<Principal['user']> {
  const user = requireUser(c);
  if (!user.platformAdmin) throw new HttpError(403, 'forbidden', 'Only a platform admin may do this');
  return requireScope(c, 'admin');
}

/**
 * True when the caller holds at least `role` in `councilId` (platform admins hold every role)
 * and may use it: an API token needs `read` for a viewer's actions, `write` for an officer's or a
 * council admin's.
 */
export function hasCouncilRole(principal: Principal, councilId: string, role: CouncilRole): boolean {
  if (!hasScope(principal, scopeForRole(role))) return false;
  if (principal.user?.platformAdmin) return true;
  return roleAtLeast(principal.roles[councilId], role);
}

/**
 * The caller's user when they hold at least `role` in the council; 401 when not signed in,
 * 403 when they lack the role (a user of one council can do nothing in another), and 403
 * `insufficient-scope` when they hold it but their API token's scopes do not cover it.
 */
export function requireCouncilRole(
  c: Context<AppEnv>,
  councilId: string,
  role: CouncilRole,
): NonNullable<Principal['user']> {
  const user = requireUser(c);
  const principal = c.get('principal');
  if (!user.platformAdmin && !roleAtLeast(principal.roles[councilId], role)) {
    throw new HttpError(403, 'forbidden', `This needs the ${role} role in council "${councilId}"`);
  }
  return requireScope(c, scopeForRole(role));
}
