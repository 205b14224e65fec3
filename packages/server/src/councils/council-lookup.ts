import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { notFound } from '../http-error.js';
import type { Queryable } from '../store/index.js';

/** A council as stored. */
export interface Council {
  id: string;
  name: string;
}

/** The council with this id, or undefined. */
export async function findCouncil(db: Queryable, id: string): Promise<Council | undefined> {
  const [row] = await db.query<Council>('SELECT id, name FROM councils WHERE id = $1', [id]);
  return row;
}

/** The council named in the URL, or 404. */
export async function requireCouncil(c: Context<AppEnv>, id: string): Promise<Council> {
  const council = await findCouncil(c.get('services').db, id);
  if (!council) throw notFound(`Council "${id}"`);
  return council;
}
