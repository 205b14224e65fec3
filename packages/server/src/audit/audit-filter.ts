import { z } from '@hono/zod-openapi';
import { HttpError } from '../http-error.js';
import { isoDateQuery } from '../routes/query.js';

/** The filters of an audit log query: who, which council, which thing, what kind of change, between which dates. */
export const auditFilterQuery = z.object({
  actor: z.string().min(1).optional().openapi({ description: 'Only entries by this user id (or `system`)' }),
  council: z.string().min(1).optional().openapi({ description: 'Only entries of this council (whole log only)' }),
  action: z.string().min(1).optional().openapi({ description: 'Only this kind of change, e.g. `provider-update`, `draft-save`, `role-grant`' }),
  entity: z.string().min(1).optional().openapi({ description: 'Only changes to this kind of thing, e.g. `provider`, `draft`, `council-role`' }),
  entityId: z.string().min(1).optional().openapi({ description: 'Only changes to the thing with this id (with `entity=provider`: one provider)' }),
  from: isoDateQuery('Only entries on or after this date (UTC)'),
  to: isoDateQuery('Only entries on or before this date (UTC)'),
});

/** The filters as parsed from the query. */
export type AuditFilter = z.infer<typeof auditFilterQuery>;

/** A SQL condition and its parameters, numbered from a given placeholder. */
export interface SqlCondition {
  where: string;
  params: unknown[];
}

/** The day after an ISO date, for an inclusive `to`. */
function dayAfter(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/**
 * The `WHERE` conditions of an audit filter, joined by AND ("TRUE" when there is none); the
 * first placeholder is `$first`. A `from` after `to` is a 422 naming `/from`.
 * @example auditConditions({ action: 'draft-save' }, 1) // { where: 'action = $1', params: ['draft-save'] }
 */
export function auditConditions(filter: AuditFilter, first: number): SqlCondition {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new HttpError(422, 'invalid-query', 'Invalid query parameter from', {
      details: [{ pointer: '/from', message: `is after to (${filter.to})` }],
    });
  }
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${first + params.length - 1}`));
  };
  if (filter.actor !== undefined) add('actor = ?', filter.actor);
  if (filter.council !== undefined) add('council_id = ?', filter.council);
  if (filter.action !== undefined) add('action = ?', filter.action);
  if (filter.entity !== undefined) add('entity = ?', filter.entity);
  if (filter.entityId !== undefined) add('entity_id = ?', filter.entityId);
  if (filter.from !== undefined) add('at >= ?', `${filter.from}T00:00:00Z`);
  if (filter.to !== undefined) add('at < ?', dayAfter(filter.to));
  return { where: parts.length ? parts.join(' AND ') : 'TRUE', params };
}
