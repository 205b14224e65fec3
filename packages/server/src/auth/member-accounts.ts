import { contentHash } from '../audit/content-hash.js';
import { recordAudit } from '../audit/record.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import { administeredMember, memberParams } from './administered-member.js';
import type { MemberAction } from './administered-member.js';
import { issuedReset, RESET_HOURS } from './password-resets.js';
import type { PasswordResetReply } from './replies.js';
import { memberAccountBodySchema } from './schemas.js';
import { setUserDisabled } from './user-admin.js';
import { findUser } from './users.js';
import type { UserView } from './users.js';

const accountRoute = defineRoute({
  method: 'patch',
  path: '/api/councils/{council}/members/{userId}',
  tags: ['users'],
  summary:
    "Disable or re-enable a member's account (disabling signs them out and revokes their API tokens at once); only for a member whose every role and provider grant lies in councils you administer, never your own (a token needs the admin scope)",
  access: 'council-admin', scope: 'admin',
  request: { params: memberParams },
  body: typed<{ disabled: boolean }>(memberAccountBodySchema),
  reply: typed<UserView>(),
});

const resetRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/members/{userId}/password-reset',
  tags: ['users'],
  summary: `Issue a one-time password reset code and link for a member, shown once (hand it over); it works for ${RESET_HOURS} hours; only for a member whose every role and provider grant lies in councils you administer, never your own (a token needs the admin scope)`,
  access: 'council-admin', scope: 'admin',
  request: { params: memberParams },
  status: 201,
  reply: typed<PasswordResetReply>(),
});

const DISABLE: MemberAction = {
  doing: 'disable or enable',
  reach: 'disabling the account would lock them out there too',
  instead: 'Ask a platform admin, or remove their role in this council instead',
};

const RESET: MemberAction = {
  doing: 'reset the password of',
  reach: 'the new password would let them in there too',
  instead: 'Ask a platform admin',
};

/**
 * A council admin's work on members' accounts: disable or re-enable one, and issue a one-time
 * password reset. Both reach every council the member works in, so both follow the rule of
 * member tokens (`requireAdministers`). Audited under the council.
 */
export function memberAccountRoutes() {
  return apiRouter()
    .openapi(accountRoute, async (c) => {
      const { member, audit } = await administeredMember(c, DISABLE, 'You cannot disable your own account: another admin must');
      const { disabled } = validBody<{ disabled: boolean }>(c);
      const { db, tokenCache } = c.var.services;
      const after = await db.transaction(async (tx) => {
        const before = (await findUser(tx, member.id))!;
        const counts = await setUserDisabled(tx, member.id, disabled);
        const updated = (await findUser(tx, member.id))!;
        await recordAudit(tx, {
          ...audit,
          action: 'user-update',
          entity: 'user',
          entityId: member.id,
          beforeHash: contentHash(before),
          afterHash: contentHash(updated),
          detail: { changes: { disabled }, ...(disabled ? counts : {}) },
        });
        return updated;
      });
      // Tokens remember their user: forget them here now (other servers: on the database's notification).
      tokenCache.clear();
      return c.json(after);
    })
    .openapi(resetRoute, async (c) => {
      const { member, audit } = await administeredMember(c, RESET, 'Change your own password with POST /api/auth/password, which asks for the current one');
      return issuedReset(c, member.id, audit.councilId);
    });
}
