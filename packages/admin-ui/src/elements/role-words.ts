import type { CouncilRole } from '../api/api-types.js';
import { roleLabel } from '../api/roles.js';

/** The roles a user can hold in a council, strongest first, with their words. */
export const COUNCIL_ROLES: readonly { role: CouncilRole; words: string }[] = (['council-admin', 'officer', 'viewer'] as const).map((role) => ({ role, words: roleLabel(role) }));
