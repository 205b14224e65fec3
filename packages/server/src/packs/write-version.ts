import type { Services } from '../app-env.js';
import { recordAudit } from '../audit/record.js';
import { packHash } from '../engine/index.js';
import type { Pack } from '../engine/index.js';
import type { Queryable } from '../store/index.js';
import { writeDraft } from './drafts.js';
import { insertVersion } from './versions.js';
import type { PackVersionWithContent } from './versions.js';

/** A pack version to write: what publishing a draft and rolling back both record. */
export interface VersionWrite {
  councilId: string;
  /** The valid pack, its metadata carrying the new version label and in-force date. */
  pack: Pack;
  userId: string;
  note: string;
  /** The latest version before this one (the new version is based on it; its hash is the audit's "before"). */
  head: PackVersionWithContent | undefined;
  /** The analysis findings acknowledged for this content. */
  acknowledged: unknown[] | undefined;
  /**
   * The draft revision the write was made from: a draft saved since is a conflict (409). Absent,
   * the draft is reset to the new version whatever its revision (a roll back replaces any edit).
   */
  draftRevision?: number;
  /** The audit verb: `pack-publish` or `pack-rollback`. */
  action: 'pack-publish' | 'pack-rollback';
  /** What the audit entry records besides the version and the hashes. */
  detail: Record<string, unknown>;
}

/**
 * Inside the caller's transaction (the council locked): inserts the version, resets the council's
 * draft to it (based on it, one revision on), and records the audit entry. Publish and roll back
 * both write a version this way; after the commit, {@link versionWritten}.
 * @example const published = await writeVersion(tx, { councilId, pack, userId, note, head, acknowledged, action: 'pack-publish', detail: { note } });
 */
export async function writeVersion(tx: Queryable, w: VersionWrite): Promise<PackVersionWithContent> {
  const hash = packHash(w.pack);
  const published = await insertVersion(tx, {
    councilId: w.councilId,
    content: w.pack,
    hash,
    author: w.userId,
    note: w.note,
    basedOn: w.head?.id ?? null,
    acknowledged: w.acknowledged,
  });
  if (w.draftRevision !== undefined) {
    await writeDraft(tx, { councilId: w.councilId, content: w.pack, expectedRevision: w.draftRevision, baseVersionId: published.id, userId: w.userId });
  } else {
    await tx.query(
      `UPDATE drafts SET content = $2, base_version_id = $3, revision = revision + 1, updated_by = $4, updated_at = now()
        WHERE council_id = $1`,
      [w.councilId, JSON.stringify(w.pack), published.id, w.userId],
    );
  }
  await recordAudit(tx, {
    actor: w.userId,
    councilId: w.councilId,
    action: w.action,
    entity: 'pack-version',
    entityId: published.version,
    beforeHash: w.head?.hash ?? null,
    afterHash: hash,
    detail: w.detail,
  });
  return published;
}

/**
 * After a version's transaction commits: this server forgets the council's cached versions (servers
 * sharing the store find out from their next write) and its what-if workers compile the new one.
 */
export function versionWritten(services: Services, published: PackVersionWithContent): void {
  services.versions.forget(published.councilId);
  services.whatIfWorkers.rewarm(published.councilId, { pack: published.content, hash: published.hash });
}
