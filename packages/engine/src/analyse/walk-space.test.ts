import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile/compile-pack.js';
import { examplePack } from '../fixtures/example-pack.js';
import type { DimensionOption } from './input-space.js';
import { analysisState, walkSpace, type Walk } from './walk-space.js';

const BANDS = ['Inadequate', 'Bronze', 'Silver', 'Gold'];

describe('walkSpace', () => {
  it('reads every count afresh at each sampled point: a domainCount never keeps the count of the domains\' values at another point', () => {
    const c = compilePack(examplePack());
    const domains = c.instances.filter((i) => i.decisionId === 'domainBand');
    const visitBand = c.instances.find((i) => i.decisionId === 'visitBand')!;
    expect(domains).toHaveLength(5);
    // visitBand's rules read "how many domains are ... " (domainCount), each counted once per point in a count slot.
    expect(JSON.stringify(c.pack.decisions.visitBand!.rules)).toContain('domainCount');
    const bandDims = domains.map((inst) => ({
      name: inst.id, exhaustive: true, reads: [`v:${inst.id}`], size: BANDS.length,
      option: (k: number): DimensionOption => ({ apply: (s) => { s.values[inst.slot] = BANDS[k]; }, words: `${inst.id} ${BANDS[k]}`, weight: 1 }),
    }));
    // A dimension of no meaning that makes the space too large to list (4^5 x 1,000 points), so it is sampled.
    const filler = { name: 'filler', exhaustive: true, size: 1000, option: (): DimensionOption => ({ apply: () => {}, words: '', weight: 1 }) };
    const walked = analysisState(c);
    let differing = 0;
    let changed = 0;
    let last = '';
    const walk: Walk = walkSpace([...bandDims, filler], walked, 'stale-count-test', () => {
      // The same point in a state of its own, nothing counted yet: what each rule must find.
      const fresh = analysisState(c);
      for (const inst of domains) fresh.values[inst.slot] = walked.values[inst.slot];
      const bands = domains.map((inst) => String(walked.values[inst.slot])).join(',');
      if (bands !== last) { changed++; last = bands; }
      for (const r of visitBand.rules) if (r.when.test(walked) !== r.when.test(fresh)) differing++;
    });
    expect(walk.enumerated).toBe(false);
    expect(walk.points).toBeGreaterThan(10_000);
    // The domains' values change from one point to the next nearly every time, so a count kept from one point would show.
    expect(changed).toBeGreaterThan(walk.points / 2);
    expect(differing).toBe(0);
  });
});
