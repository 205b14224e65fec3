/**
 * The replies of the sign-in routes, as TypeScript types (declared with `typed()`, read by the
 * admin UI's `hc` client).
 */
import type { Principal } from './principal.js';

/** `POST /api/auth/login`: who signed in, their roles, and the CSRF token to echo. */
export interface SessionReply {
  user: NonNullable<Principal['user']>;
  roles: Principal['roles'];
  csrfToken: string;
  /** True when the password is a temporary one an admin set: change it (`POST /api/auth/password`) before anything else. */
  mustChangePassword: boolean;
}

/** `POST /api/users/{id}/password-reset` (and the council admin's): the one-time code, shown once. */
export interface PasswordResetReply {
  userId: string;
  email: string;
  /** The one-time code (only its hash is stored: it cannot be shown again). */
  code: string;
  /** The admin UI's page that takes it, relative to the UI's address, e.g. `#/reset-password/<code>`. */
  resetPath: string;
  expiresAt: string;
}

/** `GET /api/auth/me`: who is calling, how, and what they may do. */
export interface MeReply {
  user: NonNullable<Principal['user']> | null;
  roles: Principal['roles'];
  via: Principal['via'];
  scopes: Principal['scopes'];
  /** For an API token: when it stops working (null: never, or not a token). */
  tokenExpiresAt: string | null;
  /** For a session: the token unsafe requests echo in `X-CSRF-Token`. */
  csrfToken: string | null;
  /** For a session: true while the password is a temporary one an admin set (see {@link SessionReply}). */
  mustChangePassword: boolean;
  /** Council id -> the providers whose reports the user sees as a provider user (docs/reports.md). */
  providerOf: Record<string, string[]>;
}
