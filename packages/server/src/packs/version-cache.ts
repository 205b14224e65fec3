import type { Queryable } from '../store/index.js';
import { listVersions } from './versions.js';
import type { PackVersion } from './versions.js';

/**
 * Each council's published versions (records, not content), kept in memory so that storing an
 * assessment does not read them per request.
 *
 * This is a hint, never the authority: whoever uses a version picked from here must have the
 * database confirm, in the same statement that writes, that it is still the version in force
 * (as `STORE_ASSESSMENTS_SQL` does), and must {@link forget} the council when it is not. So a version
 * published by another server sharing the database is never missed: the first write it affects
 * finds out, and the council's list is read again. Publishing through this server forgets the
 * council at once.
 */
export class VersionCache {
  readonly #byCouncil = new Map<string, Promise<PackVersion[]>>();

  /** The council's versions, newest first (read from the store when not known); empty when none. */
  versions(db: Queryable, councilId: string): Promise<PackVersion[]> {
    let versions = this.#byCouncil.get(councilId);
    if (!versions) {
      versions = listVersions(db, councilId);
      this.#byCouncil.set(councilId, versions);
      // A failed or empty read is not remembered: the next request asks again.
      versions.then(
        (list) => {
          if (list.length === 0 && this.#byCouncil.get(councilId) === versions) this.#byCouncil.delete(councilId);
        },
        () => {
          if (this.#byCouncil.get(councilId) === versions) this.#byCouncil.delete(councilId);
        },
      );
    }
    return versions;
  }

  /** Drops what is known of a council: after publishing, or when the store disagreed. */
  forget(councilId: string): void {
    this.#byCouncil.delete(councilId);
  }
}

/**
 * The version in force on `date` among `versions` (newest first): of those effective on or
 * before the date and not withdrawn, the one published last. The same rule as `versionInForce` in SQL.
 */
export function inForceOn(versions: readonly PackVersion[], date: string): PackVersion | undefined {
  return versions.find((v) => v.effectiveFrom <= date && !v.withdrawn);
}
