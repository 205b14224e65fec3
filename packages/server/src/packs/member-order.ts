import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { PackVersionWithContent } from './versions.js';

type Json = null | boolean | number | string | Json[] | { [member: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown): unknown => (isObject(v) ? v.id : undefined);

/**
 * `value` with the members of each of its objects in the order `reference` gives the same
 * members, at every depth; members `reference` lacks follow in the order `value` had them. Array
 * items are matched by their `id` where they have one, else by position. Values are never changed,
 * only the order of members, so the result is the same JSON content (the same content hash).
 * @example inOrderOf({ b: 1, a: 2, c: 3 }, { a: 0, b: 0 }) // { a: 2, b: 1, c: 3 }
 */
export function inOrderOf<T>(value: T, reference: unknown): T {
  return reorder(value as Json, reference) as T;
}

function reorder(value: Json, reference: unknown): Json {
  if (Array.isArray(value)) {
    const items = Array.isArray(reference) ? reference : [];
    const byId = new Map(items.filter((r) => idOf(r) !== undefined).map((r) => [idOf(r), r]));
    return value.map((item, i) => reorder(item, idOf(item) !== undefined ? byId.get(idOf(item)) : items[i]));
  }
  if (!isObject(value)) return value;
  const ref = isObject(reference) ? reference : {};
  const names = [...Object.keys(ref).filter((k) => Object.hasOwn(value, k)), ...Object.keys(value).filter((k) => !Object.hasOwn(ref, k))];
  return Object.fromEntries(names.map((k) => [k, reorder(value[k]!, ref[k])]));
}

/**
 * A version's content for display in the pack's own order. A version published since migration
 * 025 is kept as published and is returned as it is. One published before it was kept only as
 * `jsonb`, whose members come back sorted (shorter names first); its members are put in the order
 * of the council's pack as its package ships it (the order its quality lead wrote), which is exact
 * for a version seeded from that package and the nearest known order for one published since.
 */
export function inPackOrder(c: Context<AppEnv>, version: PackVersionWithContent): PackVersionWithContent {
  if (!version.contentSorted) return version;
  const shipped = c.var.services.plugins.get(version.councilId)?.pack;
  return shipped ? { ...version, content: inOrderOf(version.content, shipped) } : version;
}
