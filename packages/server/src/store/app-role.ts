import type { Queryable } from './db.js';
import { quoteIdentifier } from './postgres-db.js';

/**
 * Tables the server only ever appends to: the audit trail and the record of what was decided.
 * The server's role may read and insert there, never update, delete or truncate (see
 * docs/deployment.md, "A database role that cannot erase the record").
 */
export const APPEND_ONLY_TABLES = [
  'audit_log',
  'assessments',
  'determinations',
  'pack_versions',
  'pack_version_interpretations',
  'pack_version_withdrawals',
  'determination_supersessions',
  'visit_events',
  'recorded_decisions',
] as const;

/**
 * The SQL, run by the tables' owner after migrating, that gives the server's role exactly what
 * it needs in `schema`: reads and writes on working tables, only SELECT and INSERT on the
 * append-only ones, only SELECT on `schema_migrations`, and use of the sequences. Never
 * TRUNCATE, and (not being the owner) the role cannot ALTER a table or disable its triggers.
 */
export function appRoleGrantsSql(role: string, schema = 'public'): string {
  const r = quoteIdentifier(role);
  const s = quoteIdentifier(schema);
  const appendOnly = APPEND_ONLY_TABLES.map((t) => `${s}.${t}`).join(', ');
  return [
    `GRANT USAGE ON SCHEMA ${s} TO ${r};`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r};`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${appendOnly}, ${s}.schema_migrations FROM ${r};`,
    `REVOKE INSERT ON ${s}.schema_migrations FROM ${r};`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r};`,
  ].join('\n');
}

/** Runs {@link appRoleGrantsSql} as the owner (again after every migration: new tables need grants too). */
export async function grantAppRole(owner: Queryable, role: string, schema = 'public'): Promise<void> {
  await owner.exec(appRoleGrantsSql(role, schema));
}
