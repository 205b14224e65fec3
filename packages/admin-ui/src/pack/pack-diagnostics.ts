import { validatePack } from '@openqaf/engine/browser';
import { plainMessage } from './plain-errors.js';
import { pointerPositions } from './pointer-positions.js';

/** One problem placed in the JSON text. */
export interface TextDiagnostic {
  from: number;
  to: number;
  pointer: string;
  message: string;
}

/**
 * The engine's validation of JSON text, each problem placed at the value it names: a syntax
 * error at its line and column, a schema or meaning error at the value of its pointer (or the
 * nearest enclosing value that exists).
 */
export function packDiagnostics(text: string): TextDiagnostic[] {
  const result = validatePack(text);
  const positions = pointerPositions(text);
  return result.errors.map((e) => {
    let from = 0;
    let to = Math.min(text.length, 1);
    if (e.line !== undefined) {
      const lines = text.split('\n');
      from = lines.slice(0, e.line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, (e.column ?? 1) - 1);
      to = Math.min(text.length, from + 1);
    } else if (positions) {
      let ptr = e.pointer;
      while (!positions.has(ptr) && ptr !== '') ptr = ptr.slice(0, ptr.lastIndexOf('/'));
      const range = positions.get(ptr);
      if (range) ({ from, to } = range);
    }
    return { from: Math.min(from, text.length), to: Math.min(Math.max(to, from), text.length), pointer: e.pointer, message: plainMessage(e.message) + (e.hint ? ` ${e.hint}` : '') };
  });
}
