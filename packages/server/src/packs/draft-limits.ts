import type { PackValidation } from '../engine/index.js';
import { HttpError } from '../http-error.js';
import type { ErrorDetail } from '../http-error.js';
import { escapePointerToken } from '../json-value-check.js';

/** The longest string in a JSON value (member names included), and its pointer. */
export function longestString(root: unknown): { pointer: string; length: number } | undefined {
  let longest: { pointer: string; length: number } | undefined;
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0) {
    const [value, pointer] = stack.pop()!;
    if (typeof value === 'string') {
      if (!longest || value.length > longest.length) longest = { pointer, length: value.length };
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([v, `${pointer}/${i}`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        const at = `${pointer}/${escapePointerToken(key)}`;
        if (!longest || key.length > longest.length) longest = { pointer: at, length: key.length };
        stack.push([v, at]);
      }
    }
  }
  return longest;
}

/**
 * Refuses (422 `over-limit`, nothing saved) a draft over one of the engine's limits (`limit.*`:
 * size, nesting, rules, conditions, table rows, decisions, criteria, cases). Other problems are
 * saved and reported, as a draft may be invalid while it is edited; a draft over a limit could
 * never be published, and storing it would make every later read, validation and analysis of
 * it pay for its size. A pack too large names its longest string too, the usual culprit.
 */
export function refuseOverLimits(validation: PackValidation, content: unknown): void {
  const over = validation.errors.filter((e) => e.code.startsWith('limit.'));
  if (over.length === 0) return;
  const details: ErrorDetail[] = over.map((e) => ({ ...e }));
  if (over.some((e) => e.code === 'limit.size')) {
    const longest = longestString(content);
    if (longest) details.push({ code: 'limit.size', pointer: longest.pointer, message: `is the longest string in the pack: ${longest.length.toLocaleString('en-GB')} characters` });
  }
  throw new HttpError(422, 'over-limit', `The draft was not saved: it is over the engine's limits. ${over.map((e) => e.message).join(' ')}`, { details });
}
