import { LIMITS } from '@openqaf/engine';
import { firstDuplicateMember, memberNameCount } from '@openqaf/engine';

/** Deepest nesting of objects and arrays any JSON body may have (the engine's limit for packs). */
export const MAX_JSON_DEPTH = LIMITS.maxDepth;

/** Something in a parsed JSON value that cannot be stored as sent, and where it is. */
export interface JsonValueProblem {
  pointer: string;
  message: string;
  /** For a member name given twice in one object: the name, and the offset of its second use in the text. */
  member?: string;
  offset?: number;
}

/** A member name that would replace the prototype of whatever object the value is copied into. */
const PROTOTYPE_KEY = '__proto__';

/** A NUL character or a lone surrogate (a UTF-16 half with no partner: not a Unicode character). */
const UNSTORABLE = /[\0\p{Cs}]/u;

/** The message for a string holding a character that cannot be stored, if it holds one. */
function stringProblem(s: string): string | undefined {
  const m = UNSTORABLE.exec(s);
  if (!m) return undefined;
  if (m[0] === '\0') return 'contains the NUL character (\\u0000), which cannot be stored';
  const code = m[0].charCodeAt(0).toString(16).toUpperCase();
  return `contains a lone surrogate (\\u${code}), which is not a Unicode character`;
}

/** One JSON pointer token. */
export function escapePointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** An object or array being walked: its member names (an object's), and the member being looked at. */
interface Level {
  value: Record<string, unknown> | unknown[];
  /** The object's member names; undefined for an array. */
  names: string[] | undefined;
  /** The member after the one being looked at (its index in `names`, or in the array). */
  next: number;
}

/** The JSON pointer of the member each level is looking at. */
function pointerOf(levels: readonly Level[]): string {
  let pointer = '';
  for (const level of levels) pointer += `/${level.names ? escapePointerToken(level.names[level.next - 1]!) : String(level.next - 1)}`;
  return pointer;
}

/** How many colons a string holds. */
function colonsIn(s: string): number {
  let count = 0;
  for (let i = s.indexOf(':'); i !== -1; i = s.indexOf(':', i + 1)) count++;
  return count;
}

/**
 * The problem of one value (a scalar, or an object or array about to be entered at `depth`),
 * checking strings only when `checkStrings`.
 */
function valueProblem(value: unknown, depth: number, checkStrings: boolean): string | undefined {
  if (typeof value === 'string') return checkStrings ? stringProblem(value) : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'is a number too large to store (it overflows to infinity)';
  if (value !== null && typeof value === 'object' && depth > MAX_JSON_DEPTH) return `is nested deeper than ${MAX_JSON_DEPTH} levels`;
  return undefined;
}

/**
 * The first part of a parsed JSON value that would not be stored exactly as sent: nesting deeper
 * than {@link MAX_JSON_DEPTH}, a number too large for a double (`1e400` parses as Infinity and
 * would be stored as null), a string or member name holding NUL or a lone surrogate (which
 * PostgreSQL refuses or replaces with U+FFFD), or a member named `__proto__` (which would
 * replace the prototype of an object it is copied into). Given the `text` the value was parsed
 * from, also a member name one object gives twice (`JSON.parse` silently keeps the last).
 * Iterative, so no nesting can exhaust the stack; members are looked at in document order, one
 * entry per open object or array (it runs on every request body).
 */
export function jsonValueProblem(root: unknown, text?: string): JsonValueProblem | undefined {
  // Text with neither such a character nor a \u escape cannot have given one to any string or name
  // (JSON.parse refuses a raw NUL; the other escapes stand for other characters): none is looked for.
  const escapeFree = text !== undefined && !text.includes('\\u');
  const checkStrings = text === undefined || !escapeFree || UNSTORABLE.test(text);
  let members = 0;
  // The colons in the strings and names, read only when the text has no \u escape (see the end).
  let stringColons = 0;
  const levels: Level[] = [];
  const enter = (value: object) => {
    const names = Array.isArray(value) ? undefined : Object.keys(value);
    if (names) members += names.length;
    levels.push({ value: value as Level['value'], names, next: 0 });
  };
  const rootProblem = valueProblem(root, 0, checkStrings);
  if (rootProblem) return { pointer: '', message: rootProblem };
  if (root !== null && typeof root === 'object') enter(root);
  while (levels.length > 0) {
    const level = levels[levels.length - 1]!;
    const { names } = level;
    if (level.next >= (names ? names.length : (level.value as unknown[]).length)) {
      levels.pop();
      continue;
    }
    const index = level.next++;
    let value: unknown;
    if (names) {
      const name = names[index]!;
      const nameProblem = checkStrings ? stringProblem(name) : undefined;
      if (nameProblem) return { pointer: pointerOf(levels), message: `has a member name that ${nameProblem}` };
      if (name === PROTOTYPE_KEY) return { pointer: pointerOf(levels), message: `is a member named ${PROTOTYPE_KEY}, which is not allowed` };
      if (escapeFree) stringColons += colonsIn(name);
      value = (level.value as Record<string, unknown>)[name];
    } else {
      value = (level.value as unknown[])[index];
    }
    // The member's depth: one more than its parent's, which is the number of levels open less one.
    const problem = valueProblem(value, levels.length, checkStrings);
    if (problem) return { pointer: pointerOf(levels), message: problem };
    if (escapeFree && typeof value === 'string') stringColons += colonsIn(value);
    if (value !== null && typeof value === 'object') enter(value);
  }
  // Every member of the text has one colon outside strings, and without \u escapes its strings' colons
  // are the parsed strings' own: a member JSON.parse dropped for a later one of the same name leaves
  // the text more colons than the value has (counted natively, not by scanning the text in JavaScript).
  if (text !== undefined && (escapeFree ? colonsIn(text) !== members + stringColons : memberNameCount(text) !== members)) {
    const duplicate = firstDuplicateMember(text);
    if (duplicate) return { ...duplicate, message: `repeats the member name "${duplicate.member}" of the same object (only one value could be kept)` };
  }
  return undefined;
}

/**
 * Offset of the first bracket that opens a level deeper than {@link MAX_JSON_DEPTH} in JSON text,
 * or -1. Scans iteratively (strings skipped), so it is safe on text too deep to parse recursively.
 */
export function tooDeepOffset(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > MAX_JSON_DEPTH + 1) return i;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return -1;
}
