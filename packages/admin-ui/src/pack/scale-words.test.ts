import { describe, expect, it } from 'vitest';
import type { Pack } from '@openqaf/engine';
import { isCategoryScale } from './scale-words.js';
import { INHERITED_NAMES } from './inherited-names.test-helpers.js';

/** A pack with a rating (ranked by a "first" decision), visit types (collected) and a service type (unique). */
const pack = {
  scales: {
    rating: { label: 'Rating', values: ['Inadequate', 'Bronze', 'Silver', 'Gold'] },
    visitType: { label: 'Visit type', values: ['QM1', 'PAMMs', 'QM7'] },
    serviceType: { label: 'Service type', values: ['Extra Care', 'Adult day care'] },
    scored: { label: 'Statement', values: ['Poor', 'Good'], points: { Poor: 0, Good: 1 } },
    unused: { label: 'Unused', values: ['A', 'B'] },
    score: { label: 'Score', numeric: { min: 0, max: 100, integer: true } },
  },
  decisions: {
    overall: { label: 'Overall', scale: 'rating', hitPolicy: 'first', rules: [] },
    visits: { label: 'Visits', scale: 'visitType', hitPolicy: 'collect', rules: [] },
    service: { label: 'Service', scale: 'serviceType', hitPolicy: 'unique', rules: [] },
    statement: { label: 'Statement', scale: 'scored', hitPolicy: 'collect', rules: [] },
  },
} as unknown as Pack;

describe('scales whose values are categories (shown without "<")', () => {
  it('ranks a scale a "first" decision gives a value on', () => {
    expect(isCategoryScale(pack, 'rating')).toBe(false);
  });

  it('treats values collected, or picked exactly one of, as categories', () => {
    expect(isCategoryScale(pack, 'visitType')).toBe(true);
    expect(isCategoryScale(pack, 'serviceType')).toBe(true);
  });

  it('keeps the order of a scale whose values score points, that no decision uses, or that is numeric', () => {
    expect(isCategoryScale(pack, 'scored')).toBe(false);
    expect(isCategoryScale(pack, 'unused')).toBe(false);
    expect(isCategoryScale(pack, 'score')).toBe(false);
  });
});

describe('a scale name every object has through its prototype', () => {
  it.each(INHERITED_NAMES)('"%s" names no scale of the pack, so no category scale', (name) => {
    const odd = { ...pack, decisions: { picked: { label: 'Picked', scale: name, hitPolicy: 'unique', rules: [] } } } as unknown as Pack;
    expect(isCategoryScale(odd, name)).toBe(false);
  });
});
