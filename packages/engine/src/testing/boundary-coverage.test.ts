import { describe, expect, it } from 'vitest';
import type { PackCase } from '../types.js';
import { examplePack } from '../fixtures/example-pack.js';
import { statementsPack } from '../fixtures/statements-pack.js';
import { boundaryCoverage } from './boundary-coverage.js';
import { hoursCase, sizePack } from '../fixtures/size-pack.js';

describe('boundaryCoverage', () => {
  it('lists each threshold with its pointer (a table row\'s cell for a table), its words and its sides', () => {
    const r = boundaryCoverage(sizePack(), []);
    expect(r.thresholds.map((t) => [t.decision, t.rule, t.pointer, t.threshold, t.words, t.sides.map((s) => [s.side, s.edge])])).toEqual([
      ['providerSize', 'large', '/decisions/providerSize/rules/0/when', 2000, 'Weekly hours is more than 2000', [['at-or-below', 2000], ['above', undefined]]],
      ['providerSize', 'medium', '/decisions/providerSize/rules/1/when', 1000, 'Weekly hours is at least 1000', [['below', undefined], ['at-or-above', 1000]]],
      ['visits', 'large-home', '/decisions/visits/table/rows/0/cells/0', 10, 'Beds is at least 10', [['below', 9], ['at-or-above', 10]]],
      ['actions', 'count-beds', '/outcomes/actions/0/when', 0, 'Beds is more than 0', [['at-or-below', 0], ['above', 1]]],
    ]);
    expect(r.summary).toEqual({ thresholds: 4, sides: 8, covered: 0, leftUncovered: 0, uncovered: 8 });
  });

  it('counts a case on a whole number\'s side only at its edge, and on another number\'s exclusive side anywhere on it', () => {
    const r = boundaryCoverage(sizePack(), [hoursCase('h2000-b9', 2000, 9), hoursCase('h999-b5', 999, 5), hoursCase('h2500-b10', 2500, 10)]);
    const sides = Object.fromEntries(r.thresholds.map((t) => [t.rule, Object.fromEntries(t.sides.map((s) => [s.side, s.coveredBy]))]));
    expect(sides.large).toEqual({ 'at-or-below': ['h2000-b9'], above: ['h2500-b10'] });
    // 2500 is decided by the rule before: the medium rule never sees it.
    expect(sides.medium).toEqual({ below: ['h999-b5'], 'at-or-above': [] });
    // 5 beds is below 10 but not just below it: only 9 tests that side.
    expect(sides['large-home']).toEqual({ below: ['h2000-b9'], 'at-or-above': ['h2500-b10'] });
    expect(sides['count-beds']).toEqual({ 'at-or-below': [], above: [] });
  });

  it('does not count a case that fails its expectation or expects the assessment to be refused, and says why', () => {
    const refused: PackCase = { id: 'refused', note: 'no beds', input: { date: '2025-03-01', facts: { weeklyHours: 2000 } }, wantError: 'beds' };
    const r = boundaryCoverage(sizePack(), [hoursCase('wrong', 2000, 9, { headline: 'Large' }), refused]);
    expect(r.summary.covered).toBe(0);
    expect(r.notCounted.map((c) => c.id)).toEqual(['wrong', 'refused']);
    expect(r.notCounted[0]!.why).toContain('headline: expected "Large", got "Medium"');
  });

  it('gives a side left uncovered its reason, and reports entries naming no side or a covered one as stale', () => {
    const r = boundaryCoverage(sizePack(), [hoursCase('h1000', 1000)], {
      leftUncovered: [
        { pointer: '/outcomes/actions/0/when', side: 'at-or-below', reason: 'every home has a bed' },
        { pointer: '/decisions/providerSize/rules/1/when', side: 'at-or-above', reason: 'wrongly left' },
        { pointer: '/decisions/nothing/rules/0/when', side: 'below', reason: 'no such threshold' },
        { pointer: '/decisions/visits/table/rows/0/cells/0', side: 'below', threshold: 11, reason: 'another value' },
      ],
    });
    const beds = r.thresholds.find((t) => t.rule === 'count-beds')!;
    expect(beds.sides[0]!.leftUncovered).toBe('every home has a bed');
    expect(r.staleLeftUncovered.map((x) => [x.entry.pointer, x.why])).toEqual([
      ['/decisions/providerSize/rules/1/when', 'a case covers it: h1000'],
      ['/decisions/nothing/rules/0/when', 'no threshold of the pack has this side'],
      ['/decisions/visits/table/rows/0/cells/0', 'no threshold of the pack has this side'],
    ]);
    expect(r.summary.leftUncovered).toBe(1);
  });

  it('gives each domain its own thresholds, read from the domain\'s parameters, and a count no side below 0', () => {
    const r = boundaryCoverage(examplePack(), examplePack().cases ?? []);
    const silver = r.thresholds.filter((t) => t.pointer === '/decisions/domainBand/rules/1/when/all/0');
    expect(silver.map((t) => [t.instances, t.threshold, t.words])).toEqual([
      [['domainBand.involvement'], 9, 'at least 9 criteria in Involvement and information judged at least Fully met'],
      [['domainBand.personalised'], 13, 'at least 13 criteria in Personalised care judged at least Fully met'],
      [['domainBand.safety'], 12, 'at least 12 criteria in Safety judged at least Fully met'],
      [['domainBand.staffing'], 15, 'at least 15 criteria in Staffing judged at least Fully met'],
      [['domainBand.management'], 13, 'at least 13 criteria in Management judged at least Fully met'],
    ]);
    const none = r.thresholds.find((t) => t.pointer === '/decisions/domainBand/rules/0/when/all/1')!;
    expect(none.words).toBe('no criteria in Involvement and information judged at most Partly met');
    expect(none.sides.map((s) => s.side)).toEqual(['at', 'above']);
    expect(none.sides[0]!.coveredBy).toEqual(['all-fully-met-silver', 'late-statement']);
  });

  it('leaves out a side the inputs refuse: a value below an input\'s minimum or above its maximum', () => {
    const pack = sizePack();
    (pack.inputs as { properties: Record<string, Record<string, unknown>> }).properties.beds!.minimum = 1;
    (pack.inputs as { properties: Record<string, Record<string, unknown>> }).properties.weeklyHours!.maximum = 2000;
    const r = boundaryCoverage(pack, []);
    const sides = Object.fromEntries(r.thresholds.map((t) => [t.rule, t.sides.map((s) => s.side)]));
    expect(sides['count-beds']).toEqual(['above']);
    expect(sides.large).toEqual(['at-or-below']);
    expect(sides['large-home']).toEqual(['below', 'at-or-above']);
  });

  it('reads a decision on a numeric scale as whole numbers within the scale when the scale says so', () => {
    const pack = sizePack([hoursCase('b10', 2500, 10)]);
    pack.outcomes.actions!.push({ id: 'plan-visits', label: 'Plan the visits', owner: 'council', source: { doc: 'guide', section: '1' }, when: { fact: 'visits', operator: 'greaterThan', value: 12 } });
    // 13 visits is above the scale's 12: not a side.
    const th = boundaryCoverage(pack, pack.cases!).thresholds.find((t) => t.rule === 'plan-visits')!;
    expect(th.sides).toEqual([{ side: 'at-or-below', edge: 12, coveredBy: [] }]);
    pack.outcomes.actions![1]!.when = { fact: 'visits', operator: 'greaterThan', value: 3 };
    const gt = boundaryCoverage(pack, pack.cases!).thresholds.find((t) => t.rule === 'plan-visits')!;
    expect(gt.sides).toEqual([{ side: 'at-or-below', edge: 3, coveredBy: [] }, { side: 'above', edge: 4, coveredBy: ['b10'] }]);
  });

  it('reads a limiter\'s threshold, from the explanation of the limiter', () => {
    const pack = statementsPack();
    const r = boundaryCoverage(pack, pack.cases!);
    const safe = r.thresholds.find((t) => t.pointer === '/decisions/domainRating/limits/0/when' && t.instances[0] === 'domainRating.safe')!;
    expect([safe.rule, safe.words]).toEqual(['scored-1', 'at least 1 criterion in Safe judged 1']);
    expect(safe.sides).toEqual([{ side: 'below', edge: 0, coveredBy: ['no-1-gold', 'below-8-inadequate'] }, { side: 'at-or-above', edge: 1, coveredBy: ['scored-1-caps-silver'] }]);
  });

  it('reads a band\'s thresholds over an input, once where two bands meet, by the number the case gives', () => {
    const pack = sizePack([hoursCase('h999', 999), hoursCase('h1000', 1000), hoursCase('h2000', 2000), hoursCase('h2500', 2500)]);
    pack.outcomes.scores = [{
      id: 'sizeScore', label: 'Size score', source: { doc: 'guide', section: '1' },
      value: { band: { fact: 'weeklyHours' }, bands: [{ value: 1, below: 1000 }, { value: 2, atLeast: 1000, atMost: 2000 }, { value: 3, above: 2000 }] },
    }];
    const bands = boundaryCoverage(pack, pack.cases!).thresholds.filter((t) => t.decision === 'scores');
    expect(bands.map((t) => [t.pointer, t.words, t.sides])).toEqual([
      ['/outcomes/scores/0/value/bands/0/below', 'Weekly hours is less than 1000 (the band 1)', [{ side: 'below', coveredBy: ['h999'] }, { side: 'at-or-above', edge: 1000, coveredBy: ['h1000'] }]],
      ['/outcomes/scores/0/value/bands/1/atMost', 'Weekly hours is at most 2000 (the band 2)', [{ side: 'at-or-below', edge: 2000, coveredBy: ['h2000'] }, { side: 'above', coveredBy: ['h2500'] }]],
    ]);
  });

  it('reads a per-domain band over its own domain\'s score (a fact with `params: { domain: "$domain" }`), one set of thresholds per domain named by its title', () => {
    // The statements guide, s3: "A domain scoring 14 or more is Gold, 11 to 13 Silver, 8 to 10 Bronze, and below 8 Inadequate",
    // written as one band over the domain's own score (issue 10's per-domain shape) instead of a rule per band.
    const pack = statementsPack();
    pack.decisions.domainRating!.rules = [{
      id: 'band', label: 'the domain score banded', when: { all: [] }, source: { doc: 'guide', section: '3' },
      output: { band: { fact: 'domainScore', params: { domain: '$domain' } }, bands: [
        { value: 'Inadequate', below: 8 }, { value: 'Bronze', atLeast: 8, below: 11 }, { value: 'Silver', atLeast: 11, below: 14 }, { value: 'Gold', atLeast: 14 }] },
    }];
    const r = boundaryCoverage(pack, pack.cases!);
    // The fixture's cases still pass under the band: every case is counted.
    expect(r.notCounted).toEqual([]);
    const bands = r.thresholds.filter((t) => t.pointer.startsWith('/decisions/domainRating/rules/0/output'));
    // The domain score is whole (4 to 16): "below 8" is tested at 7, "at least 8" at 8.
    // Cases' scores (the fixture's notes): Safe 13, 14, 12 (3 x 4); Caring 16, 14, 7.
    expect(bands.map((t) => [t.instances, t.pointer, t.words, t.sides.map((s) => [s.side, s.edge, s.coveredBy])])).toEqual([
      [['domainRating.safe'], '/decisions/domainRating/rules/0/output/bands/0/below', 'Domain score for Safe is less than 8 (the band Inadequate)', [['below', 7, []], ['at-or-above', 8, []]]],
      [['domainRating.safe'], '/decisions/domainRating/rules/0/output/bands/1/below', 'Domain score for Safe is less than 11 (the band Bronze)', [['below', 10, []], ['at-or-above', 11, []]]],
      [['domainRating.safe'], '/decisions/domainRating/rules/0/output/bands/2/below', 'Domain score for Safe is less than 14 (the band Silver)', [['below', 13, ['scored-1-caps-silver']], ['at-or-above', 14, ['no-1-gold']]]],
      [['domainRating.caring'], '/decisions/domainRating/rules/0/output/bands/0/below', 'Domain score for Caring is less than 8 (the band Inadequate)', [['below', 7, ['below-8-inadequate']], ['at-or-above', 8, []]]],
      [['domainRating.caring'], '/decisions/domainRating/rules/0/output/bands/1/below', 'Domain score for Caring is less than 11 (the band Bronze)', [['below', 10, []], ['at-or-above', 11, []]]],
      [['domainRating.caring'], '/decisions/domainRating/rules/0/output/bands/2/below', 'Domain score for Caring is less than 14 (the band Silver)', [['below', 13, []], ['at-or-above', 14, ['no-1-gold']]]],
    ]);
  });

  it('reads a band over one named domain\'s score from outside the domains, by that domain\'s value', () => {
    const pack = statementsPack();
    // Not the guide's rule: a score over Safe alone, to show a literal domain is read as that domain's value.
    pack.outcomes.scores = [{ id: 'safeBand', label: 'Safe band', source: { doc: 'guide', section: '3' }, value: { band: { fact: 'domainScore', params: { domain: 'safe' } }, bands: [{ value: 1, below: 14 }, { value: 2, atLeast: 14 }] } }];
    const [t] = boundaryCoverage(pack, pack.cases!).thresholds.filter((x) => x.decision === 'scores');
    expect([t!.words, t!.sides.map((s) => [s.side, s.coveredBy])]).toEqual(['Domain score for Safe is less than 14 (the band 1)', [['below', ['scored-1-caps-silver']], ['at-or-above', ['no-1-gold']]]]);
  });

  it('lists a threshold on an ordered scale by the value at it and the next one on the other side, and a date\'s by the day on the edge and the day beyond', () => {
    const pack = sizePack();
    const src = { doc: 'guide', section: '1' };
    (pack.inputs as { properties: Record<string, unknown> }).properties.noticeDate = { type: 'string', format: 'date', title: 'Notice date' };
    pack.parameters!.datesUntil = { label: 'Last published date', type: 'date', value: '2025-03-31', source: src };
    pack.outcomes.warnings = [
      { id: 'medium-or-large', message: 'a medium or large provider', source: src, when: { fact: 'providerSize', operator: 'atLeast', value: 'Medium' } },
      { id: 'dates-ended', message: 'the published dates have ended', source: src, when: { fact: 'assessmentDate', operator: 'onOrAfter', value: { param: 'datesUntil' } } },
      { id: 'notice-over-3-months', message: 'the notice has been in place more than 3 months', source: src, when: { fact: 'assessmentDate', operator: 'after', value: { addMonths: 3, to: { fact: 'noticeDate' } } } },
    ];
    const dated = (id: string, weeklyHours: number, date: string, noticeDate: string): PackCase => ({ id, note: id, input: { date, facts: { weeklyHours, beds: 1, noticeDate } }, want: {} });
    const cases = [
      dated('small-on-the-edge', 999, '2025-03-31', '2024-12-31'),
      dated('medium-the-day-after', 1000, '2025-04-01', '2024-12-31'),
      // 5 days before the published date and 2 days past 3 months: on no date's edge.
      dated('off-the-edges', 2500, '2025-03-26', '2024-12-24'),
    ];
    const r = boundaryCoverage(pack, cases);
    const of = (rule: string) => r.thresholds.find((t) => t.rule === rule)!;
    expect([of('medium-or-large').kind, of('medium-or-large').threshold, of('medium-or-large').words]).toEqual(['scale', 'Medium', 'Provider size is at least Medium']);
    // Large is above Medium but not next to it: only Small (below) and Medium itself sit on the edge.
    expect(of('medium-or-large').sides).toEqual([{ side: 'below', edge: 'Small', coveredBy: ['small-on-the-edge'] }, { side: 'at-or-above', edge: 'Medium', coveredBy: ['medium-the-day-after'] }]);
    expect([of('dates-ended').kind, of('dates-ended').threshold, of('dates-ended').words]).toEqual(['date', '2025-03-31', 'the assessment date is on or after 2025-03-31']);
    expect(of('dates-ended').sides).toEqual([{ side: 'below', edge: -1, coveredBy: [] }, { side: 'at-or-above', edge: 0, coveredBy: ['small-on-the-edge'] }]);
    const notice = of('notice-over-3-months');
    expect([notice.threshold, notice.words]).toEqual(['3 months after Notice date', 'the assessment date is after 3 months after Notice date']);
    // 31 March is 3 months after 31 December (the day itself); 1 April the day after.
    expect(notice.sides).toEqual([{ side: 'at-or-below', edge: 0, coveredBy: ['small-on-the-edge'] }, { side: 'above', edge: 1, coveredBy: ['medium-the-day-after'] }]);
    expect(r.summary).toMatchObject({ thresholds: 7, sides: 14 });
  });

  it('leaves out the side beyond the end of a scale, and reads a side left uncovered of a scale by its value', () => {
    const pack = sizePack();
    pack.outcomes.warnings = [{ id: 'small', message: 'a small provider', source: { doc: 'guide', section: '1' }, when: { fact: 'providerSize', operator: 'atMost', value: 'Small' } }];
    const r = boundaryCoverage(pack, [], { leftUncovered: [{ pointer: '/outcomes/warnings/0/when', side: 'above', threshold: 'Small', reason: 'not tested' }] });
    const small = r.thresholds.find((t) => t.rule === 'small')!;
    expect(small.sides).toEqual([{ side: 'at-or-below', edge: 'Small', coveredBy: [] }, { side: 'above', edge: 'Medium', coveredBy: [], leftUncovered: 'not tested' }]);
    expect(boundaryCoverage(pack, [], { leftUncovered: [{ pointer: '/outcomes/warnings/0/when', side: 'below', threshold: 'Small', reason: 'no side' }] }).staleLeftUncovered).toHaveLength(1);
  });
});
