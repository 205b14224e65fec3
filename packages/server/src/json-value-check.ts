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

interface Visit {
  value: unknown;
  depth: number;
  parent: Visit | undefined;
  key: string;
  /** True for an object member, whose name is checked too. */
  named: boolean;
}

function pointerOf(visit: Visit): string {
  const tokens: string[] = [];
  for (let v: Visit | undefined = visit; v?.parent; v = v.parent) tokens.push(escapePointerToken(v.key));
  return tokens.reverse().map((t) => `/${t}`).join('');
}

/**
 * The first part of a parsed JSON value that would not be stored exactly as sent: nesting deeper
 * than {@link MAX_JSON_DEPTH}, a number too large for a double (`1e400` parses as Infinity and
 * would be stored as null), a string or member name holding NUL or a lone surrogate (which
 * PostgreSQL refuses or replaces with U+FFFD), or a member named `__proto__` (which would
 * replace the prototype of an object it is copied into). Given the `text` the value was parsed
 * from, also a member name one object gives twice (`JSON.parse` silently keeps the last).
 * Iterative, so no nesting can exhaust the stack.
 */
export function jsonValueProblem(root: unknown, text?: string): JsonValueProblem | undefined {
  // Text with neither such a character nor a \u escape cannot have given one to any string or name
  // (JSON.parse refuses a raw NUL; the other escapes stand for other characters): none is looked for.
  const checkStrings = text === undefined || text.includes('\\u') || UNSTORABLE.test(text);
  let members = 0;
  const stack: Visit[] = [{ value: root, depth: 0, parent: undefined, key: '', named: false }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value } = visit;
    const nameProblem = visit.named && checkStrings ? stringProblem(visit.key) : undefined;
    if (nameProblem) return { pointer: pointerOf(visit), message: `has a member name that ${nameProblem}` };
    if (visit.named && visit.key === PROTOTYPE_KEY) return { pointer: pointerOf(visit), message: `is a member named ${PROTOTYPE_KEY}, which is not allowed` };
    if (typeof value === 'string') {
      const message = checkStrings ? stringProblem(value) : undefined;
      if (message) return { pointer: pointerOf(visit), message };
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { pointer: pointerOf(visit), message: 'is a number too large to store (it overflows to infinity)' };
    } else if (value !== null && typeof value === 'object') {
      if (visit.depth > MAX_JSON_DEPTH) {
        return { pointer: pointerOf(visit), message: `is nested deeper than ${MAX_JSON_DEPTH} levels` };
      }
      const named = !Array.isArray(value);
      const entries = named ? Object.entries(value) : value.map((v, i) => [String(i), v] as const);
      if (named) members += entries.length;
      // Pushed in reverse so the first problem in document order is found first.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, member] = entries[i]!;
        stack.push({ value: member, depth: visit.depth + 1, parent: visit, key, named });
      }
    }
  }
  if (text !== undefined && memberNameCount(text) !== members) {
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
