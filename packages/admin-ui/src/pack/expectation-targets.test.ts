import { describe, expect, it } from 'vitest';
import { decisionTargets, headlineTarget, listOptions, readExpectedValue, scoreTargets } from './expectation-targets.js';
import { casePack } from './case-pack.test-helpers.js';

describe('what a case may expect', () => {
  const pack = casePack();
  const targets = decisionTargets(pack);

  it('offers a per-domain decision once per domain, with the scale\'s values to choose from', () => {
    expect(targets.find((t) => t.id === 'domainRating.safe')).toEqual({ id: 'domainRating.safe', label: 'Domain rating — Safe', kind: 'choice', choices: ['Inadequate', 'Bronze', 'Silver', 'Gold'] });
    expect(targets.some((t) => t.id === 'domainRating')).toBe(false);
  });

  it('offers a collect decision as an ordered list and a score as a number', () => {
    expect(targets.find((t) => t.id === 'visitTypes')).toMatchObject({ kind: 'list', choices: ['Annual', 'Focussed'] });
    expect(scoreTargets(pack)).toEqual([{ id: 'qualityScore', label: 'Quality score', kind: 'number' }]);
    expect(headlineTarget(pack)).toMatchObject({ id: 'overall', label: 'Headline: Overall rating', kind: 'choice' });
  });

  it('lists the pack\'s actions, visits and interpretations by their labels', () => {
    expect(listOptions(pack)).toEqual({
      actions: [{ id: 'iap', label: 'Submit an Improvement Action Plan' }],
      schedule: [{ id: 'annual', label: 'Annual quality monitoring visit' }],
      interpretations: [{ id: 'bronze-floor', label: 'Bronze needs every mandatory criterion at least Partly met' }],
    });
  });

  it('reads a chosen value, "no value", and refuses a number off the scale', () => {
    const choice = targets.find((t) => t.id === 'domainRating.safe')!;
    expect(readExpectedValue(choice, '"Bronze"')).toEqual({ value: 'Bronze' });
    expect(readExpectedValue(choice, 'null')).toEqual({ value: null });
    expect(readExpectedValue(choice, '"Platinum"').problem).toBe('Choose one of: Inadequate, Bronze, Silver, Gold.');
    expect(readExpectedValue(choice, '').problem).toBe('Choose the expected value.');
    const n = { id: 'x', label: 'X', kind: 'number' as const, min: 0, max: 100, integer: true };
    expect(readExpectedValue(n, '61')).toEqual({ value: 61 });
    expect(readExpectedValue(n, '')).toEqual({ value: null });
    expect(readExpectedValue(n, '101').problem).toBe('Enter 100 or less.');
    expect(readExpectedValue(n, '6.5').problem).toBe('Enter a whole number.');
  });
});
