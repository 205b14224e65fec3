import { boundaryCoverage } from '@openqaf/engine';
import type { BoundaryCoverageReply } from '@openqaf/server';
import { describe, expect, it } from 'vitest';
import { testPack } from './test-pack.test-helpers.js';
import { thresholdsTested } from './thresholds-tested.js';

const SILVER = '/decisions/domainRating/rules/0/when/all/0';
const BRONZE = '/decisions/domainRating/rules/1/when/all/0';

/** The reply the server gives for the test pack, measured by the engine itself. */
function reply(leftUncovered: { pointer: string; side: 'below' | 'above'; reason: string }[] = [], file: string | null = null): BoundaryCoverageReply {
  const pack = testPack();
  return { revision: 3, version: null, report: boundaryCoverage(pack, pack.cases ?? [], { leftUncovered }), reasons: { file, recorded: leftUncovered.length, setAside: [] } };
}

describe('the thresholds tested, in words', () => {
  it('lists each decision\'s thresholds in the council\'s words, where they apply, and each side with its cases or "not tested"', () => {
    const view = thresholdsTested(reply(), testPack());
    expect(view.groups.map((g) => [g.id, g.heading])).toEqual([['domainRating', 'Domain rating'], ['overall', 'Overall rating'], ['actions', 'Actions'], ['schedule', 'Schedule']]);
    const [silver, bronze] = view.groups[0]!.thresholds;
    expect(silver).toMatchObject({ pointer: SILVER, words: 'at least 2 criteria in Safe judged at least Fully met', where: 'Silver: at least silverMinFullyMet Fully met (silver); Safe' });
    // The one case has 3 Fully met: it sits on neither edge of "at least 2".
    expect(silver!.sides).toEqual([
      { label: 'below (1)', state: 'untested', cases: [] },
      { label: 'at or above (2)', state: 'untested', cases: [] },
    ]);
    expect(bronze).toMatchObject({ pointer: BRONZE, words: 'no mandatory criteria in Safe judged Not met' });
    expect(view.groups[1]!.thresholds[0]).toEqual({
      words: 'no domains whose Domain rating is Inadequate', where: 'The domain band when no domain is Inadequate (from-domains)', pointer: '/decisions/overall/rules/0/when/all/0',
      sides: [{ label: 'at (0)', state: 'tested', cases: ['all-fully-met-silver'] }, { label: 'above (1)', state: 'untested', cases: [] }],
    });
    // Word-scale thresholds of the outcomes (rating scale Inadequate, Bronze, Silver, Gold): the action's "at most
    // Bronze" is tested above by the Silver case, and at or below (Bronze) by none; the schedule's "at least
    // Inadequate" has no side below the scale's lowest value, and its edge, Inadequate itself, no case.
    expect(view.groups[2]!.thresholds[0]!.sides).toEqual([
      { label: 'at or below (Bronze)', state: 'untested', cases: [] },
      { label: 'above (Silver)', state: 'tested', cases: ['all-fully-met-silver'] },
    ]);
    expect(view.groups[3]!.thresholds[0]!.sides).toEqual([{ label: 'at or above (Inadequate)', state: 'untested', cases: [] }]);
    expect(view.gaps).toBe(true);
    expect(view.summary).toBe('2 of 9 sides tested, 0 left untested with a reason, 7 not tested (5 thresholds)');
    expect(view.reasons).toContain('No reasons are recorded for this pack');
  });

  it('shows a side left untested with its recorded reason, and says where the reasons come from', () => {
    const view = thresholdsTested(reply([{ pointer: SILVER, side: 'below', reason: 'One Fully met of three cannot be judged here.' }], '@openqaf/councils-testshire/pack/left-uncovered-boundaries.json'), testPack());
    expect(view.groups[0]!.thresholds[0]!.sides[0]).toEqual({ label: 'below (1)', state: 'left', cases: [], reason: 'One Fully met of three cannot be judged here.' });
    expect(view.summary).toBe('2 of 9 sides tested, 1 left untested with a reason, 6 not tested (5 thresholds)');
    expect(view.reasons).toContain('recorded in @openqaf/councils-testshire/pack/left-uncovered-boundaries.json (1 reason)');
  });

  it('names reasons set aside, reasons matching nothing and cases not counted', () => {
    const r = reply([{ pointer: '/decisions/nothing/rules/0/when', side: 'below', reason: 'gone' }]);
    r.reasons.setAside = [{ entry: { pointer: SILVER, side: 'above', reason: 'x' }, why: 'written about “at least 3 …” as the council\'s package ships it; this pack compares “at least 2 …” there' }];
    r.report.notCounted = [{ id: 'broken', why: 'it fails: headline is Bronze, not Gold' }];
    expect(thresholdsTested(r, testPack()).notes).toEqual([
      `A recorded reason for ${SILVER} (above) is not applied: it was written about “at least 3 …” as the council's package ships it; this pack compares “at least 2 …” there.`,
      'A recorded reason for /decisions/nothing/rules/0/when (below) matches no untested side: no threshold of the pack has this side.',
      'The case “broken” is not counted: it fails: headline is Bronze, not Gold.',
    ]);
  });

  it('words a date threshold\'s sides by the day on their edge, as the engine does', () => {
    const r = reply();
    r.report.thresholds.push({
      decision: 'schedule', rule: 'annual', pointer: '/outcomes/schedule/0/when', kind: 'date', threshold: '2025-04-01', words: 'the visit date is before 1 April 2025', instances: ['schedule'],
      sides: [{ side: 'below', edge: -1, coveredBy: ['all-fully-met-silver'] }, { side: 'at-or-above', edge: 0, coveredBy: [] }],
    });
    const schedule = thresholdsTested(r, testPack()).groups.find((g) => g.id === 'schedule')!;
    expect(schedule.heading).toBe('Schedule');
    expect(schedule.thresholds.find((t) => t.words.startsWith('the visit date'))).toEqual({
      words: 'the visit date is before 1 April 2025', where: 'Annual quality monitoring visit (annual)', pointer: '/outcomes/schedule/0/when',
      sides: [
        { label: 'before (the day before)', state: 'tested', cases: ['all-fully-met-silver'] },
        { label: 'on or after (the day itself)', state: 'untested', cases: [] },
      ],
    });
  });

  it('shows a threshold of a kind it does not know by its words, sides and edges as they come', () => {
    const r = reply();
    r.report.thresholds.push({
      decision: 'schedule', rule: 'annual', pointer: '/outcomes/schedule/0/when', kind: 'period' as 'date', threshold: 'P1Y', words: 'a year since the visit', instances: ['schedule'],
      sides: [{ side: 'shorter' as 'below', edge: 'P11M' as unknown as number, coveredBy: ['all-fully-met-silver'] }, { side: 'longer' as 'above', coveredBy: [] }],
    });
    const schedule = thresholdsTested(r, testPack()).groups.find((g) => g.id === 'schedule')!;
    expect(schedule.thresholds.find((t) => t.words === 'a year since the visit')!.sides).toEqual([
      { label: 'shorter (P11M)', state: 'tested', cases: ['all-fully-met-silver'] },
      { label: 'longer (any value longer P1Y)', state: 'untested', cases: [] },
    ]);
  });
});
