import { describe, expect, it } from 'vitest';
import type { CouncilPlugin, Pack, PackCase } from '../types.js';
import { compilePack } from '../compile/compile-pack.js';
import { runCase } from './run-cases.js';
import { documentCoverageIds } from './document-coverage.js';
import { boundaryCoverage, type BoundaryCoverageOptions } from './boundary-coverage.js';
import { sideWords } from './format-boundaries.js';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { runCases } from './run-cases.js';
import { packHash } from '../hash.js';

// A council's test reads the sides its pack leaves uncovered with these.
export { readLeftUncovered, LEFT_UNCOVERED_FILE } from './left-uncovered.js';
export type { BoundarySide, LeftUncoveredSide } from './boundary-coverage.js';

/**
 * Registers one vitest test per case shipped with a council plugin's pack, named by the
 * case id and note; a failing case shows what differed.
 * @example
 * import plugin from '../src/index.js';
 * describePackCases(plugin);
 */
export function describePackCases(plugin: CouncilPlugin): void {
  describe(`${plugin.name} pack cases`, () => {
    const compiled = compilePack(plugin.pack, plugin.extensions ? { extensions: plugin.extensions } : {});
    const cases = plugin.pack.cases ?? [];
    it('ships at least one case', () => {
      expect(cases.length).toBeGreaterThan(0);
    });
    for (const c of cases) {
      it(`${c.id}: ${c.note}`, () => {
        const r = runCase(compiled, c);
        expect(r.failures, r.failures.join('\n')).toEqual([]);
      });
    }
  });
}

/**
 * Registers a test that the "Document coverage" section of a council's page (its audit of the pack
 * against the council's documents) names only ids the pack and its cases have, so the written record
 * cannot drift from the pack.
 * @example
 * describeDocumentCoverage(plugin, readFileSync(new URL('../../../docs/councils/bolton.md', import.meta.url), 'utf8'));
 */
export function describeDocumentCoverage(plugin: CouncilPlugin, markdown: string): void {
  describe(`${plugin.name} Document coverage`, () => {
    it('names ids, and only ids the pack and its cases have', () => {
      const { named, unknown } = documentCoverageIds(plugin.pack, markdown);
      expect(named.length).toBeGreaterThan(0);
      expect(unknown).toEqual([]);
    });
  });
}

/**
 * Registers tests that every side of every threshold (number, scale value, date) of a pack is tested by one of its
 * cases or left uncovered for a stated reason (`leftUncovered`), and that every side left
 * uncovered is a side of the pack that no case covers (so the list cannot go stale).
 * @example
 * import { readLeftUncovered } from '@openqaf/engine/vitest';
 * describeBoundaryCoverage(plugin.pack, plugin.pack.cases ?? [], { leftUncovered, extensions: plugin.extensions });
 */
export function describeBoundaryCoverage(pack: Pack, cases: readonly PackCase[], opts: BoundaryCoverageOptions = {}): void {
  describe(`${pack.metadata.id} boundary coverage`, () => {
    const r = boundaryCoverage(pack, cases, opts);
    it('tests every side of every threshold, or says why a side is left', () => {
      const holes = r.thresholds.flatMap((th) => th.sides.filter((s) => !s.coveredBy.length && s.leftUncovered === undefined)
        .map((s) => `${th.pointer} ${s.side}: ${th.words}, ${sideWords(s, th.threshold, th.kind)}`));
      expect(r.summary.thresholds).toBeGreaterThan(0);
      expect(holes, holes.join('\n')).toEqual([]);
    });
    it('leaves uncovered only sides the pack has and no case covers', () => {
      const stale = r.staleLeftUncovered.map((x) => `${x.entry.pointer} ${x.entry.side}: ${x.why}`);
      expect(stale, stale.join('\n')).toEqual([]);
    });
  });
}

/** One released version of a pack: its content hash, version label, the commits that had it, and the bundle then (rules and cases). */
export interface ReleasedVersion {
  hash: string;
  version: string;
  firstCommit: string;
  lastCommit: string;
  pack: Pack;
}

/**
 * Registers the tests that every version of a council's pack ever released still works with today's
 * engine and the council's plugin: each keeps its content hash, compiles and passes its own cases of
 * that time; and the current pack does not reuse a label released with other rules. `fixture` is
 * the council's `released/<council>.json.gz`, written by `scripts/released-packs.mjs` (see
 * docs/add-a-council.md, "Changing a pack: every released version keeps working").
 * @example
 * describeReleasedVersions(plugin, new URL('../released/bolton.json.gz', import.meta.url));
 */
export function describeReleasedVersions(plugin: CouncilPlugin, fixture: URL): void {
  const released = JSON.parse(gunzipSync(readFileSync(fixture)).toString('utf8')) as { council: string; versions: ReleasedVersion[] };
  describe(`every released version of the ${plugin.id} pack keeps working with today's engine and plugin`, () => {
    it('has the released versions of this council', () => {
      expect(released.council).toBe(plugin.id);
      expect(released.versions.length).toBeGreaterThan(0);
      expect(new Set(released.versions.map((v) => v.hash)).size).toBe(released.versions.length);
    });

    it('gives the current pack a version label of its own: a label released with other rules is not reused', () => {
      const label = plugin.pack.metadata.version;
      const sameLabel = released.versions.filter((v) => v.version === label).map((v) => v.hash);
      const reused = sameLabel.length > 0 && !sameLabel.includes(packHash(plugin.pack));
      expect(reused, `version ${label} was released with other rules (${sameLabel.join(', ')}): bump metadata.version`).toBe(false);
    });

    it.each(released.versions.map((v) => [`${v.version} ${v.hash.slice(7, 19)} (${v.firstCommit.slice(0, 7)}..${v.lastCommit.slice(0, 7)})`, v] as const))(
      '%s: keeps its content hash, compiles and passes its own cases of that time',
      (_name, v) => {
        expect(packHash(v.pack)).toBe(v.hash);
        const compiled = compilePack(v.pack, { extensions: plugin.extensions ?? {} });
        const cases = v.pack.cases ?? [];
        expect(cases.length).toBeGreaterThan(0);
        const report = runCases(compiled, cases);
        expect(report.results.filter((r) => !r.ok).map((r) => `${r.id}: ${r.failures.join('; ')}`)).toEqual([]);
        expect(report.passed).toBe(cases.length);
      },
    );
  });
}
