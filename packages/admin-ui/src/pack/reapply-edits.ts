/** A JSON value of a pack's content. */
type Json = unknown;

/** The result of re-applying this tab's edits on the draft someone else saved. */
export interface Reapplied {
  /** Their draft with my edits re-applied. */
  content: Record<string, unknown>;
  /** JSON pointers where we both changed the same value differently: mine was kept there. */
  overwritten: string[];
}

function same(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b as object, k) && same((a as Record<string, Json>)[k], (b as Record<string, Json>)[k]));
}

const isRecord = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function merge(base: Json, mine: Json, theirs: Json, at: string, overwritten: string[]): Json {
  if (same(mine, base)) return theirs; // I did not change it: keep theirs.
  if (same(theirs, base) || same(theirs, mine)) return mine; // Only I changed it (or we agree).
  const arrays = Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs) && base.length === mine.length && base.length === theirs.length;
  if (arrays) return (base as Json[]).map((b, i) => merge(b, (mine as Json[])[i], (theirs as Json[])[i], `${at}/${i}`, overwritten));
  if (isRecord(base) && isRecord(mine) && isRecord(theirs)) {
    const out: Record<string, Json> = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)])) {
      const value = merge(base[key], mine[key], theirs[key], `${at}/${escape(key)}`, overwritten);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  overwritten.push(at);
  return mine;
}

/**
 * A three-way merge of a draft: `base` is the draft as this tab loaded it, `mine` this tab's
 * edited copy, `theirs` the draft someone else saved since. Wherever I changed nothing, theirs
 * is kept; wherever only I changed something, mine is applied; where we both changed the same
 * value differently, mine is kept and its pointer listed, so the page can say so. Objects are
 * merged member by member, lists of the same length item by item, any other list as a whole.
 * @example
 * reapplyEdits({ a: 1, b: 1 }, { a: 2, b: 1 }, { a: 1, b: 3 }) // { content: { a: 2, b: 3 }, overwritten: [] }
 */
export function reapplyEdits(base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>): Reapplied {
  const overwritten: string[] = [];
  const content = merge(base, mine, theirs, '', overwritten) as Record<string, unknown>;
  return { content, overwritten };
}
