import type { BoundarySide, LeftUncoveredSide } from './boundary-coverage.js';

/** The file of a pack folder that lists the threshold sides its cases deliberately leave untested. */
export const LEFT_UNCOVERED_FILE = 'left-uncovered-boundaries.json';

const SIDE_NAMES: readonly BoundarySide[] = ['below', 'at-or-above', 'at-or-below', 'above', 'at'];

/**
 * Reads a list of sides left without a case (`{ "leftUncovered": [{ "pointer", "side",
 * "threshold"?, "reason" }] }`), or throws an error naming the file and the JSON pointer of the
 * first entry that is not one: every entry needs the threshold's pointer, a side, and a reason.
 * @example readLeftUncovered(readFileSync('pack/left-uncovered-boundaries.json', 'utf8'), 'pack/left-uncovered-boundaries.json')
 */
export function readLeftUncovered(text: string, file: string): LeftUncoveredSide[] {
  let doc: unknown;
  try { doc = JSON.parse(text); } catch (e) { throw new Error(`${file}: not JSON (${(e as Error).message}).`); }
  const list = doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as { leftUncovered?: unknown }).leftUncovered : undefined;
  if (!Array.isArray(list)) throw new Error(`${file}#/leftUncovered: must be a list of the sides left without a case.`);
  return list.map((e: unknown, i): LeftUncoveredSide => {
    const at = `${file}#/leftUncovered/${i}`;
    if (!e || typeof e !== 'object' || Array.isArray(e)) throw new Error(`${at}: must be an object with pointer, side and reason.`);
    const { pointer, side, threshold, reason, ...rest } = e as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) throw new Error(`${at}/${extra}: unknown member; an entry has pointer, side, threshold (optional) and reason.`);
    if (typeof pointer !== 'string' || !pointer.startsWith('/')) throw new Error(`${at}/pointer: must be the threshold's JSON pointer in the pack, such as "/decisions/domainRating/rules/5/when".`);
    if (typeof side !== 'string' || !SIDE_NAMES.includes(side as BoundarySide)) throw new Error(`${at}/side: must be one of ${SIDE_NAMES.join(', ')}.`);
    if (threshold !== undefined && !(typeof threshold === 'string' || (typeof threshold === 'number' && Number.isFinite(threshold)))) throw new Error(`${at}/threshold: must be a number or text (the value compared with, where a parameter differs by domain, or the scale value or date compared with).`);
    if (typeof reason !== 'string' || !reason.trim()) throw new Error(`${at}/reason: must say why no case tests this side.`);
    return { pointer, side: side as BoundarySide, ...(threshold !== undefined ? { threshold: threshold as number | string } : {}), reason };
  });
}
