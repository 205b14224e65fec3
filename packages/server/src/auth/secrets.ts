import { createHash, randomBytes } from 'node:crypto';

/** A new random secret (256 bits), URL-safe, optionally prefixed (`qaf_` for API tokens). */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** The stored form of a session or API token: only hashes are kept, never the token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
