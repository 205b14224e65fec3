import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { HttpError, notFound } from '../http-error.js';
import { councilParams } from '../routes/query.js';
import { requireScope } from './guards.js';
import type { Principal } from './principal.js';
import { roleAtLeast } from './roles.js';

/** The path of a council's member: the council and the member's user id. */
export const memberParams = councilParams.extend({ userId: z.string().openapi({ description: 'User id' }) });

/** The member named in the path: a user with a role in the council, else 404 (a user of another council is not found here). */
export async function requireMember(c: Context<AppEnv>): Promise<{ id: string }> {
  const userId = c.req.param('userId') ?? '';
  const [row] = await c.var.services.db.query<{ user_id: string }>(
    'SELECT user_id FROM council_roles WHERE user_id = $1 AND council_id = $2',
    [userId, c.var.council.id],
  );
  if (!row) throw notFound(`A user "${userId}" with a role in council "${c.var.council.id}"`);
  return { id: row.user_id };
}

/** What a council admin is doing to a member, in words for {@link requireAdministers}' refusals. */
export interface MemberAction {
  /** e.g. "make an API token for". */
  doing: string;
  /** Why a council beyond the admin's matters, e.g. "a token would act there too". */
  reach: string;
  /** What the admin can do instead, e.g. "Ask a platform admin, or the user to make their own". */
  instead: string;
}

/**
 * A member's token, password or account reaches every council they work in. So a council admin
 * may act on a member only when the member's roles and provider grants all lie in councils the
 * admin administers, and never on a platform admin; a platform admin may act on any member.
 * 403 naming the councils beyond the admin's reach.
 */
export async function requireAdministers(c: Context<AppEnv>, memberId: string, action: MemberAction): Promise<void> {
  const { principal } = c.var;
  if (principal.user?.platformAdmin) return;
  const { db } = c.var.services;
  const [member] = await db.query<{ platform_admin: boolean }>('SELECT platform_admin FROM users WHERE id = $1', [memberId]);
  if (member?.platform_admin) {
    throw new HttpError(403, 'forbidden', `Only a platform admin may ${action.doing} a platform admin`);
  }
  const councils = await db.query<{ council_id: string }>(
    `SELECT council_id FROM council_roles WHERE user_id = $1
     UNION SELECT council_id FROM report_provider_users WHERE user_id = $1 ORDER BY council_id`,
    [memberId],
  );
  const beyond = councils.map((r) => r.council_id).filter((id) => !roleAtLeast(principal.roles[id], 'council-admin'));
  if (beyond.length > 0) {
    throw new HttpError(
      403,
      'forbidden',
      `This user also works in council ${beyond.map((id) => `"${id}"`).join(', ')}, which you do not administer; ${action.reach}. ${action.instead}`,
    );
  }
}

/** A council admin (admin scope) at work on the member named in the path, and the audit context of their changes. */
export interface MemberAtWork {
  admin: NonNullable<Principal['user']>;
  member: { id: string };
  /** Who acts, in which council: every change to a member is audited under the council. */
  audit: { actor: string; councilId: string };
}

/**
 * The caller (who needs the admin scope) and the member named in the path (404 unless they have
 * a role in the council), for a council admin's work on a member.
 */
export async function memberAtWork(c: Context<AppEnv>): Promise<MemberAtWork> {
  const admin = requireScope(c, 'admin');
  const member = await requireMember(c);
  return { admin, member, audit: { actor: admin.id, councilId: c.var.council.id } };
}

/**
 * {@link memberAtWork} for work that reaches every council the member works in (a token, a
 * password, the account): refused (409 `own-account`, with `ownAccount`'s words) on the admin's
 * own account when `ownAccount` is given, and unless the admin administers all the member's
 * councils ({@link requireAdministers}).
 */
export async function administeredMember(c: Context<AppEnv>, action: MemberAction, ownAccount?: string): Promise<MemberAtWork> {
  const atWork = await memberAtWork(c);
  if (ownAccount !== undefined && atWork.member.id === atWork.admin.id) throw new HttpError(409, 'own-account', ownAccount);
  await requireAdministers(c, atWork.member.id, action);
  return atWork;
}
