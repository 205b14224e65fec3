import type { Pack } from '../types.js';
import { ownMember } from '../compile/own-member.js';

/**
 * An interpretation by its title (its plain words), never its id; the id only when the pack has no
 * such interpretation.
 * @example interpretationTitle(pack, 'pqr-worst-indicator-wins') // 'The worst indicated PQR wins'
 */
export function interpretationTitle(pack: Pack, id: string): string {
  return ownMember(pack.interpretations, id)?.title ?? id;
}

/**
 * A pack's own text (a scale value's description, a label) with each "(interpretation <id>)" it
 * cites written as the interpretation's title, so a reader sees the reading, not its id.
 * @example interpretationsInWords(pack, 'no level yet (interpretation no-indicator-recorded).')
 *   // 'no level yet (interpretation: No indicator recorded: no level).'
 */
export function interpretationsInWords(pack: Pack, text: string): string {
  return text.replace(/\binterpretation ([a-z0-9]+(?:-[a-z0-9]+)*)/g, (whole, id: string) =>
    ownMember(pack.interpretations, id) ? `interpretation: ${interpretationTitle(pack, id)}` : whole);
}
