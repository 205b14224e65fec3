import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { HttpError, notFound } from '../http-error.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import { listReply, pageOf, pageQuery, pageRequest } from '../routes/pagination.js';
import { councilParams } from '../routes/query.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import type { TokenRequest } from './api-tokens.js';
import { requireScope } from './guards.js';
import { roleAtLeast } from './roles.js';
import { tokenBodySchema } from './schemas.js';

const memberParams = councilParams.extend({ userId: z.string().openapi({ description: 'User id' }) });
const memberTokenParams = memberParams.extend({ tokenId: z.string().openapi({ description: 'API token id' }) });

const listRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/members/{userId}/tokens',
  tags: ['users'],
  summary: "A member's API tokens with their scopes and expiry, never the secrets (council admin; a token needs the admin scope; paginated)",
  access: 'council-admin', scope: 'admin',
  request: { params: memberParams, query: pageQuery },
  reply: listReply('tokens'),
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/members/{userId}/tokens',
  tags: ['users'],
  summary:
    'Make an API token for a member (the secret is shown once, to hand over); only for a member whose every role and provider grant lies in councils you administer (a token needs the admin scope)',
  access: 'council-admin', scope: 'admin',
  request: { params: memberParams },
  body: tokenBodySchema,
  status: 201,
});

const revokeRoute = defineRoute({
  method: 'delete',
  path: '/api/councils/{council}/members/{userId}/tokens/{tokenId}',
  tags: ['users'],
  summary: "Revoke a member's API token, at once on every server (council admin; a token needs the admin scope)",
  access: 'council-admin', scope: 'admin',
  request: { params: memberTokenParams },
  status: 204,
});

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

const MAKE_TOKEN: MemberAction = {
  doing: 'make an API token for',
  reach: 'a token would act there too',
  instead: 'Ask a platform admin, or the user to make their own',
};

/**
 * A council admin's work on the API tokens of the council's members: list them, make one (its
 * secret shown once, to hand over), revoke one. Every change is audited under the council.
 */
export function memberTokenRoutes() {
  return apiRouter()
    .openapi(listRoute, async (c) => {
      requireScope(c, 'admin');
      const member = await requireMember(c);
      const page = pageRequest(c.req.valid('query'), 2);
      const { items, nextCursor } = pageOf(await listApiTokens(c.var.services.db, member.id, page), page, (t) => [t.createdKey, t.id]);
      return c.json({ tokens: items.map(({ createdKey: _key, ...token }) => token), nextCursor });
    })
    .openapi(createRoute, async (c) => {
      const admin = requireScope(c, 'admin');
      const member = await requireMember(c);
      const body = validBody<TokenRequest>(c);
      await requireAdministers(c, member.id, MAKE_TOKEN);
      return c.json(await createApiToken(c, member, body, { actor: admin.id, councilId: c.var.council.id }), 201);
    })
    .openapi(revokeRoute, async (c) => {
      const admin = requireScope(c, 'admin');
      const member = await requireMember(c);
      await revokeApiToken(c, member, c.req.param('tokenId'), { actor: admin.id, councilId: c.var.council.id });
      return c.body(null, 204);
    });
}
