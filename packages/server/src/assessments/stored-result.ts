/**
 * A stored determination's `result`, with its interpretation notes stored by reference
 * (migration 024, issue 10).
 *
 * Every determination lists the interpretations it relied on as `{ id, title, note }` from its
 * pack version: about 8 kB of the same text in every row. Stored by reference, the row keeps its
 * `result` without `interpretations` and the ids in `interpretation_ids`; the notes are kept once
 * per version in `pack_version_interpretations`. Reads put them back in SQL
 * ({@link determinationResultSql}), so a row stored by reference reads as the same jsonb as the
 * row stored whole would, and rows stored whole (all older rows) read unchanged.
 *
 * The determination's own JSON text (replied, and hashed into the audit entry) is unchanged: it
 * is the engine's determination serialised as JSON.stringify would, built here from its parts.
 */
import type { Determination, Pack } from '../engine/index.js';

/** A determination as stored: without its explanation or trace. */
export type StoredDetermination = Omit<Determination, 'trace' | 'explanation'>;

/** The interpretations a pack version declares (the notes its determinations cite). */
export type PackInterpretations = NonNullable<Pack['interpretations']>;

/** A determination ready to store. */
export interface DeterminationTexts {
  /** The determination's JSON text, exactly JSON.stringify(determination). */
  json: string;
  /** That text's UTF-8 bytes (the list of notes' bytes taken from the cache per version, not encoded again). */
  bytes: Buffer;
  /** What goes in `determinations.result`: `json`, or without `interpretations` when stored by reference. */
  resultJson: string;
  /** What goes in `determinations.interpretation_ids` (JSON text), when stored by reference. */
  interpretationIdsJson?: string;
}

/** A list of notes as JSON text and as its UTF-8 bytes, with the JSON text of its ids (`interpretation_ids`). */
interface ListText {
  json: string;
  bytes: Buffer;
  idsJson: string;
}

/** Per pack version's notes (the compiled pack's, so one object per version) and list of ids: the list's JSON text. */
const listTexts = new WeakMap<PackInterpretations, Map<string, ListText>>();

/**
 * Whether each of the determination's notes is exactly the version's note of that id (a string
 * title and note, no other member): then the row can cite it, and reading it back gives the same.
 */
function citesVersionNotes(list: Determination['interpretations'], notes: PackInterpretations): boolean {
  for (const entry of list) {
    const declared = Object.hasOwn(notes, entry.id) ? notes[entry.id] : undefined;
    if (!declared || typeof entry.title !== 'string' || typeof entry.note !== 'string') return false;
    if (entry.title !== declared.title || entry.note !== declared.note || Object.keys(entry).length !== 3) return false;
  }
  return true;
}

/**
 * Serialises a determination for storing. With the version's `notes` (the compiled pack's
 * `interpretations`) and notes to cite, the row stores them by reference, and the list's text is
 * taken from a cache per version and ids rather than serialised again.
 */
export function determinationTexts(determination: StoredDetermination, notes?: PackInterpretations): DeterminationTexts {
  const list = determination.interpretations;
  if (!notes || list.length === 0 || !citesVersionNotes(list, notes)) {
    const json = JSON.stringify(determination);
    return { json, bytes: Buffer.from(json, 'utf8'), resultJson: json };
  }
  // The notes are the version's, so the list's text depends on its ids only.
  // Each id after its length: no two lists of ids share a key, whatever characters the ids hold.
  let key = '';
  for (const entry of list) key += `${entry.id.length}:${entry.id}`;
  let texts = listTexts.get(notes);
  let listText = texts?.get(key);
  if (listText === undefined) {
    const json = JSON.stringify(list);
    listText = { json, bytes: Buffer.from(json, 'utf8'), idsJson: JSON.stringify(list.map((i) => i.id)) };
    if (!texts) listTexts.set(notes, (texts = new Map()));
    texts.set(key, listText);
  }
  // The members before and after `interpretations`, in the determination's order.
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  let side = before;
  for (const name of Object.keys(determination)) {
    if (name === 'interpretations') side = after;
    else side[name] = (determination as Record<string, unknown>)[name];
  }
  const head = JSON.stringify(before);
  const tail = JSON.stringify(after);
  const rest = tail === '{}' ? '}' : `,${tail.slice(1)}`;
  const open = `${head === '{}' ? '{' : `${head.slice(0, -1)},`}"interpretations":`;
  // The bytes are written part by part: the list's (most of the determination) are copied from the cache.
  const openLength = Buffer.byteLength(open, 'utf8');
  const bytes = Buffer.allocUnsafe(openLength + listText.bytes.length + Buffer.byteLength(rest, 'utf8'));
  bytes.write(open, 0, 'utf8');
  bytes.set(listText.bytes, openLength);
  bytes.write(rest, openLength + listText.bytes.length, 'utf8');
  return {
    json: `${open}${listText.json}${rest}`,
    bytes,
    resultJson: head === '{}' ? (tail === '{}' ? '{}' : tail) : `${head.slice(0, -1)}${rest}`,
    interpretationIdsJson: listText.idsJson,
  };
}

/**
 * SQL for a stored determination's `result` as a whole, with its interpretation notes: `d` is the
 * alias of `determinations`. A row stored whole is its `result`; a row stored by reference gets
 * the notes of its version, in the order of its ids (jsonb orders an object's members itself, so
 * the result is the jsonb the row stored whole would have).
 */
export function determinationResultSql(d: string): string {
  return `CASE WHEN ${d}.interpretation_ids IS NULL THEN ${d}.result ELSE ${d}.result || jsonb_build_object('interpretations',
    COALESCE((SELECT jsonb_agg(n.entry ORDER BY i.ord) FROM jsonb_array_elements_text(${d}.interpretation_ids) WITH ORDINALITY AS i(id, ord)
      LEFT JOIN pack_version_interpretations n ON n.pack_version_id = ${d}.pack_version_id AND n.id = i.id), '[]'::jsonb)) END`;
}
