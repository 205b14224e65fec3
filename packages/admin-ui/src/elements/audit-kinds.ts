/** The kinds of change the server records in its audit log, in words for the filter and the table. */
export const AUDIT_KINDS: Readonly<Record<string, string>> = {
  'draft-save': 'Draft saved',
  'pack-publish': 'Version published',
  'pack-rollback': 'Version rolled back',
  'case-accept': "Cases' new results accepted",
  'provider-create': 'Provider added',
  'provider-update': 'Provider edited',
  'provider-delete': 'Provider deleted',
  'provider-import': 'Providers imported',
  'assessment-create': 'Assessment recorded',
  'role-grant': 'Role granted',
  'role-revoke': 'Role removed',
  'user-create': 'User created',
  'user-update': 'User changed',
  'password-reset': 'Password reset',
  'password-change': 'Password changed',
  'token-create': 'API token created',
  'token-revoke': 'API token revoked',
  'report-action-plan': 'Action plan sent',
  'report-action-progress': 'Action progress recorded',
  'council-create': 'Council added',
  login: 'Signed in',
  logout: 'Signed out',
  seed: 'Pack seeded',
};

/** The words for a kind of change; an unknown kind as the server wrote it. */
export function auditKind(action: string): string {
  return AUDIT_KINDS[action] ?? action;
}
