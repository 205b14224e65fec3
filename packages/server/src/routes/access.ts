import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { requireCouncilRole, requirePlatformAdmin, requireScope, requireUser } from '../auth/guards.js';
import type { TokenScope } from '../auth/scopes.js';
import { requireCouncil } from '../councils/council-lookup.js';
import type { Council } from '../councils/council-lookup.js';
import type { Queryable } from '../store/index.js';
import { SingleFlight } from '../single-flight.js';

/** Who may call a route: `public`, `signed-in`, a council role (or higher), or `platform-admin`. */
export type Access = 'public' | 'signed-in' | 'viewer' | 'officer' | 'council-admin' | 'platform-admin';

/** Every access level, from the most open. */
export const ACCESS_LEVELS: readonly Access[] = ['public', 'signed-in', 'viewer', 'officer', 'council-admin', 'platform-admin'];

/**
 * The API token scope a route of `access` needs (docs/roles.md#api-token-scopes), or null when
 * any token will do: viewer actions need `read`, officer and council admin actions `write`,
 * platform administration `admin`. The one place this is derived (checks and OpenAPI `x-scope`).
 */
export function scopeForAccess(access: Access): TokenScope | null {
  switch (access) {
    case 'public':
    case 'signed-in':
      return null;
    case 'viewer':
      return 'read';
    case 'platform-admin':
      return 'admin';
    default:
      return 'write';
  }
}

// Councils found, per store. No route deletes or renames a council, so a council once found
// stays true, and council routes (the assessment hot path among them) skip the lookup after the first.
// Concurrent requests for a council not yet found share one lookup; an unknown council (404) is not kept.
const knownCouncils = new WeakMap<Queryable, { known: Map<string, Council>; lookups: SingleFlight<string, Council> }>();

async function councilOf(c: Context<AppEnv>, id: string): Promise<Council> {
  const { db } = c.get('services');
  let store = knownCouncils.get(db);
  if (!store) knownCouncils.set(db, (store = { known: new Map(), lookups: new SingleFlight() }));
  const { known, lookups } = store;
  let council = known.get(id);
  if (!council) known.set(id, (council = await lookups.run(id, () => requireCouncil(c, id))));
  return council;
}

/**
 * The access check of a route, run before its body is read (so an anonymous caller's large
 * body is a 401, not a parse error). Council roles need the `{council}` of the path: an
 * unknown council is a 404, then the caller must hold the role there (the guards in
 * `auth/guards.ts` decide). A route whose `scope` is more than its access level's (e.g. council
 * membership, which needs `admin`) also needs that scope. Sets `c.var.council` and `c.var.user`.
 * @example defineRoute({ access: 'officer', ... }) // runs accessCheck('officer')
 */
export function accessCheck(access: Access, scope?: TokenScope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    switch (access) {
      case 'public':
        break;
      case 'signed-in':
        c.set('user', requireUser(c));
        break;
      case 'platform-admin':
        c.set('user', requirePlatformAdmin(c));
        break;
      default: {
        const council = await councilOf(c, c.req.param('council') ?? '');
        c.set('council', council);
        c.set('user', requireCouncilRole(c, council.id, access));
      }
    }
    if (scope) c.set('user', requireScope(c, scope));
    await next();
  };
}
