import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/record.js';
import type { PageRequest } from '../routes/pagination.js';
import type { Queryable } from '../store/index.js';
import { hashPassword } from './passwords.js';

/** A user as the API shows it (never the password hash). */
export interface UserView {
  id: string;
  email: string;
  name: string;
  platformAdmin: boolean;
  disabled: boolean;
  roles: Record<string, string>;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  platform_admin: boolean;
  disabled: boolean;
  roles: Record<string, string> | null;
}

const SELECT_USERS = `SELECT u.id, u.email, u.name, u.platform_admin, u.disabled,
            (SELECT json_object_agg(r.council_id, r.role) FROM council_roles r WHERE r.user_id = u.id) AS roles
       FROM users u`;

function toView(r: UserRow): UserView {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    platformAdmin: r.platform_admin,
    disabled: r.disabled,
    roles: r.roles ?? {},
  };
}

/** Every user with their council roles. */
export async function listUsers(db: Queryable, page?: PageRequest): Promise<UserView[]> {
  const after = page?.after ? 'WHERE (u.email, u.id) > ($1, $2)' : '';
  const limit = page ? ` LIMIT ${page.limit + 1}` : '';
  const rows = await db.query<UserRow>(`${SELECT_USERS} ${after} ORDER BY u.email, u.id${limit}`, page?.after ?? []);
  return rows.map(toView);
}

/** One user with their council roles, or undefined. */
export async function findUser(db: Queryable, id: string): Promise<UserView | undefined> {
  const [row] = await db.query<UserRow>(`${SELECT_USERS} WHERE u.id = $1`, [id]);
  return row ? toView(row) : undefined;
}

/** Creates a user (emails are stored lower-cased); the caller's transaction also records the audit entry. */
export async function createUser(
  tx: Queryable,
  args: { email: string; name?: string; password: string; platformAdmin?: boolean; actor: string },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    'INSERT INTO users (id, email, name, password_hash, platform_admin) VALUES ($1, $2, $3, $4, $5)',
    [id, args.email.toLowerCase(), args.name ?? '', await hashPassword(args.password), args.platformAdmin ?? false],
  );
  await recordAudit(tx, {
    actor: args.actor,
    action: 'user-create',
    entity: 'user',
    entityId: id,
    detail: { email: args.email.toLowerCase(), platformAdmin: args.platformAdmin ?? false },
  });
  return id;
}
