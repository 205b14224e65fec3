import { escapePointer as escapePointerToken } from './parse-json.js';

/** A member name that one JSON object gives twice, and where the second one is. */
export interface DuplicateMember {
  /** JSON pointer of the repeated member. */
  pointer: string;
  /** The member name, decoded (`"\u0061"` and `"a"` are the same name). */
  member: string;
  /** Character offset of the repeated name in the text. */
  offset: number;
}

/** Offset just past the string literal that opens at `start` (a `"`), escapes skipped. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5c) i++;
    else if (ch === 0x22) return i + 1;
  }
  return text.length;
}

/**
 * How many object members valid JSON text has: its colons outside strings, one per member.
 * `JSON.parse` keeps only the last of two members with one name, so a parsed value with fewer
 * members than its text had a duplicate. A plain loop, cheap beside the parse itself.
 */
export function memberNameCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) i = stringEnd(text, i) - 1;
    else if (ch === 0x3a) count++;
  }
  return count;
}

interface Frame {
  /** Member names seen so far; undefined for an array. */
  names: Set<string> | undefined;
  /** Pointer token of the member or element being read. */
  current: string;
  index: number;
  expectName: boolean;
}

/**
 * The first member, in document order, whose name its object already had, in valid JSON text;
 * undefined when every object's names are unique. Iterative, so no nesting exhausts the stack.
 * @example firstDuplicateMember('{"a": {"b": 1, "b": 2}}') // { pointer: '/a/b', member: 'b', offset: 15 }
 */
export function firstDuplicateMember(text: string): DuplicateMember | undefined {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (ch === 0x22) {
      const end = stringEnd(text, i);
      if (top?.names && top.expectName) {
        const member = JSON.parse(text.slice(i, end)) as string;
        if (top.names.has(member)) {
          const tokens = [...stack.slice(0, -1).map((f) => f.current), escapePointerToken(member)];
          return { pointer: tokens.map((t) => `/${t}`).join(''), member, offset: i };
        }
        top.names.add(member);
        top.current = escapePointerToken(member);
        top.expectName = false;
      }
      i = end - 1;
    } else if (ch === 0x7b) stack.push({ names: new Set(), current: '', index: 0, expectName: true });
    else if (ch === 0x5b) stack.push({ names: undefined, current: '0', index: 0, expectName: false });
    else if (ch === 0x7d || ch === 0x5d) stack.pop();
    else if (ch === 0x2c && top) {
      if (top.names) top.expectName = true;
      else top.current = String(++top.index);
    }
  }
  return undefined;
}
