import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export { canonicalJson };

/**
 * The content hash of a pack: `sha256:` and the hex digest of its canonical JSON.
 * @example packHash(pack) // "sha256:9f86d0..."
 */
export function packHash(pack: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(pack)).digest('hex')}`;
}
