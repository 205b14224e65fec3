import { describe, expect, it } from 'vitest';
import { hoursCase, sizePack } from '../fixtures/size-pack.js';
import { boundaryCoverage } from './boundary-coverage.js';
import { formatBoundaryCoverage, sideWords, thresholdWords } from './format-boundaries.js';

describe('formatBoundaryCoverage', () => {
  it('gives the totals, each threshold under its decision\'s label, and each side\'s cases, reason or NOT COVERED', () => {
    const pack = sizePack([hoursCase('a', 2000, 9), hoursCase('b', 2000, 9), hoursCase('c', 2000, 9), hoursCase('d', 2000, 9), hoursCase('e', 2500, 10)]);
    const r = boundaryCoverage(pack, pack.cases!, { leftUncovered: [{ pointer: '/outcomes/actions/0/when', side: 'at-or-below', reason: 'every home has a bed' }] });
    const text = formatBoundaryCoverage(r, pack).split('\n');
    expect(text[0]).toBe('Boundary coverage of sizes 1.0.0: 4 thresholds, 8 sides: 4 covered by a case, 1 left uncovered with a reason, 3 NOT covered');
    expect(text).toEqual(expect.arrayContaining([
      'Provider size (providerSize)',
      '  Weekly hours is more than 2000  [large: /decisions/providerSize/rules/0/when]',
      '    at or below (2000): covered by a, b, c and 1 more',
      '    above (any value above 2000): covered by e',
      '    at or above (1000): NOT COVERED',
      'Actions (actions)',
      '    at or below (0): left uncovered: every home has a bed',
    ]));
    const uncovered = formatBoundaryCoverage(r, pack, true);
    expect(uncovered).not.toContain('Weekly hours is more than 2000');
    expect(uncovered).toContain('Weekly hours is at least 1000');
  });

  it('reads a count by its count words, and exactly none as "no"', () => {
    expect(thresholdWords('greaterThanInclusive', 1, 'criteria judged Not met', true)).toBe('at least 1 criterion judged Not met');
    expect(thresholdWords('equal', 0, 'criteria judged Not met', true)).toBe('no criteria judged Not met');
  });

  it('names a scale\'s side by the value on its edge and a date\'s by its day', () => {
    expect(sideWords({ side: 'below', edge: 'Requires improvement', coveredBy: [] }, 'Good', 'scale')).toBe('below (Requires improvement)');
    expect(sideWords({ side: 'at-or-below', edge: 0, coveredBy: [] }, '3 months after Notice date', 'date')).toBe('on or before (the day itself)');
    expect(sideWords({ side: 'above', edge: 1, coveredBy: [] }, '2025-03-31', 'date')).toBe('after (the day after)');
    expect(sideWords({ side: 'below', edge: -1, coveredBy: [] }, '2025-03-31', 'date')).toBe('before (the day before)');
    const pack = sizePack([hoursCase('a', 2500)]);
    pack.outcomes.warnings = [{ id: 'large', message: 'a large provider', source: { doc: 'guide', section: '1' }, when: { fact: 'providerSize', operator: 'above', value: 'Medium' } }];
    const text = formatBoundaryCoverage(boundaryCoverage(pack, pack.cases!), pack).split('\n');
    expect(text).toEqual(expect.arrayContaining(['  Provider size is above Medium  [large: /outcomes/warnings/0/when]', '    at or below (Medium): NOT COVERED', '    above (Large): covered by a']));
  });
});
