import type { ProviderReport } from '../api/report-api.js';

/** A finding of the report a provider may comment on: its key (as the server takes it) and its words. */
export interface Finding {
  key: string;
  words: string;
}

/**
 * The findings of a report, in the report's order: each band (the rating, each domain), each
 * criterion that kept a band from the next one up (by its wording), the officer's note, the
 * actions and the next visit. Keys are what `POST .../report/comments` takes as `finding`.
 * @example findings(report)[0] // { key: 'overallRating', words: 'Overall rating: Silver' }
 */
export function findings(r: ProviderReport): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const add = (key: string, words: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ key, words });
  };
  for (const b of r.bands) {
    add(b.instance, `${b.domain ?? r.rating.label}: ${String(b.band)}`);
    for (const c of b.criteria) add(c.id, c.wording);
  }
  add('evidence', "The officer's note on the visit");
  add('actions', 'Actions');
  add('next-visit', 'Next visit');
  return out;
}

/** The words of a finding key (the key itself when the report does not name it, e.g. a criterion met since). */
export function findingWords(r: ProviderReport, key: string): string {
  return findings(r).find((f) => f.key === key)?.words ?? key;
}
