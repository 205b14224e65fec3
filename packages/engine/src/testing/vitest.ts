import { describe, expect, it } from 'vitest';
import type { CouncilPlugin } from '../types.js';
import { compilePack } from '../compile/compile-pack.js';
import { runCase } from './run-cases.js';
import { documentCoverageIds } from './document-coverage.js';

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
