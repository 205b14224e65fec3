import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { hasCouncilRole, requireScope, requireUser } from '../auth/guards.js';
import type { Principal } from '../auth/principal.js';
import type { TokenScope } from '../auth/scopes.js';
import { HttpError } from '../http-error.js';

/** How the caller reaches a council's reports: as council staff (a council role) or as a provider user. */
export type ReportReader =
  | { kind: 'council'; user: NonNullable<Principal['user']> }
  | { kind: 'provider'; user: NonNullable<Principal['user']>; providerIds: Set<string> };

/** The providers of `councilId` whose reports the user may see as a provider user. */
export async function providerGrants(c: Context<AppEnv>, councilId: string, userId: string): Promise<Set<string>> {
  const rows = await c.var.services.db.query<{ provider_id: string }>(
    'SELECT provider_id FROM report_provider_users WHERE user_id = $1 AND council_id = $2',
    [userId, councilId],
  );
  return new Set(rows.map((r) => r.provider_id));
}

/**
 * Who may read (scope `read`) or write (`write`) reports of the council: a council role (viewer
 * for reading, officer for writing), else a provider user of one of its providers; else 403.
 * A provider user's token needs the same scope as staff for the same kind of call.
 */
export async function reportReader(c: Context<AppEnv>, councilId: string, scope: TokenScope): Promise<ReportReader> {
  const user = requireUser(c);
  if (hasCouncilRole(c.var.principal, councilId, scope === 'read' ? 'viewer' : 'officer')) return { kind: 'council', user };
  const providerIds = await providerGrants(c, councilId, user.id);
  if (providerIds.size === 0) throw new HttpError(403, 'forbidden', `You hold no role in council "${councilId}" and are no provider user of it`);
  requireScope(c, scope);
  return { kind: 'provider', user, providerIds };
}

/** The provider user may see this provider's shared and final reports, and nothing else (403). */
export function requireOwnProvider(reader: ReportReader, providerId: string): void {
  if (reader.kind === 'provider' && !reader.providerIds.has(providerId)) {
    throw new HttpError(403, 'forbidden', 'A provider user sees only its own providers\' reports');
  }
}
