import { describe, expect, it } from 'vitest';
import type { CouncilPlugin, Pack, PackCase } from '../types.js';
import { compilePack } from '../compile/compile-pack.js';
import { runCase } from './run-cases.js';
import { documentCoverageIds } from './document-coverage.js';
import { boundaryCoverage, type BoundaryCoverageOptions } from './boundary-coverage.js';
import { sideWords } from './format-boundaries.js';

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
