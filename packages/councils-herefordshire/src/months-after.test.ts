// Kept for stored versions (pack 1.0.0): the fact exactly as it behaved then, restored from cf0f94a^.
import { describe, expect, it } from 'vitest';
import plugin, { pack } from './index.js';
import { monthsAfter } from './months-after.js';

const issuedOn = (date: unknown): Record<string, unknown> => ({ advisoryNoticeOrPlacementSuspensionIssuedOn: date });
const threeMonths = { date: 'advisoryNoticeOrPlacementSuspensionIssuedOn', months: 3 };

describe('monthsAfter', () => {
  it('gives the same day three calendar months after the date of issue', () => {
    expect(monthsAfter(threeMonths, issuedOn('2025-01-15'))).toBe('2025-04-15');
  });

  it('clamps to the last day of a shorter target month', () => {
    expect(monthsAfter(threeMonths, issuedOn('2024-11-30'))).toBe('2025-02-28');
    expect(monthsAfter(threeMonths, issuedOn('2023-11-30'))).toBe('2024-02-29');
  });

  it('crosses a year end', () => {
    expect(monthsAfter(threeMonths, issuedOn('2024-10-31'))).toBe('2025-01-31');
  });

  it('is undefined when the date is not recorded, so no comparison with it holds', () => {
    expect(monthsAfter(threeMonths, {})).toBeUndefined();
  });

  it('is undefined for a value that is not a calendar date', () => {
    expect(monthsAfter(threeMonths, issuedOn('2025-02-30'))).toBeUndefined();
    expect(monthsAfter(threeMonths, issuedOn('15/01/2025'))).toBeUndefined();
    expect(monthsAfter(threeMonths, issuedOn(20250115))).toBeUndefined();
  });

  it('is undefined when its params do not name a fact and a whole number of months', () => {
    expect(monthsAfter({ months: 3 }, issuedOn('2025-01-15'))).toBeUndefined();
    expect(monthsAfter({ date: 'advisoryNoticeOrPlacementSuspensionIssuedOn', months: 1.5 }, issuedOn('2025-01-15'))).toBeUndefined();
  });
});

describe('monthsAfter is kept for stored versions only', () => {
  it('is not used by the current pack, which writes the 3 months as addMonths', () => {
    expect(pack.extensions?.facts ?? []).not.toContain('monthsAfter');
    expect(JSON.stringify(pack)).not.toContain('monthsAfter');
    expect(JSON.stringify(pack)).toContain('"addMonths"');
  });

  it('is supplied by the plugin, for the stored 1.0.0', () => {
    expect(plugin.extensions?.facts?.monthsAfter).toBe(monthsAfter);
  });
});
