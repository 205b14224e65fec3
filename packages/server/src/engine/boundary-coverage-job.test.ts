import { describe, expect, it } from 'vitest';
import type { LeftUncoveredSide } from '@openqaf/engine';
import { testshirePack } from '../test-fixtures/testshire-pack.js';
import { boundaryCoverageWithShippedReasons } from './boundary-coverage-job.js';

const GOLD = '/decisions/overallRating/rules/1/when';
const SILVER = '/decisions/overallRating/rules/2/when';
const entries: LeftUncoveredSide[] = [
  { pointer: GOLD, side: 'below', reason: 'Three Fully met is always Silver here.' },
  { pointer: SILVER, side: 'below', reason: 'Two at least Fully met cannot happen here.' },
];
const FILE = '@openqaf/councils-testshire/pack/left-uncovered-boundaries.json';

function sideOf(r: ReturnType<typeof boundaryCoverageWithShippedReasons>, pointer: string, side: string) {
  return r.report.thresholds.find((t) => t.pointer === pointer)!.sides.find((s) => s.side === side)!;
}

describe('boundary coverage with the reasons the council package records', () => {
  it('applies each reason to the side it names when the pack is as shipped', () => {
    const pack = testshirePack();
    const r = boundaryCoverageWithShippedReasons(pack, { file: FILE, entries, pack: testshirePack() });
    expect(sideOf(r, GOLD, 'below').leftUncovered).toBe(entries[0]!.reason);
    expect(sideOf(r, SILVER, 'below').leftUncovered).toBe(entries[1]!.reason);
    expect(r.reasons).toEqual({ file: FILE, recorded: 2, setAside: [] });
    // 10 sides: the three rule thresholds' 6 (1 tested: Gold at 4) and the word-scale thresholds' 4: the
    // action's "at most Bronze" (at or below: Bronze; above: Silver; neither is a case's rating) and the
    // schedule's "below Gold" (below: Silver, untested; at or above: Gold, the all-Fully-met case).
    // So 2 tested, 2 left with a reason, 6 untested.
    expect(r.report.summary).toMatchObject({ sides: 10, covered: 2, leftUncovered: 2, uncovered: 6 });
  });

  it('sets aside a reason whose threshold the draft changed, naming what it was written about, and counts its side untested', () => {
    const draft = testshirePack({ silverMin: 2 });
    const r = boundaryCoverageWithShippedReasons(draft, { file: FILE, entries, pack: testshirePack() });
    expect(sideOf(r, GOLD, 'below').leftUncovered).toBe(entries[0]!.reason);
    expect(sideOf(r, SILVER, 'below').leftUncovered).toBeUndefined();
    expect(r.reasons.setAside).toEqual([{
      entry: entries[1],
      why: 'written about “at least 3 criteria judged at least Fully met” as the council\'s package ships it; this pack compares “at least 2 criteria judged at least Fully met” there',
    }]);
    expect(r.report.summary).toMatchObject({ sides: 10, covered: 2, leftUncovered: 1, uncovered: 7 });
  });

  it('shows every side no case tests as untested when the package records no reasons', () => {
    const r = boundaryCoverageWithShippedReasons(testshirePack(), undefined);
    expect(r.reasons).toEqual({ file: null, recorded: 0, setAside: [] });
    expect(r.report.summary).toMatchObject({ sides: 10, covered: 2, leftUncovered: 0, uncovered: 8 });
  });
});
