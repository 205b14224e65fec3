import { describe, expect, it } from 'vitest';
import type { Determination } from '../engine/index.js';
import { testshirePack } from '../test-fixtures/testshire-pack.js';
import { determinationDifferences, sameJson } from './determination-differences.js';

type Compared = Pick<Determination, 'headline' | 'decisions' | 'actions' | 'schedule' | 'scores'>;

function determination(overrides: Partial<Compared> = {}): Compared {
  return {
    headline: { decision: 'overallRating', value: 'Silver', scale: 'band' },
    decisions: { overallRating: 'Silver', 'domainRating.safe': 'Silver' },
    actions: [{ id: 'plan', label: 'Action plan', owner: 'provider', due: '2026-07-01', source: 's' }],
    schedule: [{ id: 'visit', activity: 'visit', label: 'Monitoring visit', nextDue: '2027-01-01', source: 's' }],
    scores: { total: 12 },
    ...overrides,
  };
}

describe('determinationDifferences', () => {
  it('finds nothing when every output is the same', () => {
    expect(determinationDifferences(determination(), determination(), testshirePack())).toEqual([]);
  });

  it("lists a domain's band that changes while the headline does not, in the council's words", () => {
    const after = determination({ decisions: { overallRating: 'Silver', 'domainRating.safe': 'Bronze' } });
    const diffs = determinationDifferences(determination(), after, testshirePack());
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatchObject({ kind: 'decision', id: 'domainRating.safe', before: 'Silver', after: 'Bronze' });
    expect(diffs[0]!.explanation).toMatch(/: Silver -> Bronze$/);
    expect(diffs[0]!.explanation).not.toContain('/');
  });

  it('explains a headline, an action, the schedule and a score that change', () => {
    const after = determination({
      headline: { decision: 'overallRating', value: 'Bronze', scale: 'band' },
      decisions: { overallRating: 'Bronze', 'domainRating.safe': 'Silver' },
      actions: [],
      schedule: [{ id: 'visit', activity: 'visit', label: 'Monitoring visit', nextDue: '2026-10-01', source: 's' }],
      scores: { total: 11 },
    });
    const diffs = determinationDifferences(determination(), after, testshirePack());
    expect(diffs.map((d) => d.kind)).toEqual(['headline', 'actions', 'schedule', 'score']);
    expect(diffs[0]!.explanation).toBe('Overall rating: Silver -> Bronze');
    expect(diffs[1]!.explanation).toBe('Actions: no longer Action plan (due 2026-07-01)');
    expect(diffs[2]!.explanation).toBe('Schedule: now Monitoring visit (next 2026-10-01), no longer Monitoring visit (next 2027-01-01)');
    expect(diffs[3]!.explanation).toBe('Score total: 12 -> 11');
  });
});

describe('sameJson', () => {
  it('compares JSON values deeply, objects in any key order', () => {
    expect(sameJson({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true);
    expect(sameJson(Number.NaN, Number.NaN)).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});
