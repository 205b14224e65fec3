import { hash, randomBytes } from 'node:crypto';

/** A new random secret (256 bits), URL-safe, optionally prefixed (`qaf_` for API tokens). */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * The stored form of a session or API token: only hashes are kept, never the token. (SHA-256 in
 * hex, taken in one call with no hash object: every request with a token takes it.)
 */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}
