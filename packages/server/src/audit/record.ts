import type { Queryable } from '../store/index.js';

/** One audited write: who did what to which thing, with hashes of the thing before and after. */
export interface AuditEntry {
  /** User id, or `system` for seeding and bootstrap. */
  actor: string;
  councilId?: string | null;
  /** Verb in kebab-case: `draft-save`, `pack-publish`, `assessment-create`, ... */
  action: string;
  entity: string;
  entityId?: string | null;
  beforeHash?: string | null;
  afterHash?: string | null;
  detail?: Record<string, unknown>;
}

/** The SQL that appends an audit entry; callers pass {@link auditParams}. */
export const INSERT_AUDIT_SQL = `INSERT INTO audit_log (actor, council_id, action, entity, entity_id, before_hash, after_hash, detail)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

/** The parameters of {@link INSERT_AUDIT_SQL} for an entry. */
export function auditParams(entry: AuditEntry): unknown[] {
  return [
    entry.actor,
    entry.councilId ?? null,
    entry.action,
    entry.entity,
    entry.entityId ?? null,
    entry.beforeHash ?? null,
    entry.afterHash ?? null,
    JSON.stringify(entry.detail ?? {}),
  ];
}

/**
 * Appends an audit entry inside the caller's transaction, so the write and its record
 * commit or roll back together. Entries are never updated (a database trigger refuses it).
 */
export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query(INSERT_AUDIT_SQL, auditParams(entry));
}
