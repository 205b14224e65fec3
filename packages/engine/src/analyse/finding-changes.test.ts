import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import type { Pack } from '../types.js';
import { analyse } from './analyse.js';
import { findingChanges } from './finding-changes.js';

const published = analyse(compilePack(examplePack()));

describe('findingChanges', () => {
  it('lists nothing when the draft has the same findings as the published version', () => {
    expect(published.decisions.some((d) => d.findings.length > 0)).toBe(true);
    expect(findingChanges(published, analyse(compilePack(examplePack())), examplePack())).toEqual([]);
  });

  it('lists only a finding the draft introduces, naming the rule by its title and the decision by its label', () => {
    const p: Pack = structuredClone(examplePack());
    p.decisions.overallRating!.rules!.push({ id: 'r-always-gold', label: 'Always Gold', priority: 5, output: 'Gold', source: { doc: 'guide', section: '1' }, when: { all: [] } });
    const changes = findingChanges(published, analyse(compilePack(p)), p);
    expect(changes.map((c) => [c.change, c.words])).toEqual([['introduced', 'Overall rating: the rule "Always Gold" can never fire: a rule above it always decides first']]);
    expect(changes[0]!.words).not.toContain('r-always-gold');
  });

  it('lists a finding whose inputs changed as changed, and every finding when nothing was published', () => {
    const p: Pack = structuredClone(examplePack());
    p.decisions.visitBand!.rules = p.decisions.visitBand!.rules!.filter((r) => r.id !== 'bronze');
    const changes = findingChanges(published, analyse(compilePack(p)), p);
    const fallback = changes.find((c) => c.kind === 'fallback-only')!;
    expect(fallback.change).toBe('changed');
    expect(fallback.words).toMatch(/^Visit band: only the fallback decides, under the interpretation "Combinations the overall table leaves out" for /);
    const all = findingChanges(undefined, published, examplePack());
    expect(all.length).toBe(published.decisions.reduce((n, d) => n + d.findings.length, 0));
    expect(all.every((c) => c.change === 'introduced')).toBe(true);
  });
});
