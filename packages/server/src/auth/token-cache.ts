import type { Principal, TokenLookup } from './principal.js';
import { SingleFlight } from '../single-flight.js';

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
 * Remembers, for a few seconds, who a bearer API token belongs to, their roles and the token's
 * scopes, so that a busy client does not cost a database round trip per request.
 *
 * Nothing stale is trusted (docs/deployment.md): a change made through this server (revoking a
 * token, disabling a user, resetting a password, changing a role) clears the cache at once, and
 * the same change made through another server sharing the database clears it as soon as the
 * database's notification arrives (see `watchTokenChanges`). While the notifications cannot
 * arrive (the listening connection is lost) the cache is distrusted: every token is looked up
 * until listening again. The TTL is a last bound on top. An entry never outlives the token's own
 * expiry. Unknown tokens are never remembered, so a token created on another server works
 * immediately. Sessions (the UI) are not cached. A TTL of 0 turns the cache off.
 *
 * A token not remembered is looked up once however many requests carry it at the same time
 * ({@link lookUp}): they share the one store read.
 *
 * Events (for tests and logs): `clear` each time it is cleared, `distrust` and `trust` when it
 * stops and starts trusting what it remembers.
 */
export class TokenCache extends EventTarget {
  readonly #ttlMs: number;
  readonly #now: () => Date;
  readonly #entries = new Map<string, Entry>();
  /** Lookups under way, shared by the requests carrying the same token meanwhile. */
  readonly #lookups = new SingleFlight<string, TokenLookup>();
  #generation = 0;
  #trusted = true;

  /** @param ttlSeconds how long an entry is trusted; `now` is the app's clock. */
  constructor(ttlSeconds: number, now: () => Date) {
    super();
    this.#ttlMs = Math.max(0, ttlSeconds) * 1000;
    this.#now = now;
  }

  /**
   * Counts the clears so far. Read it before looking a token up and pass it to {@link set}: a
   * lookup that raced a clear (a revocation committed while it was reading) is then not remembered.
   */
  get generation(): number {
    return this.#generation;
  }

  /** False while changes made elsewhere might go unnoticed: nothing is remembered or handed out. */
  get trusted(): boolean {
    return this.#trusted;
  }

  /** The principal remembered for a token hash, unless it is too old (or the token expired). */
  get(tokenHash: string): Principal | undefined {
    if (!this.#trusted) return undefined;
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (this.#now().getTime() >= entry.until) {
      this.#entries.delete(tokenHash);
      return undefined;
    }
    return entry.principal;
  }

  /**
   * Remembers a token's principal until the TTL passes or the token expires, whichever is first;
   * ignored when the cache was cleared since `generation` was read, or is distrusted.
   */
  set(tokenHash: string, principal: Principal, tokenExpiresAt: Date | null, generation = this.#generation): void {
    if (this.#ttlMs === 0 || !this.#trusted || generation !== this.#generation) return;
    const now = this.#now().getTime();
    const until = Math.min(now + this.#ttlMs, tokenExpiresAt ? tokenExpiresAt.getTime() : Number.POSITIVE_INFINITY);
    if (until <= now) return;
    if (this.#entries.size >= MAX_ENTRIES && !this.#entries.has(tokenHash)) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(tokenHash, { principal: freezePrincipal(principal), until });
  }

  /**
   * Looks a token up with `fetch` (the store), once for all the requests that carry it while the
   * lookup is under way, and remembers a live token's principal (as {@link set} does, with the
   * generation read as the lookup starts). A failed lookup is shared by those waiting for it and
   * not remembered: the next request looks again. Nothing is shared with a TTL of 0 or while the
   * cache is distrusted (every request then looks its token up itself), nor across a
   * {@link clear}: a request arriving after it never gets what a lookup started before it read.
   */
  lookUp(tokenHash: string, fetch: () => Promise<TokenLookup>): Promise<TokenLookup> {
    if (this.#ttlMs === 0 || !this.#trusted) return fetch();
    const generation = this.#generation;
    return this.#lookups.run(tokenHash, async () => {
      const found = await fetch();
      if (found && 'live' in found) {
        // Shared by every request that waited for it, remembered or not.
        freezePrincipal(found.live.principal);
        this.set(tokenHash, found.live.principal, found.live.expiresAt, generation);
      }
      return found;
    });
  }

  /** Forgets every token: called after any change to tokens, users or roles, here or elsewhere. */
  clear(): void {
    this.#entries.clear();
    this.#lookups.clear();
    this.#generation += 1;
    this.dispatchEvent(new Event('clear'));
  }

  /** Stops trusting (and forgets) everything until {@link trust}: changes made elsewhere may be missed. */
  distrust(): void {
    const was = this.#trusted;
    this.#trusted = false;
    this.clear();
    if (was) this.dispatchEvent(new Event('distrust'));
  }

  /** Trusts the cache again, starting empty: changes made elsewhere are noticed again from now on. */
  trust(): void {
    this.clear();
    const was = this.#trusted;
    this.#trusted = true;
    if (!was) this.dispatchEvent(new Event('trust'));
  }
}

/** Cached principals are shared by concurrent requests, so nothing may change them. */
function freezePrincipal(principal: Principal): Principal {
  if (principal.user) Object.freeze(principal.user);
  if (principal.token) Object.freeze(principal.token);
  Object.freeze(principal.roles);
  Object.freeze(principal.scopes);
  return Object.freeze(principal);
}
