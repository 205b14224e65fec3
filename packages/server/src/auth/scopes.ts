import type { CouncilRole } from './roles.js';

/**
 * What an API token may be used for, whatever its user's roles allow
 * (docs/roles.md#api-token-scopes): a token's rights are its user's roles limited to its scopes.
 * - `read`: what a viewer may do (read drafts, providers, assessments, the dashboard; validate, analyse, what-if).
 * - `write`: what an officer or a council admin may do in a council (providers, assessments, drafts,
 *   publishing, imports, the council's audit log).
 * - `admin`: user and token administration (API tokens, passwords, council members) and everything
 *   only a platform admin may do.
 */
export type TokenScope = 'read' | 'write' | 'admin';

/** Every scope, in the order they are shown. */
export const TOKEN_SCOPES: readonly TokenScope[] = Object.freeze(['read', 'write', 'admin']);

/** The scope an action needing `role` in a council asks of an API token. */
export function scopeForRole(role: CouncilRole): TokenScope {
  return role === 'viewer' ? 'read' : 'write';
}

/** `scopes` in the order of {@link TOKEN_SCOPES}, each once. */
export function normaliseScopes(scopes: Iterable<TokenScope>): TokenScope[] {
  const wanted = new Set(scopes);
  return TOKEN_SCOPES.filter((s) => wanted.has(s));
}
