import type { Db } from '../store/index.js';
import type { TokenCache } from './token-cache.js';

/** The channel on which the database announces changes that can stop an API token working (migration 004). */
export const TOKEN_CHANGE_CHANNEL = 'qaf_token_change';

/**
 * Keeps a server's token cache in step with every server sharing the database: each committed
 * change to API tokens, users or council roles, wherever it was made, notifies
 * {@link TOKEN_CHANGE_CHANNEL} (database triggers, migration 004), and the cache forgets
 * everything when the notification arrives. It fails closed: until listening has started, and
 * whenever the listening connection is lost, the cache is distrusted (every token is looked up in
 * the database) until listening again.
 * @returns a function that stops watching.
 */
export function watchTokenChanges(db: Db, cache: TokenCache, log: (message: string) => void): () => void {
  cache.distrust();
  return db.listen(TOKEN_CHANGE_CHANNEL, {
    notify: () => cache.clear(),
    listening: () => cache.trust(),
    lost: (error) => {
      log(`[auth] API tokens are looked up on every request until the store's notifications are back (${error.message})`);
      cache.distrust();
    },
  });
}
