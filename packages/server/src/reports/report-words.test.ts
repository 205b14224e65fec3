import { describe, expect, it } from 'vitest';
import { caseAssessment, compilePack, evaluate, explainDetermination } from '@openqaf/engine';
import type { CouncilPlugin, Determination } from '@openqaf/engine';
import birmingham from '@openqaf/councils-birmingham';
import bolton from '@openqaf/councils-bolton';
import herefordshire from '@openqaf/councils-herefordshire';
import type { ProviderReport } from './provider-report.js';
import { caseReport } from './report-fixture.test-helpers.js';

/**
 * What a provider (or an officer defending a determination) must never read: a fact or decision
 * by its name (camelCase), a dotted id ("domainRating.safeguarding"), a JSON pointer, an id with
 * several hyphens ("iap-approval-decided-by-the-council"), "true"/"false", "undefined", "NaN",
 * "[object Object]".
 */
const ID_LIKE: readonly [string, RegExp][] = [
  ['a camelCase name', /\b[a-z]+[A-Z][A-Za-z0-9]*\b/],
  ['a dotted id', /\b[a-z][A-Za-z0-9-]*\.[a-z][A-Za-z0-9-]*\b/],
  ['a JSON pointer', /(?:^|\s)\/[A-Za-z]/],
  ['a hyphenated id', /\b[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}\b/],
  ['"true" or "false"', /\b(?:true|false)\b/],
  ['"undefined"', /\bundefined\b/],
  ['"NaN"', /\bNaN\b/],
  ['"[object"', /\[object/],
];

/**
 * The councils' own words that look like ids, allowed and why: an e-mail address the Bolton
 * document gives for returns is an address, not an id.
 */
const COUNCILS_OWN_WORDS: readonly [RegExp, string][] = [
  [/\b[\w.-]+@[\w-]+(?:\.[\w-]+)+\b/g, 'an e-mail address the council gives (Bolton: quality@bolton.gov.uk)'],
  [/\b(?:e\.g|i\.e)\./g, 'the English abbreviations "e.g." and "i.e." in a council\'s wording of a measure (Herefordshire)'],
];

/** The id-like tokens in a text, after the councils' own words are taken out. */
function idLike(text: string): string[] {
  const plain = COUNCILS_OWN_WORDS.reduce((t, [re]) => t.replace(re, ''), text);
  return ID_LIKE.flatMap(([what, re]) => { const m = re.exec(plain); return m ? [`${what} "${m[0]}"`] : []; });
}

/** Every sentence of a provider report a reader sees (not its ids, hash or ISO dates, which the page and PDF write out). */
function reportWords(r: ProviderReport): string[] {
  const awaiting = r.rating.awaiting ? [String(r.rating.awaiting.proposed), r.rating.awaiting.roleLabel] : [];
  return [
    r.rating.label, String(r.rating.value), r.rating.description ?? '', ...awaiting,
    ...r.bands.flatMap((b) => [b.domain ?? '', String(b.band), b.nextBand ?? '', b.givenBy ?? '', ...b.otherReasons,
      ...b.criteria.flatMap((c) => [c.wording, c.judgement ?? '', c.needed])]),
    ...r.actions.flatMap((a) => [a.label, a.owner]), r.nextVisit?.label ?? '',
    ...r.warnings.map((w) => w.message), ...r.interpretations,
  ].filter(Boolean);
}

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

/**
 * Each council's bands as its document ranks them, best first: Birmingham's ratings (000 s3.1),
 * Bolton's PQR (003 A3: 1 "No concerns" ... 5 "Catastrophic concern"), Herefordshire's threshold
 * levels (004 A2: Level 1 "No concerns / Minor concerns" ... Level 3 "Major concerns"; "Not
 * determined" is no level at all).
 */
const BEST_FIRST: Readonly<Record<string, readonly string[]>> = {
  birmingham: ['Gold', 'Silver', 'Bronze', 'Inadequate'],
  bolton: ['1', '2', '3', '4', '5'],
  herefordshire: ['Level 1', 'Level 2', 'Level 3'],
};

describe.each([birmingham, bolton, herefordshire] as CouncilPlugin[])('every case of $id, through the words', (plugin) => {
  const compiled = compilePack(plugin.pack, plugin.extensions ? { extensions: plugin.extensions } : {});
  const determinations: [string, Determination][] = [];
  for (const c of plugin.pack.cases ?? []) {
    if (c.wantError !== undefined) continue;
    determinations.push([c.id, evaluate(compiled, caseAssessment(compiled.pack, c), { explain: true, ...(c.asOf ? { asOf: c.asOf } : {}) })]);
  }

  it('has cases to read', () => {
    expect(determinations.length).toBeGreaterThan(10);
  });

  it('explains every determination without an id-like token in any label or reason', () => {
    const found = new Set<string>();
    for (const [id, d] of determinations) {
      for (const t of explainDetermination(plugin.pack, d, plugin.extensions)) {
        for (const line of [t.label ?? t.rule, ...t.because]) for (const bad of idLike(line)) found.add(`${id}: ${bad} in "${line}"`);
      }
    }
    expect([...found].slice(0, 20)).toEqual([]);
  });

  it('gives every provider report without an id-like token or a raw ISO date in its words', () => {
    const found = new Set<string>();
    for (const [id] of determinations) {
      for (const words of reportWords(caseReport(plugin, id))) {
        for (const bad of idLike(words)) found.add(`${id}: ${bad} in "${words}"`);
        if (ISO_DATE.test(words)) found.add(`${id}: a raw ISO date in "${words}"`);
      }
    }
    expect([...found].slice(0, 20)).toEqual([]);
  });

  it('names as the band to reach only the next BETTER band, as the document ranks them', () => {
    const best = BEST_FIRST[plugin.id]!;
    const wrong: string[] = [];
    let named = 0;
    for (const [id] of determinations) {
      for (const b of caseReport(plugin, id).bands) {
        const at = best.indexOf(String(b.band));
        const want = at > 0 ? best[at - 1] : undefined;
        if (b.nextBand !== undefined) named++;
        if (b.nextBand !== want) wrong.push(`${id}: ${String(b.band)} -> ${b.nextBand ?? 'none'} (the next better: ${want ?? 'none'})`);
      }
    }
    expect(named).toBeGreaterThan(0);
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});
