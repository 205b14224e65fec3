/**
 * Stands in for `node:crypto` in the browser bundle: the engine imports it only to compute
 * pack hashes, which the UI never does (the server reports hashes).
 */
export function createHash(): never {
  throw new Error('Pack hashes are computed by the server, not in the browser');
}
