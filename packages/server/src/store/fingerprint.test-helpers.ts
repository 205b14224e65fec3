import { createHash } from 'node:crypto';
import type { Queryable } from './db.js';
import { quoteIdentifier } from './index.js';

/**
 * A hash of every row of every table of the store's schema (`SELECT * FROM t ORDER BY 1`), per table.
 * Take one before and one after a request that must write nothing, and compare them with `toEqual`:
 * a changed table shows up by name.
 */
export async function tableFingerprint(db: Queryable): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename',
  );
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await db.query(`SELECT * FROM ${quoteIdentifier(name)} ORDER BY 1`);
    fingerprint[name] = `${rows.length} rows, sha256:${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`;
  }
  return fingerprint;
}
