import { jsonErrorOffset, lineColumn } from './engine/index.js';
import { MAX_JSON_DEPTH, tooDeepOffset } from './json-value-check.js';

/** Where a JSON text first stops being JSON. */
export interface JsonSyntaxProblem {
  message: string;
  offset: number;
  line: number;
  column: number;
}

/** Line and column (both 1-based) of a character offset: the engine's, so packs and bodies report alike. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  return lineColumn(text, offset);
}

/**
 * Parses JSON like `JSON.parse`, but on malformed input throws a {@link JsonSyntaxProblem}
 * with the line and column of the first error (V8's messages do not always carry a position).
 */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // The engine's scanner recurses: text nested past the limit is reported where it gets too deep.
    const deep = tooDeepOffset(text);
    const offset = deep >= 0 ? deep : locateJsonError(text);
    throw {
      message: deep >= 0 ? `${(error as Error).message}; nested deeper than ${MAX_JSON_DEPTH} levels here` : (error as Error).message,
      offset,
      ...lineAndColumn(text, offset),
    } satisfies JsonSyntaxProblem;
  }
}

/** True when `value` is a {@link JsonSyntaxProblem}. */
export function isJsonSyntaxProblem(value: unknown): value is JsonSyntaxProblem {
  return typeof value === 'object' && value !== null && 'offset' in value && 'line' in value && 'column' in value;
}

/** Offset of the first character at which `text` stops being valid JSON (the engine's scanner). */
export function locateJsonError(text: string): number {
  return jsonErrorOffset(text).offset;
}
