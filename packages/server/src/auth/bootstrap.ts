import { randomBytes } from 'node:crypto';
import type { Db } from '../store/index.js';
import { createUser } from './users.js';

/** What happened at first start. */
export interface BootstrapResult {
  created: boolean;
  email?: string;
  /** Only when generated: printed once, never stored in clear. */
  generatedPassword?: string;
}

/**
 * On a store with no users, creates the platform admin: `QAF_ADMIN_EMAIL` (default
 * `admin@localhost`) with `QAF_ADMIN_PASSWORD`, or a random one-time password returned for
 * printing. There are no fixed default credentials.
 */
export async function ensureFirstAdmin(db: Db, env: { email?: string; password?: string }): Promise<BootstrapResult> {
  return db.transaction(async (tx) => {
    // Serialise with a second server starting at the same moment.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [72_710_002]);
    const [row] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM users');
    if (row && row.n > 0) return { created: false };
    const email = (env.email || 'admin@localhost').toLowerCase();
    const generatedPassword = env.password ? undefined : randomBytes(18).toString('base64url');
    await createUser(tx, { email, name: 'Platform admin', password: env.password || generatedPassword!, platformAdmin: true, actor: 'system' });
    return { created: true, email, ...(generatedPassword ? { generatedPassword } : {}) };
  });
}
