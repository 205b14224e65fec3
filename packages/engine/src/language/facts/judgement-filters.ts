/**
 * The parameters that select judgements (or domain values) by their place on an ordered scale,
 * shared by `criteriaCount` and `domainCount`, with the words a filter reads as.
 */
export const JUDGEMENT_FILTERS = ['is', 'atLeast', 'atMost', 'above', 'below'] as const;

/** The words of each filter before its value ("at least Fully met"); `is` has none. */
export const FILTER_WORDS: Readonly<Record<(typeof JUDGEMENT_FILTERS)[number], string>> = { is: '', atLeast: 'at least', atMost: 'at most', above: 'above', below: 'below' };

const BOUNDS: readonly [string, string, (r: number, b: number) => boolean][] = [
  ['atLeast', FILTER_WORDS.atLeast, (r, b) => r >= b],
  ['atMost', FILTER_WORDS.atMost, (r, b) => r <= b],
  ['above', FILTER_WORDS.above, (r, b) => r > b],
  ['below', FILTER_WORDS.below, (r, b) => r < b],
];

/** A set of ranks on an ordered scale selected by `is`/`atLeast`/`atMost`/`above`/`below`. */
export function rankFilter(params: Record<string, unknown>, ranks: ReadonlyMap<string, number>, size: number): { mask: Uint8Array; words: string } | undefined {
  const parts: string[] = [];
  const mask = new Uint8Array(size).fill(1);
  let any = false;
  const apply = (pred: (r: number) => boolean): void => { for (let r = 0; r < size; r++) if (!pred(r)) mask[r] = 0; };
  if (params.is !== undefined) {
    const list = (Array.isArray(params.is) ? params.is : [params.is]) as string[];
    const set = new Set(list.map((v) => ranks.get(v)));
    apply((r) => set.has(r));
    parts.push(list.join(' or '));
    any = true;
  }
  for (const [key, words, pred] of BOUNDS) {
    if (params[key] === undefined) continue;
    const b = ranks.get(params[key] as string) ?? -99;
    apply((r) => pred(r, b));
    parts.push(`${words} ${String(params[key])}`);
    any = true;
  }
  return any ? { mask, words: parts.join(' and ') } : undefined;
}
