import { randomUUID } from 'node:crypto';
import type { Pack } from '../engine/index.js';
import type { PageRequest } from '../routes/pagination.js';
import type { Queryable } from '../store/index.js';

/** A published, immutable pack version (without its content unless asked). */
export interface PackVersion {
  id: string;
  councilId: string;
  seq: number;
  version: string;
  hash: string;
  author: string | null;
  note: string;
  publishedAt: string;
  effectiveFrom: string;
  basedOn: string | null;
  acknowledged: unknown[];
  /** Set when a roll back withdrew the version: for its whole period no assessment is decided under it. */
  withdrawn?: Withdrawal;
}

/** Why and when a version was withdrawn. */
export interface Withdrawal {
  reason: string;
  by: string | null;
  at: string;
  /** The version the roll back published in its place. */
  replacedBy: string | null;
}

/** A pack version with its content. */
export interface PackVersionWithContent extends PackVersion {
  content: Pack;
  /**
   * True for a version published before its text was kept (migration 025): its content is the
   * `jsonb` copy, whose object members come back sorted, not in the pack's order (see `member-order.ts`).
   */
  contentSorted?: true;
}

interface VersionRow {
  id: string;
  council_id: string;
  seq: number;
  version: string;
  hash: string;
  author: string | null;
  note: string;
  published_at: Date;
  effective_from: string;
  based_on: string | null;
  acknowledged: unknown[];
  w_reason: string | null;
  w_by: string | null;
  w_at: Date | null;
  w_replaced_by: string | null;
  content?: Pack;
  content_sorted?: boolean;
}

const COLUMNS = `pv.id, pv.council_id, pv.seq, pv.version, pv.hash, pv.author, pv.note, pv.published_at, pv.effective_from,
  pv.based_on, pv.acknowledged, w.reason AS w_reason, w.withdrawn_by AS w_by, w.withdrawn_at AS w_at,
  (SELECT r.version FROM pack_versions r WHERE r.id = w.replaced_by) AS w_replaced_by`;
/**
 * A version's content as published, members in the order they were written (migration 025);
 * versions published before that have only the `jsonb` copy, whose members come back sorted.
 */
const CONTENT = 'coalesce(pv.content_as_published, pv.content::json) AS content, pv.content_as_published IS NULL AS content_sorted';
/** Every version with its withdrawal, if any (`pv` and `w`). */
const VERSIONS = 'pack_versions pv LEFT JOIN pack_version_withdrawals w ON w.version_id = pv.id';
/**
 * SQL over a version `pv`: it has not been withdrawn. Part of the rule of which version is in
 * force on a date (among the versions effective on or before it and not withdrawn, the one published last).
 */
export const NOT_WITHDRAWN_SQL = 'NOT EXISTS (SELECT 1 FROM pack_version_withdrawals wd WHERE wd.version_id = pv.id)';

function toVersion(row: VersionRow): PackVersion {
  return {
    id: row.id,
    councilId: row.council_id,
    seq: row.seq,
    version: row.version,
    hash: row.hash,
    author: row.author,
    note: row.note,
    publishedAt: row.published_at.toISOString(),
    effectiveFrom: row.effective_from,
    basedOn: row.based_on,
    acknowledged: row.acknowledged,
    ...(row.w_at
      ? { withdrawn: { reason: row.w_reason ?? '', by: row.w_by, at: row.w_at.toISOString(), replacedBy: row.w_replaced_by } }
      : {}),
  };
}

function withContent(row: VersionRow): PackVersionWithContent {
  return { ...toVersion(row), content: row.content!, ...(row.content_sorted ? { contentSorted: true as const } : {}) };
}

/** Every published version of a council's pack, newest first (one page of them, plus one row, when `page` is given). */
export async function listVersions(db: Queryable, councilId: string, page?: PageRequest): Promise<PackVersion[]> {
  const after = page?.after ? 'AND pv.seq < $2' : '';
  const rows = await db.query<VersionRow>(
    `SELECT ${COLUMNS} FROM ${VERSIONS} WHERE pv.council_id = $1 ${after} ORDER BY pv.seq DESC${page ? ` LIMIT ${page.limit + 1}` : ''}`,
    [councilId, ...(page?.after ?? [])],
  );
  return rows.map(toVersion);
}

/** The most recently published version (the current pack), or undefined. */
export async function latestVersion(db: Queryable, councilId: string): Promise<PackVersionWithContent | undefined> {
  const [row] = await db.query<VersionRow>(
    `SELECT ${COLUMNS}, ${CONTENT} FROM ${VERSIONS} WHERE pv.council_id = $1 ORDER BY pv.seq DESC LIMIT 1`,
    [councilId],
  );
  return row && withContent(row);
}

/** A version by its semver, or undefined. */
export async function findVersion(
  db: Queryable,
  councilId: string,
  version: string,
): Promise<PackVersionWithContent | undefined> {
  const [row] = await db.query<VersionRow>(
    `SELECT ${COLUMNS}, ${CONTENT} FROM ${VERSIONS} WHERE pv.council_id = $1 AND pv.version = $2`,
    [councilId, version],
  );
  return row && withContent(row);
}

/** A version by its row id, or undefined. */
export async function findVersionById(db: Queryable, id: string): Promise<PackVersionWithContent | undefined> {
  const [row] = await db.query<VersionRow>(`SELECT ${COLUMNS}, ${CONTENT} FROM ${VERSIONS} WHERE pv.id = $1`, [id]);
  return row && withContent(row);
}

/**
 * The version in force on a date: among versions effective on or before it and not withdrawn,
 * the one published last (a later publication supersedes an earlier one from its effective date).
 */
export async function versionInForce(
  db: Queryable,
  councilId: string,
  date: string,
): Promise<PackVersionWithContent | undefined> {
  const [row] = await db.query<VersionRow>(
    `SELECT ${COLUMNS}, ${CONTENT} FROM ${VERSIONS}
      WHERE pv.council_id = $1 AND pv.effective_from <= $2::date AND ${NOT_WITHDRAWN_SQL} ORDER BY pv.seq DESC LIMIT 1`,
    [councilId, date],
  );
  return row && withContent(row);
}

/** The version in force on a date without its content (see {@link versionInForce}). */
export async function versionInForceRecord(db: Queryable, councilId: string, date: string): Promise<PackVersion | undefined> {
  const [row] = await db.query<VersionRow>(
    `SELECT ${COLUMNS} FROM ${VERSIONS}
      WHERE pv.council_id = $1 AND pv.effective_from <= $2::date AND ${NOT_WITHDRAWN_SQL} ORDER BY pv.seq DESC LIMIT 1`,
    [councilId, date],
  );
  return row && toVersion(row);
}

/** What a new version records. */
export interface NewVersion {
  councilId: string;
  content: Pack;
  hash: string;
  author: string | null;
  note: string;
  basedOn: string | null;
  acknowledged?: unknown[];
}

/**
 * Inserts a published version with the next sequence number. The `(council_id, seq)` and
 * `(council_id, version)` unique keys make a racing second insert fail instead of forking history.
 */
export async function insertVersion(tx: Queryable, v: NewVersion): Promise<PackVersionWithContent> {
  const id = randomUUID();
  const text = JSON.stringify(v.content);
  const [row] = await tx.query<VersionRow>(
    `INSERT INTO pack_versions (id, council_id, seq, version, hash, content, author, note, effective_from, based_on, acknowledged, content_as_published)
     VALUES ($1, $2, (SELECT coalesce(max(seq), 0) + 1 FROM pack_versions WHERE council_id = $2),
             $3, $4, $5, $6, $7, $8::date, $9, $10, $11)
     RETURNING id, council_id, seq, version, hash, author, note, published_at, effective_from, based_on, acknowledged,
               NULL AS w_reason, NULL AS w_by, NULL AS w_at, NULL AS w_replaced_by, content_as_published AS content`,
    [
      id,
      v.councilId,
      v.content.metadata.version,
      v.hash,
      text,
      v.author,
      v.note,
      v.content.metadata.effectiveFrom,
      v.basedOn,
      JSON.stringify(v.acknowledged ?? []),
      // Once more for the copy kept as written: one parameter cannot be both jsonb and json.
      text,
    ],
  );
  return withContent(row!);
}
