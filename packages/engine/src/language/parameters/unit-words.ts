/** Plurals the usual English rule does not undo. */
const IRREGULAR: Record<string, string> = { criteria: 'criterion', people: 'person', children: 'child', men: 'man', women: 'woman', staff: 'staff', data: 'data' };

/** One plural word back to its singular: "months" -> "month", "enquiries" -> "enquiry", "criteria" -> "criterion"; a word that is not a plural stays. */
function singularWord(word: string): string {
  const lower = word.toLowerCase();
  if (IRREGULAR[lower] !== undefined) return IRREGULAR[lower];
  if (/[^aeiou]ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/i.test(word)) return word.slice(0, -2);
  if (/ss$/i.test(word) || /us$/i.test(word) || !/s$/i.test(word)) return word;
  return word.slice(0, -1);
}

/**
 * A declared unit in the singular, for a count of one: its counted noun is the last word before a
 * rate ("per year") or the last word: "working days" -> "working day", "visits per year" -> "visit
 * per year", "criteria" -> "criterion"; a unit that is not a plural ("percent") stays.
 */
export function singularUnit(unit: string): string {
  const m = /^(.*?)(\S+)(\s+per\s+.*)?$/i.exec(unit.trim());
  if (!m) return unit;
  return `${m[1]}${singularWord(m[2]!)}${m[3] ?? ''}`;
}

/**
 * A declared unit as it reads after a number: the singular after exactly 1 ("1 month", "1 working
 * day"), else as declared ("0 months", "1.5 months", "12 months").
 * @example unitAfter(1, 'months') // 'month'
 * @example unitAfter(3, 'visits per year') // 'visits per year'
 */
export function unitAfter(n: unknown, unit: string): string {
  return n === 1 || n === '1' ? singularUnit(unit) : unit;
}
