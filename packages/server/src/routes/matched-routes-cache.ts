import type { Result, Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';

/** Paths whose matches are kept at most; the cache starts afresh when full. */
export const MATCHED_PATHS_LIMIT = 512;
/** Longer paths are matched every time, not kept (their key would cost more than it saves). */
const LONGEST_KEPT_PATH = 256;

/**
 * Hono's router (its default: `SmartRouter` of `RegExpRouter` then `TrieRouter`), remembering what
 * each method and path matched. Hono matches on every request and never changes what it was given,
 * and the routes are all added before the first request, so a path matches the same handlers with
 * the same parameters every time: the hot paths (`POST /api/councils/{council}/assessments`, one
 * per council) are matched once.
 *
 * `RegExpRouter` cannot take this app's routes (it refuses a parameter beside a literal segment,
 * as `providers/{id}` beside `providers/export`, whatever the order they are added in), so the
 * smart router settles on `TrieRouter`, which walks the tree of about 350 routes and middleware
 * per request: about 1.5% of the server's CPU per stored evaluation under `scripts/bench.js`.
 * Adding a route empties the cache, so a route added late is still found.
 * @example new OpenAPIHono({ router: new MatchedRoutesCache() })
 */
export class MatchedRoutesCache<T> implements Router<T> {
  readonly name = 'MatchedRoutesCache';
  readonly #router: Router<T>;
  readonly #matched = new Map<string, Result<T>>();

  constructor(router: Router<T> = new SmartRouter<T>({ routers: [new RegExpRouter<T>(), new TrieRouter<T>()] })) {
    this.#router = router;
  }

  add(method: string, path: string, handler: T): void {
    this.#matched.clear();
    this.#router.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    if (path.length > LONGEST_KEPT_PATH) return this.#router.match(method, path);
    const key = `${method} ${path}`;
    let result = this.#matched.get(key);
    if (result === undefined) {
      result = this.#router.match(method, path);
      if (this.#matched.size >= MATCHED_PATHS_LIMIT) this.#matched.clear();
      this.#matched.set(key, result);
    }
    return result;
  }
}
