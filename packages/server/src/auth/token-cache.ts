import type { Principal } from './principal.js';

/** How long a server trusts a looked-up API token by default (see {@link TokenCache}). */
export const DEFAULT_TOKEN_CACHE_SECONDS = 5;

/** Most tokens remembered at once; the oldest is forgotten first. */
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  /** Milliseconds since the epoch after which the entry must be looked up again. */
  until: number;
}

/**
 * Remembers, for a few seconds, who a bearer API token belongs to and their roles, so that a
 * busy client does not cost a database round trip per request.
 *
 * Staleness is bounded and documented (docs/deployment.md): a change made through this server
 * (revoking a token, granting or removing a role, creating a user) clears the cache at once;
 * the same change made through another server sharing the database takes effect here within
 * the TTL. An entry never outlives the token's own expiry. Unknown tokens are never
 * remembered, so a token created on another server works immediately. Sessions (the UI) are
 * not cached. A TTL of 0 turns the cache off.
 */
export class TokenCache {
  readonly #ttlMs: number;
  readonly #now: () => Date;
  readonly #entries = new Map<string, Entry>();

  /** @param ttlSeconds how long an entry is trusted; `now` is the app's clock. */
  constructor(ttlSeconds: number, now: () => Date) {
    this.#ttlMs = Math.max(0, ttlSeconds) * 1000;
    this.#now = now;
  }

  /** The principal remembered for a token hash, unless it is too old (or the token expired). */
  get(tokenHash: string): Principal | undefined {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (this.#now().getTime() >= entry.until) {
      this.#entries.delete(tokenHash);
      return undefined;
    }
    return entry.principal;
  }

  /** Remembers a token's principal until the TTL passes or the token expires, whichever is first. */
  set(tokenHash: string, principal: Principal, tokenExpiresAt: Date | null): void {
    if (this.#ttlMs === 0) return;
    const now = this.#now().getTime();
    const until = Math.min(now + this.#ttlMs, tokenExpiresAt ? tokenExpiresAt.getTime() : Number.POSITIVE_INFINITY);
    if (until <= now) return;
    if (this.#entries.size >= MAX_ENTRIES && !this.#entries.has(tokenHash)) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(tokenHash, { principal: freezePrincipal(principal), until });
  }

  /** Forgets every token: called after any change to tokens, users or roles made here. */
  clear(): void {
    this.#entries.clear();
  }
}

/** Cached principals are shared by concurrent requests, so nothing may change them. */
function freezePrincipal(principal: Principal): Principal {
  if (principal.user) Object.freeze(principal.user);
  Object.freeze(principal.roles);
  return Object.freeze(principal);
}
