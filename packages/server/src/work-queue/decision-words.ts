import { decisionInstanceWordsBy } from '../engine/index.js';
import type { Queryable } from '../store/index.js';

/** The words of a pack's decisions and framework domains, by id, for the pack versions a work queue reads. */
export interface PackWords {
  decisions: Map<string, string>;
  domains: Map<string, string>;
}

/**
 * Reads the decision labels and domain titles of the council's pack versions with these hashes (the
 * packs its current determinations were made under), keyed by hash. Only the words are read, not
 * the whole pack.
 */
export async function packWordsByHash(db: Queryable, councilId: string, hashes: readonly string[]): Promise<Map<string, PackWords>> {
  const out = new Map<string, PackWords>();
  if (!hashes.length) return out;
  const rows = await db.query<{ hash: string; kind: 'decision' | 'domain'; id: string; words: string | null }>(
    `SELECT pv.hash, 'decision' AS kind, d.key AS id, d.value->>'label' AS words
       FROM pack_versions pv, jsonb_each(coalesce(pv.content->'decisions', '{}'::jsonb)) d
      WHERE pv.council_id = $1 AND pv.hash = ANY($2)
     UNION ALL
     SELECT pv.hash, 'domain' AS kind, m->>'id' AS id, m->>'title' AS words
       FROM pack_versions pv, jsonb_array_elements(coalesce(pv.content->'framework'->'domains', '[]'::jsonb)) m
      WHERE pv.council_id = $1 AND pv.hash = ANY($2)`,
    [councilId, [...new Set(hashes)]],
  );
  for (const r of rows) {
    if (!r.words) continue;
    const words = out.get(r.hash) ?? { decisions: new Map(), domains: new Map() };
    out.set(r.hash, words);
    (r.kind === 'decision' ? words.decisions : words.domains).set(r.id, r.words);
  }
  return out;
}

/**
 * A decision instance in the pack's words: its decision's label, and for a decision taken per domain
 * (`domainRating.safe`) the domain's title after it; the id itself where the pack has no words for it.
 * The engine's `decisionInstanceWordsBy`, the words the admin UI names it by.
 * @example decisionWords('domainRating.safe', words) // 'Domain rating: Safe'
 */
export function decisionWords(instanceId: string, words: PackWords | undefined): string {
  return decisionInstanceWordsBy(instanceId, { decision: (id) => words?.decisions.get(id), domain: (id) => words?.domains.get(id) });
}
