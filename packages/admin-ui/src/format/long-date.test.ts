import { describe, expect, it } from 'vitest';
import { datesInText, longDate, longDateTime, longMonth } from './long-date.js';

describe('longDate', () => {
  it('writes dates the UK way, day without a leading zero', () => {
    expect(longDate('2026-12-01')).toBe('1 December 2026');
    expect(longDate('2025-02-28')).toBe('28 February 2025');
  });
  it('reads a date-time in UTC', () => {
    expect(longDate('2026-12-01T23:30:00.000Z')).toBe('1 December 2026');
    expect(longDateTime('2026-12-01T14:05:09Z')).toBe('1 December 2026, 14:05 UTC');
  });
  it('leaves text that is not a date as it stands', () => {
    expect(longDate('not yet')).toBe('not yet');
    expect(longDateTime('soon')).toBe('soon');
  });
});

describe('longMonth', () => {
  it('writes a month as its name and year, and leaves other text alone', () => {
    expect(longMonth('2026-12')).toBe('December 2026');
    expect(longMonth('2025-01')).toBe('January 2025');
    expect(longMonth('2025-13')).toBe('2025-13');
    expect(longMonth('soon')).toBe('soon');
  });
});

describe('datesInText', () => {
  it('writes each ISO date in a text the UK way and leaves the rest', () => {
    expect(datesInText('Visit record of 2025-12-10 not submitted (started 2025-12-01)')).toBe('Visit record of 10 December 2025 not submitted (started 1 December 2025)');
    expect(datesInText('Birmingham QAF s3.2 — 12 of 15')).toBe('Birmingham QAF s3.2 — 12 of 15');
  });
});
