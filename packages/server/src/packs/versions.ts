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
}

/** A pack version with its content. */
export interface PackVersionWithContent extends PackVersion {
  content: Pack;
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
  content?: Pack;
}

const COLUMNS = 'id, council_id, seq, version, hash, author, note, published_at, effective_from, based_on, acknowledged';

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
  };
}

function withContent(row: VersionRow): PackVersionWithContent {
  return { ...toVersion(row), content: row.content! };
}

/** Every published version of a council's pack, newest first (one page of them, plus one row, when `page` is given). */
export async function listVersions(db: Queryable, councilId: string, page?: PageRequest): Promise<PackVersion[]> {
  const after = page?.after ? 'AND seq < $2' : '';
  const rows = await db.query<VersionRow>(
    `SELECT ${COLUMNS} FROM pack_versions WHERE council_id = $1 ${after} ORDER BY seq DESC${page ? ` LIMIT ${page.limit + 1}` : ''}`,
    [councilId, ...(page?.after ?? [])],
  );
  return rows.map(toVersion);
}

/** The most recently published version (the current pack), or undefined. */
export async function latestVersion(db: Queryable, councilId: string): Promise<PackVersionWithContent | undefined> {
  const [row] = await db.query<VersionRow>(
    `SELECT ${COLUMNS}, content FROM pack_versions WHERE council_id = $1 ORDER BY seq DESC LIMIT 1`,
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
    `SELECT ${COLUMNS}, content FROM pack_versions WHERE council_id = $1 AND version = $2`,
    [councilId, version],
  );
  return row && withContent(row);
}

/** A version by its row id, or undefined. */
export async function findVersionById(db: Queryable, id: string): Promise<PackVersionWithContent | undefined> {
  const [row] = await db.query<VersionRow>(`SELECT ${COLUMNS}, content FROM pack_versions WHERE id = $1`, [id]);
  return row && withContent(row);
}

/**
 * The version in force on a date: among versions effective on or before it, the one
 * published last (a later publication supersedes an earlier one from its effective date).
 */
export async function versionInForce(
  db: Queryable,
  councilId: string,
  date: string,
): Promise<PackVersionWithContent | undefined> {
  const [row] = await db.query<VersionRow>(
    `SELECT ${COLUMNS}, content FROM pack_versions
      WHERE council_id = $1 AND effective_from <= $2::date ORDER BY seq DESC LIMIT 1`,
    [councilId, date],
  );
  return row && withContent(row);
}

/** The version in force on a date without its content (see {@link versionInForce}). */
export async function versionInForceRecord(db: Queryable, councilId: string, date: string): Promise<PackVersion | undefined> {
  const [row] = await db.query<VersionRow>(
    `SELECT ${COLUMNS} FROM pack_versions
      WHERE council_id = $1 AND effective_from <= $2::date ORDER BY seq DESC LIMIT 1`,
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
  const [row] = await tx.query<VersionRow>(
    `INSERT INTO pack_versions (id, council_id, seq, version, hash, content, author, note, effective_from, based_on, acknowledged)
     VALUES ($1, $2, (SELECT coalesce(max(seq), 0) + 1 FROM pack_versions WHERE council_id = $2),
             $3, $4, $5, $6, $7, $8::date, $9, $10)
     RETURNING ${COLUMNS}, content`,
    [
      id,
      v.councilId,
      v.content.metadata.version,
      v.hash,
      JSON.stringify(v.content),
      v.author,
      v.note,
      v.content.metadata.effectiveFrom,
      v.basedOn,
      JSON.stringify(v.acknowledged ?? []),
    ],
  );
  return withContent(row!);
}
