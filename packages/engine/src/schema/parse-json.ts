import type { PackError } from '../errors.js';
import { jsonErrorOffset } from './json-error-position.js';
import { FORBIDDEN_KEYS, LIMITS } from './limits.js';
import { firstDuplicateMember } from './json-member-names.js';

/** Result of parsing JSON text: the value, or errors with line and column. */
export type ParseResult = { ok: true; value: unknown } | { ok: false; errors: PackError[] };

/** Line and column (1-based) of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) { line++; last = i; }
  }
  return { line, column: offset - last };
}

/**
 * Parses JSON text, reporting malformed JSON with line and column, and refusing documents
 * over the size limit, giving one member name twice in an object, nested too deeply, or carrying `__proto__`/`constructor`/`prototype` keys.
 */
export function parseJson(text: string, what = 'document'): ParseResult {
  if (text.length > LIMITS.maxPackBytes) {
    return { ok: false, errors: [{ code: 'limit.size', pointer: '', message: `The ${what} is ${text.length} bytes; the limit is ${LIMITS.maxPackBytes}.`, hint: 'Split cases into a separate file or remove unused content.' }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const { offset, expected } = jsonErrorOffset(text);
    const where = lineColumn(text, offset);
    const found = offset < text.length ? JSON.stringify(text.slice(offset, offset + 12)) : 'the end of the text';
    return { ok: false, errors: [{ code: 'json.syntax', pointer: '', line: where.line, column: where.column,
      message: `Malformed JSON at line ${where.line}, column ${where.column}: expected ${expected}, found ${found}.`,
      hint: 'Check for a missing or extra comma, quote or bracket at or just before this point.' }] };
  }
  const duplicate = firstDuplicateMember(text);
  if (duplicate) {
    const where = lineColumn(text, duplicate.offset);
    return { ok: false, errors: [{ code: 'json.duplicate-member', pointer: duplicate.pointer, line: where.line, column: where.column,
      message: `The member "${duplicate.member}" is given twice in one object (line ${where.line}, column ${where.column}); JSON keeps only the last, so the first would be lost silently.`,
      hint: 'Remove one of the two, or rename it: each name may appear once in an object.' }] };
  }
  const errors = checkStructure(value);
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

/** Refuses forbidden keys and excessive nesting anywhere in a parsed value. */
export function checkStructure(value: unknown): PackError[] {
  // Most assessments' facts are one level of plain values: nothing to walk, nothing to report.
  if (isFlatAndAllowed(value)) return [];
  const errors: PackError[] = [];
  const path: string[] = [];
  // The pointer is only built when there is something to report: this runs on every assessment.
  const pointer = (): string => path.map((k) => `/${escapePointer(k)}`).join('');
  const walk = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object') return;
    if (depth > LIMITS.maxDepth) {
      errors.push({ code: 'limit.depth', pointer: pointer(), message: `Nesting deeper than ${LIMITS.maxDepth} levels.`, hint: 'Flatten the conditions into named decisions.' });
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x !== null && typeof x === 'object') { path.push(String(i)); walk(x, depth + 1); path.pop(); }
      }
      return;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) {
        path.push(key);
        errors.push({ code: 'key.forbidden', pointer: pointer(), message: `The key "${key}" is not allowed.`, hint: 'Rename the key; it could alter object prototypes.' });
        path.pop();
        continue;
      }
      const x = (v as Record<string, unknown>)[key];
      if (x !== null && typeof x === 'object') { path.push(key); walk(x, depth + 1); path.pop(); }
    }
  };
  walk(value, 0);
  return errors;
}

/** True for a value that is not an object, or an object (not a list) of allowed keys whose members are none of them objects. */
function isFlatAndAllowed(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (FORBIDDEN_KEYS.has(key)) return false;
    const x = o[key];
    if (x !== null && typeof x === 'object') return false;
  }
  return true;
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
