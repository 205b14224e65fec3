import type { Db } from '../store/index.js';
import type { TokenCache } from './token-cache.js';

/** The channel on which the database announces changes that can stop an API token working (migration 004). */
export const TOKEN_CHANGE_CHANNEL = 'qaf_token_change';

/**
 * Keeps a server's token cache in step with every server sharing the database: each committed
 * change to API tokens, users or council roles, wherever it was made, notifies
 * {@link TOKEN_CHANGE_CHANNEL} with the schema it was made in (database triggers, migration 004),
 * and the cache forgets everything when a notification for its own schema arrives. It fails
 * closed: until listening has started, and whenever the listening connection is lost, the cache
 * is distrusted (every token is looked up in the database) until listening again.
 * @returns a function that stops watching.
 */
export function watchTokenChanges(db: Pick<Db, 'query' | 'listen'>, cache: TokenCache, log: (message: string) => void): () => void {
  cache.distrust();
  let stopListening: (() => void) | undefined;
  let stopped = false;
  // The schema the store's tables (and so its triggers) live in: other schemas' changes are not ours.
  db.query<{ schema: string }>('SELECT current_schema() AS schema').then(
    ([row]) => {
      if (stopped) return;
      stopListening = db.listen(TOKEN_CHANGE_CHANNEL, {
        notify: (payload) => {
          if (payload === row!.schema) cache.clear();
        },
        listening: () => cache.trust(),
        lost: (error) => {
          log(`[auth] API tokens are looked up on every request until the store's notifications are back (${error.message})`);
          cache.distrust();
        },
      });
    },
    (error: Error) => log(`[auth] API tokens are looked up on every request: cannot listen for changes (${error.message})`),
  );
  return () => {
    stopped = true;
    stopListening?.();
  };
}
