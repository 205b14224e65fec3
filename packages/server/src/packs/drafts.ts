import { MISSING_PLUGIN_CODES } from '../engine/index.js';
import type { PackValidation } from '../engine/index.js';
import { HttpError } from '../http-error.js';
import type { Queryable } from '../store/index.js';

/** A council's working draft. `revision` is its ETag: a save must name the revision it edited. */
export interface Draft {
  councilId: string;
  content: Record<string, unknown>;
  revision: number;
  baseVersionId: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

interface DraftRow {
  council_id: string;
  content: Record<string, unknown>;
  revision: number;
  base_version_id: string | null;
  updated_by: string | null;
  updated_at: Date;
}

/** The ETag of a draft revision. */
export function draftEtag(revision: number): string {
  return `"${revision}"`;
}

/** The revision an `If-Match` header names, or undefined when absent; malformed is a 400. */
export function revisionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!m) throw new HttpError(400, 'bad-if-match', 'If-Match must be the ETag of the draft, e.g. "3"');
  return Number(m[1]);
}

/** A council's draft, or undefined when it has none. */
export async function findDraft(db: Queryable, councilId: string, forUpdate = false): Promise<Draft | undefined> {
  const [row] = await db.query<DraftRow>(
    `SELECT * FROM drafts WHERE council_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [councilId],
  );
  return (
    row && {
      councilId: row.council_id,
      content: row.content,
      revision: row.revision,
      baseVersionId: row.base_version_id,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at.toISOString(),
    }
  );
}

/**
 * Replaces the draft when it is still at `expectedRevision` (409 otherwise, so no edit is lost),
 * or creates it when the council has none and `expectedRevision` is 0. Returns the new revision.
 */
export async function writeDraft(
  tx: Queryable,
  args: { councilId: string; content: unknown; expectedRevision: number; baseVersionId?: string | null; userId: string | null },
): Promise<number> {
  if (args.expectedRevision === 0) {
    const rows = await tx.query<{ revision: number }>(
      `INSERT INTO drafts (council_id, content, base_version_id, revision, updated_by)
       VALUES ($1, $2, $3, 1, $4) ON CONFLICT (council_id) DO NOTHING RETURNING revision`,
      [args.councilId, JSON.stringify(args.content), args.baseVersionId ?? null, args.userId],
    );
    if (rows.length === 0) throw draftConflict();
    return 1;
  }
  const rows = await tx.query<{ revision: number }>(
    `UPDATE drafts SET content = $3, revision = revision + 1, updated_by = $4, updated_at = now()
       ${args.baseVersionId !== undefined ? ', base_version_id = $5' : ''}
     WHERE council_id = $1 AND revision = $2 RETURNING revision`,
    [
      args.councilId,
      args.expectedRevision,
      JSON.stringify(args.content),
      args.userId,
      ...(args.baseVersionId !== undefined ? [args.baseVersionId] : []),
    ],
  );
  if (rows.length === 0) throw draftConflict();
  return rows[0]!.revision;
}

/** The 409 for an edit made against a draft revision that is no longer current. */
export function draftConflict(): HttpError {
  return new HttpError(409, 'conflict', 'The draft has changed since you loaded it: reload it and apply your change again');
}

/**
 * Refuses (422, nothing saved) a draft naming a plugin fact or operator its council lacks. Other
 * problems are saved and reported, as drafts may be invalid while edited; this one cannot be fixed
 * by editing on, and would make analysis, cases and publish fail.
 */
export function refuseMissingPluginParts(validation: PackValidation): void {
  const missing = validation.errors.filter((e) => MISSING_PLUGIN_CODES.has(e.code));
  if (missing.length === 0) return;
  const declarations = missing.filter((e) => e.pointer.startsWith('/extensions/')).map((e) => e.message);
  throw new HttpError(422, 'invalid-pack', `The draft was not saved. ${declarations.join(' ')}`, {
    details: missing.map((e) => ({ ...e })),
  });
}
