/**
 * A count with its noun in the right number: "1 finding", "2 findings", "0 rows".
 * @example counted(1, 'finding') // '1 finding'
 * @example counted(3, 'entry', 'entries') // '3 entries'
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${noun(n, one, many)}`;
}

/**
 * The noun alone in the right number for a count shown apart from it (a big figure on a tile).
 * @example noun(1, 'visit') // 'visit'
 */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}
