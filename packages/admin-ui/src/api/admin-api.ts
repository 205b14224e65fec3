import type { ApiTokenView, AuditRecord, CriteriaImportReply, ImportReport, PasswordResetReply, Provider, ProviderBody, ProviderField, TokenRequest, UserView } from '@openqaf/server';
import { api as defaultApi, MAX_PAGE, init, query } from './api-client.js';
import type { ApiClient } from './api-client.js';
import type { CouncilRole } from './api-types.js';

/** The filters of the audit log screen (empty ones are left out of the query). */
export interface AuditFilterInput {
  actor?: string;
  council?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

/** A new user: email, name, first password, optional platform admin and council roles. */
export interface NewUser {
  email: string;
  name?: string;
  password: string;
  platformAdmin?: boolean;
  roles?: Record<string, CouncilRole>;
}

/** A user's role in one council, as the members list gives it. */
export interface Member {
  id: string;
  email: string;
  name: string;
  role: CouncilRole;
  /** True when the account is disabled (signed out, cannot sign in). */
  disabled: boolean;
}

/** A new API token as the server returns it once: its view and the secret. */
export type CreatedToken = ApiTokenView & { token: string };

export type { PasswordResetReply, ProviderField };

/**
 * The calls of the admin screens (users and roles, API tokens, audit log, provider import),
 * through the app's one typed client.
 */
export class AdminApi {
  constructor(private readonly _api: ApiClient = defaultApi) {}

  /** Every user with their roles (platform admin). */
  users(signal?: AbortSignal): Promise<UserView[]> {
    return this._api.callAll((rpc, cursor) => rpc.api.users.$get({ query: query({ limit: MAX_PAGE, cursor }) }, init(signal)), (p) => p.users as unknown as UserView[]);
  }

  /** Creates a user (platform admin). */
  createUser(body: NewUser) {
    return this._api.call((rpc) => rpc.api.users.$post({ json: body }));
  }

  /** Disables or re-enables a user, or grants or removes platform admin. */
  updateUser(id: string, body: { disabled?: boolean; platformAdmin?: boolean; name?: string }) {
    return this._api.call((rpc) => rpc.api.users[':id'].$patch({ param: { id } }, init(undefined, body)));
  }

  /** Sets a user's password (ends their sessions, revokes their tokens). */
  resetPassword(id: string, password: string) {
    return this._api.call((rpc) => rpc.api.users[':id'].password.$post({ param: { id } }, init(undefined, { password })));
  }

  /** Issues a one-time password reset link for a user (platform admin); the reply holds the code, shown once. */
  async issuePasswordReset(id: string): Promise<PasswordResetReply> {
    return (await this._api.call((rpc) => rpc.api.users[':id']['password-reset'].$post({ param: { id } }))) as PasswordResetReply;
  }

  /** Issues a one-time password reset link for a council member (council admin); the code is shown once. */
  async issueMemberPasswordReset(council: string, userId: string): Promise<PasswordResetReply> {
    return (await this._api.call((rpc) => rpc.api.councils[':council'].members[':userId']['password-reset'].$post({ param: { council, userId } }))) as PasswordResetReply;
  }

  /** Disables or re-enables a council member's account (council admin). */
  setMemberDisabled(council: string, userId: string, disabled: boolean) {
    return this._api.call((rpc) => rpc.api.councils[':council'].members[':userId'].$patch({ param: { council, userId }, json: { disabled } }));
  }

  /** Chooses a new password with a one-time reset code (no sign-in needed). */
  usePasswordReset(code: string, newPassword: string) {
    return this._api.call((rpc) => rpc.api.auth['password-reset'].$post({ json: { code, newPassword } }));
  }

  /** Changes your own password (the current one is asked for). */
  changePassword(currentPassword: string, newPassword: string) {
    return this._api.call((rpc) => rpc.api.auth.password.$post({}, init(undefined, { currentPassword, newPassword })));
  }

  /** The council's users and their roles (council admin). */
  members(council: string, signal?: AbortSignal): Promise<Member[]> {
    return this._api.callAll(
      (rpc, cursor) => rpc.api.councils[':council'].members.$get({ param: { council }, query: query({ limit: MAX_PAGE, cursor }) }, init(signal)),
      (p) => p.members as unknown as Member[],
    );
  }

  /** Grants or changes a user's role in the council. */
  grantRole(council: string, userId: string, role: CouncilRole) {
    return this._api.call((rpc) => rpc.api.councils[':council'].members[':userId'].$put({ param: { council, userId } }, init(undefined, { role })));
  }

  /** Removes a user's role in the council. */
  removeRole(council: string, userId: string) {
    return this._api.call((rpc) => rpc.api.councils[':council'].members[':userId'].$delete({ param: { council, userId } }));
  }

  /** Your API tokens (never the secrets). */
  tokens(signal?: AbortSignal): Promise<ApiTokenView[]> {
    return this._api.callAll((rpc, cursor) => rpc.api.auth.tokens.$get({ query: query({ limit: MAX_PAGE, cursor }) }, init(signal)), (p) => p.tokens as unknown as ApiTokenView[]);
  }

  /** Creates an API token; the reply holds the secret, shown once. */
  async createToken(body: TokenRequest): Promise<CreatedToken> {
    return (await this._api.call((rpc) => rpc.api.auth.tokens.$post({ json: body }))) as CreatedToken;
  }

  /** Revokes one of your API tokens. */
  revokeToken(id: string) {
    return this._api.call((rpc) => rpc.api.auth.tokens[':id'].$delete({ param: { id } }));
  }

  /** A council member's API tokens, never the secrets (council admin). */
  memberTokens(council: string, userId: string, signal?: AbortSignal): Promise<ApiTokenView[]> {
    return this._api.callAll(
      (rpc, cursor) => rpc.api.councils[':council'].members[':userId'].tokens.$get({ param: { council, userId }, query: query({ limit: MAX_PAGE, cursor }) }, init(signal)),
      (p) => p.tokens as unknown as ApiTokenView[],
    );
  }

  /** Makes an API token for a council member (council admin); the reply holds the secret, shown once. */
  async createMemberToken(council: string, userId: string, body: TokenRequest): Promise<CreatedToken> {
    return (await this._api.call((rpc) => rpc.api.councils[':council'].members[':userId'].tokens.$post({ param: { council, userId } }, init(undefined, body)))) as CreatedToken;
  }

  /** Revokes a council member's API token (council admin). */
  revokeMemberToken(council: string, userId: string, tokenId: string) {
    return this._api.call((rpc) => rpc.api.councils[':council'].members[':userId'].tokens[':tokenId'].$delete({ param: { council, userId, tokenId } }));
  }

  /** The provider record's fields in the words of the council's pack in force. */
  async providerFields(council: string, signal?: AbortSignal): Promise<ProviderField[]> {
    const reply = await this._api.call((rpc) => rpc.api.councils[':council']['provider-fields'].$get({ param: { council } }, init(signal)));
    return (reply as unknown as { fields: ProviderField[] }).fields;
  }

  /** Saves a provider's fields at revision `etag` (409 when changed elsewhere since). */
  async updateProvider(council: string, id: string, body: ProviderBody, etag: string): Promise<Provider> {
    return (await this._api.call((rpc) =>
      rpc.api.councils[':council'].providers[':id'].$put({ param: { council, id }, header: { 'if-match': etag }, json: body }),
    )) as unknown as Provider;
  }

  /** One page of the audit log: the council's, or (no council) the whole log. */
  async audit(council: string | undefined, filter: AuditFilterInput, signal?: AbortSignal): Promise<{ entries: AuditRecord[]; nextCursor: string | null }> {
    const { council: only, ...rest } = filter;
    return council === undefined
      ? this._api.call((rpc) => rpc.api.audit.$get({ query: query({ ...rest, council: only }) }, init(signal)))
      : this._api.call((rpc) => rpc.api.councils[':council'].audit.$get({ param: { council }, query: query(rest) }, init(signal)));
  }

  /** One audit entry with what changed. */
  auditEntry(council: string | undefined, id: string, signal?: AbortSignal): Promise<AuditRecord> {
    return council === undefined
      ? this._api.call((rpc) => rpc.api.audit[':id'].$get({ param: { id } }, init(signal)))
      : this._api.call((rpc) => rpc.api.councils[':council'].audit[':id'].$get({ param: { council, id } }, init(signal)));
  }

  /** Imports providers from CSV text (the file's own column names), with the per-row report. */
  async importProviders(council: string, csv: string, options: { strict: boolean; onExisting: 'update' | 'reject' }): Promise<ImportReport> {
    return (await this._api.call((rpc) =>
      rpc.api.councils[':council'].providers.import.$post({ param: { council }, query: {} }, init(undefined, { csv, ...options })),
    )) as ImportReport;
  }

  /** Loads a criteria list (CSV text) into the council's draft at revision `etag`; a bad row is an ApiError whose details name its line and column. */
  async loadCriteria(council: string, csv: string, etag: string): Promise<CriteriaImportReply> {
    return (await this._api.call((rpc) =>
      rpc.api.councils[':council'].draft.criteria.$put(
        { param: { council }, header: { 'if-match': etag } },
        { init: { body: csv, headers: { 'content-type': 'text/csv', 'if-match': etag } } },
      ),
    )) as CriteriaImportReply;
  }
}

/** The address of the providers CSV export (a plain link: the browser downloads it with the session cookie). */
export function providersExportHref(council: string): string {
  return `/api/councils/${encodeURIComponent(council)}/providers/export`;
}

/** The admin screens' calls through the app's client. */
export const adminApi = new AdminApi();
