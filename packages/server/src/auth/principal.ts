import type { Queryable } from '../store/index.js';
import type { CouncilRole } from './roles.js';

/** Who is calling: a signed-in user (session or API token) or nobody. */
export interface Principal {
  /** `anonymous` for public reads. */
  via: 'session' | 'token' | 'anonymous';
  user?: { id: string; email: string; name: string; platformAdmin: boolean };
  /** Council id -> role. A platform admin acts as council admin everywhere. */
  roles: Record<string, CouncilRole>;
  /** For sessions: the token unsafe requests must echo in `X-CSRF-Token`. */
  csrfToken?: string;
}

/** The anonymous caller. */
export const ANONYMOUS: Principal = Object.freeze({ via: 'anonymous', roles: {} }) as Principal;

interface PrincipalRow {
  id: string;
  email: string;
  name: string;
  platform_admin: boolean;
  roles: Record<string, CouncilRole> | null;
  csrf_token?: string;
  expires_at?: Date | null;
}

const rolesOf = `(SELECT json_object_agg(r.council_id, r.role) FROM council_roles r WHERE r.user_id = u.id) AS roles`;

function toPrincipal(row: PrincipalRow, via: 'session' | 'token'): Principal {
  return {
    via,
    user: { id: row.id, email: row.email, name: row.name, platformAdmin: row.platform_admin },
    roles: row.roles ?? {},
    ...(row.csrf_token ? { csrfToken: row.csrf_token } : {}),
  };
}

/** Loads the user of a live session by the session token's hash. */
export async function principalFromSession(db: Queryable, tokenHash: string): Promise<Principal | undefined> {
  const [row] = await db.query<PrincipalRow>(
    `SELECT u.id, u.email, u.name, u.platform_admin, s.csrf_token, ${rolesOf}
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [tokenHash],
    { name: 'qaf_principal_from_session' },
  );
  return row ? toPrincipal(row, 'session') : undefined;
}

/** A live API token's user, with the token's expiry (null: never). */
export interface TokenPrincipal {
  principal: Principal;
  expiresAt: Date | null;
}

/** Loads the user of a live API token by the token's hash. */
export async function principalFromToken(db: Queryable, tokenHash: string): Promise<TokenPrincipal | undefined> {
  const [row] = await db.query<PrincipalRow>(
    `SELECT u.id, u.email, u.name, u.platform_admin, t.expires_at, ${rolesOf}
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND (t.expires_at IS NULL OR t.expires_at > now()) AND NOT u.disabled`,
    [tokenHash],
    { name: 'qaf_principal_from_token_v2' },
  );
  return row ? { principal: toPrincipal(row, 'token'), expiresAt: row.expires_at ?? null } : undefined;
}
