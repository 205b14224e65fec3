import type { Queryable } from '../store/index.js';
import type { CouncilRole } from './roles.js';
import { TOKEN_SCOPES } from './scopes.js';
import type { TokenScope } from './scopes.js';

/** Who is calling: a signed-in user (session or API token) or nobody. */
export interface Principal {
  /** `anonymous` for public reads. */
  via: 'session' | 'token' | 'anonymous';
  user?: { id: string; email: string; name: string; platformAdmin: boolean };
  /** Council id -> role. A platform admin acts as council admin everywhere. */
  roles: Record<string, CouncilRole>;
  /**
   * What the caller may use their roles for (docs/roles.md#api-token-scopes): an API token's own
   * scopes; every scope for a browser session; none for the anonymous caller.
   */
  scopes: readonly TokenScope[];
  /** For API tokens: which token, and when it stops working (ISO time; null: never). */
  token?: { id: string; expiresAt: string | null };
  /** For sessions: the token unsafe requests must echo in `X-CSRF-Token`. */
  csrfToken?: string;
  /**
   * For sessions: true while the user's password is a temporary one an admin set; the session can
   * then only change it (`POST /api/auth/password`), ask who it is, and sign out.
   */
  mustChangePassword?: true;
}

/** The anonymous caller. */
export const ANONYMOUS: Principal = Object.freeze({ via: 'anonymous', roles: {}, scopes: Object.freeze([]) }) as Principal;

interface PrincipalRow {
  id: string;
  email: string;
  name: string;
  platform_admin: boolean;
  roles: Record<string, CouncilRole> | null;
  csrf_token?: string;
  must_change_password?: boolean;
}

interface TokenRow extends PrincipalRow {
  token_id: string;
  scopes: TokenScope[];
  expires_at: Date | null;
  expired: boolean;
}

const rolesOf = `(SELECT json_object_agg(r.council_id, r.role) FROM council_roles r WHERE r.user_id = u.id) AS roles`;

function userOf(row: PrincipalRow): NonNullable<Principal['user']> {
  return { id: row.id, email: row.email, name: row.name, platformAdmin: row.platform_admin };
}

/** Loads the user of a live session by the session token's hash. */
export async function principalFromSession(db: Queryable, tokenHash: string): Promise<Principal | undefined> {
  const [row] = await db.query<PrincipalRow>(
    `SELECT u.id, u.email, u.name, u.platform_admin, u.must_change_password, s.csrf_token, ${rolesOf}
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [tokenHash],
    { name: 'qaf_principal_from_session_v2' },
  );
  if (!row) return undefined;
  return {
    via: 'session',
    user: userOf(row),
    roles: row.roles ?? {},
    scopes: TOKEN_SCOPES,
    csrfToken: row.csrf_token!,
    ...(row.must_change_password ? { mustChangePassword: true as const } : {}),
  };
}

/** A live API token's user, scopes and roles, with the token's expiry (null: never). */
export interface TokenPrincipal {
  principal: Principal;
  expiresAt: Date | null;
}

/** What a bearer token turned out to be: live, expired (and when), or unknown (also: revoked, or its user disabled). */
export type TokenLookup = { live: TokenPrincipal } | { expiredAt: Date } | undefined;

/** Looks up an API token by its hash: its user, roles and scopes when it is live. */
export async function principalFromToken(db: Queryable, tokenHash: string): Promise<TokenLookup> {
  const [row] = await db.query<TokenRow>(
    `SELECT u.id, u.email, u.name, u.platform_admin, t.id AS token_id, t.scopes, t.expires_at,
            t.expires_at IS NOT NULL AND t.expires_at <= now() AS expired, ${rolesOf}
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND NOT u.disabled`,
    [tokenHash],
    { name: 'qaf_principal_from_token_v3' },
  );
  if (!row) return undefined;
  if (row.expired) return { expiredAt: row.expires_at! };
  const principal: Principal = {
    via: 'token',
    user: userOf(row),
    roles: row.roles ?? {},
    scopes: row.scopes,
    token: { id: row.token_id, expiresAt: row.expires_at?.toISOString() ?? null },
  };
  return { live: { principal, expiresAt: row.expires_at } };
}
