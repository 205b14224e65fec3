import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { recordAudit } from '../audit/record.js';
import { HttpError, notFound } from '../http-error.js';
import { recordSecretWithheld } from '../idempotency/secret-withheld.js';
import type { PageRequest } from '../routes/pagination.js';
import type { Queryable } from '../store/index.js';
import { requireScope } from './guards.js';
import type { Principal } from './principal.js';
import { normaliseScopes } from './scopes.js';
import type { TokenScope } from './scopes.js';
import { hashSecret, newSecret } from './secrets.js';

/** Longest an API token may live, in days: every new token expires within this. */
export const MAX_TOKEN_DAYS = 365;
/** How long a new API token lives when the request names no expiry (never beyond the token making it). */
export const DEFAULT_TOKEN_DAYS = 90;

const DAY_MS = 86_400_000;

/** Body of `POST /api/auth/tokens` (see `tokenBodySchema`). */
export interface TokenRequest {
  name: string;
  /** Default: every scope the caller has (a session has all three). */
  scopes?: TokenScope[];
  /** ISO date-time; at most {@link MAX_TOKEN_DAYS} ahead. */
  expiresAt?: string;
  /** The same as a number of days from now; not together with `expiresAt`. */
  expiresInDays?: number;
}

/** An API token as the API lists it (never the secret). */
export interface ApiTokenView {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  /** null: a token made before tokens expired (migration 004), which never expires. */
  expiresAt: string | null;
}

/** The scopes and expiry a new token gets: checked against the limits and against the token making it, if any. */
export interface TokenGrant {
  scopes: TokenScope[];
  expiresAt: Date;
}

function invalid(pointer: string, message: string): HttpError {
  return new HttpError(422, 'invalid-body', 'The request body does not match its schema', { details: [{ pointer, message }] });
}

/**
 * Works out a new token's scopes and expiry from the request and the caller. A token can never
 * make a token with a scope it lacks (403 `insufficient-scope`) or that outlives it (422); a
 * browser session can make any token within {@link MAX_TOKEN_DAYS}.
 */
export function grantFor(principal: Principal, request: TokenRequest, now: Date): TokenGrant {
  const held = principal.scopes;
  const scopes = normaliseScopes(request.scopes ?? held);
  const wider = scopes.filter((s) => !held.includes(s));
  if (wider.length > 0) {
    const at = request.scopes!.indexOf(wider[0]!);
    throw new HttpError(
      403,
      'insufficient-scope',
      `A token cannot make a token with wider scopes than its own (${held.join(', ')})`,
      { details: [{ pointer: `/scopes/${at}`, message: `"${wider[0]}" is not a scope of the token making this one` }] },
    );
  }
  const latest = new Date(now.getTime() + MAX_TOKEN_DAYS * DAY_MS);
  const parentExpiry = principal.token?.expiresAt ? new Date(principal.token.expiresAt) : undefined;
  let expiresAt: Date;
  let pointer: string;
  if (request.expiresAt !== undefined && request.expiresInDays !== undefined) {
    throw invalid('/expiresInDays', 'give expiresAt or expiresInDays, not both');
  } else if (request.expiresAt !== undefined) {
    expiresAt = new Date(request.expiresAt);
    pointer = '/expiresAt';
    if (expiresAt.getTime() <= now.getTime()) throw invalid(pointer, `must be in the future (it is now ${now.toISOString()})`);
    if (expiresAt.getTime() > latest.getTime()) {
      throw invalid(pointer, `must be at most ${MAX_TOKEN_DAYS} days ahead (no later than ${latest.toISOString()})`);
    }
  } else if (request.expiresInDays !== undefined) {
    expiresAt = new Date(now.getTime() + request.expiresInDays * DAY_MS);
    pointer = '/expiresInDays';
  } else {
    const byDefault = new Date(now.getTime() + DEFAULT_TOKEN_DAYS * DAY_MS);
    // Unasked, the new token simply ends when the token making it does.
    return { scopes, expiresAt: parentExpiry && parentExpiry < byDefault ? parentExpiry : byDefault };
  }
  if (parentExpiry && expiresAt.getTime() > parentExpiry.getTime()) {
    throw invalid(pointer, `must not be after the expiry of the token making this one (${parentExpiry.toISOString()})`);
  }
  return { scopes, expiresAt };
}

/**
 * The caller's user when they may administer their own API tokens: any browser session, or a
 * token with the `admin` scope (a token without it cannot make, list or revoke tokens).
 */
export function requireTokenAdmin(c: Context<AppEnv>): NonNullable<Principal['user']> {
  return requireScope(c, 'admin');
}

/**
 * One page of the caller's API tokens, oldest first; `createdKey` is the creation time as the
 * store's text (to the microsecond) for the page cursor.
 */
export async function listApiTokens(db: Queryable, userId: string, page: PageRequest): Promise<(ApiTokenView & { createdKey: string })[]> {
  const after = page.after ? 'AND (created_at, id) > ($2::timestamptz, $3)' : '';
  const rows = await db.query<{ id: string; name: string; scopes: TokenScope[]; created_at: Date; created_key: string; expires_at: Date | null }>(
    `SELECT id, name, scopes, created_at, created_at::text AS created_key, expires_at FROM api_tokens
      WHERE user_id = $1 ${after} ORDER BY created_at, id LIMIT ${page.limit + 1}`,
    [userId, ...(page.after ?? [])],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scopes: normaliseScopes(r.scopes),
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    createdKey: r.created_key,
  }));
}

/** Who made or revoked a token for someone else, in which council (for the audit entry). */
export interface TokenAdminBy {
  actor: string;
  councilId: string;
}

/**
 * Makes an API token for `user`, the caller as returned by {@link requireTokenAdmin}, or a member
 * of a council when `by` names the council admin doing it (audited as `token-create`); the secret
 * is in the reply only (never stored, not even for an `Idempotency-Key`: see `secret-withheld.ts`).
 */
export async function createApiToken(
  c: Context<AppEnv>,
  user: { id: string },
  request: TokenRequest,
  by?: TokenAdminBy,
): Promise<ApiTokenView & { token: string }> {
  const { db, now } = c.var.services;
  const at = now();
  const grant = grantFor(c.var.principal, request, at);
  const token = newSecret('qaf_');
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO api_tokens (id, user_id, name, token_hash, scopes, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      id,
      user.id,
      request.name,
      hashSecret(token),
      grant.scopes,
      grant.expiresAt,
    ]);
    await recordAudit(tx, {
      actor: by?.actor ?? user.id,
      ...(by ? { councilId: by.councilId } : {}),
      action: 'token-create',
      entity: 'api-token',
      entityId: id,
      detail: {
        ...(by ? { user: user.id } : {}),
        name: request.name,
        scopes: grant.scopes,
        expiresAt: grant.expiresAt.toISOString(),
        ...(c.var.principal.token ? { byToken: c.var.principal.token.id } : {}),
      },
    });
    // The secret is in this reply only: a retry with its Idempotency-Key is told what was made.
    const revoke = by ? `/api/councils/${by.councilId}/members/${user.id}/tokens/${id}` : `/api/auth/tokens/${id}`;
    await recordSecretWithheld(c, tx, { made: `API token "${id}"`, id, instead: `revoke it (DELETE ${revoke}) and make another` });
  });
  return { id, name: request.name, scopes: grant.scopes, createdAt: at.toISOString(), expiresAt: grant.expiresAt.toISOString(), token };
}

/**
 * Revokes one of `user`'s API tokens (audited as `token-revoke`, by `by.actor` when a council
 * admin revokes a member's); 404 when it is not theirs.
 */
export async function revokeApiToken(c: Context<AppEnv>, user: { id: string }, id: string, by?: TokenAdminBy): Promise<void> {
  const { db, tokenCache } = c.var.services;
  const deleted = await db.transaction(async (tx) => {
    const rows = await tx.query<{ name: string }>('DELETE FROM api_tokens WHERE id = $1 AND user_id = $2 RETURNING name', [id, user.id]);
    if (rows.length > 0) {
      await recordAudit(tx, {
        actor: by?.actor ?? user.id,
        ...(by ? { councilId: by.councilId, detail: { user: user.id, name: rows[0]!.name } } : {}),
        action: 'token-revoke',
        entity: 'api-token',
        entityId: id,
      });
    }
    return rows.length > 0;
  });
  // Here at once; other servers as soon as the database's notification reaches them.
  tokenCache.clear();
  if (!deleted) throw notFound(`API token "${id}"`);
}

/**
 * Inside a transaction: revokes every API token of a user (password set or changed, user
 * disabled); returns how many there were. The caller clears the token cache after committing.
 */
export async function revokeUserTokens(tx: Queryable, userId: string): Promise<number> {
  const rows = await tx.query('DELETE FROM api_tokens WHERE user_id = $1 RETURNING id', [userId]);
  return rows.length;
}
