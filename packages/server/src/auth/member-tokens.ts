import { z } from '@hono/zod-openapi';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import { listReply, pageOf, pageQuery, pageRequest } from '../routes/pagination.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import type { TokenRequest } from './api-tokens.js';
import { administeredMember, memberAtWork, memberParams } from './administered-member.js';
import type { MemberAction } from './administered-member.js';
import { tokenBodySchema } from './schemas.js';

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
      const { member } = await memberAtWork(c);
      const page = pageRequest(c.req.valid('query'), 2);
      const { items, nextCursor } = pageOf(await listApiTokens(c.var.services.db, member.id, page), page, (t) => [t.createdKey, t.id]);
      return c.json({ tokens: items.map(({ createdKey: _key, ...token }) => token), nextCursor });
    })
    .openapi(createRoute, async (c) => {
      const { member, audit } = await administeredMember(c, MAKE_TOKEN);
      return c.json(await createApiToken(c, member, validBody<TokenRequest>(c), audit), 201);
    })
    .openapi(revokeRoute, async (c) => {
      const { member, audit } = await memberAtWork(c);
      await revokeApiToken(c, member, c.req.param('tokenId'), audit);
      return c.body(null, 204);
    });
}
