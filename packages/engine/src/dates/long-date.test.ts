import { describe, expect, it } from 'vitest';
import { datesInText, longDate, monthName } from './long-date.js';

describe('dates as reports write them', () => {
  it('write an ISO date or date-time the UK way', () => {
    expect(longDate('2025-03-03')).toBe('3 March 2025');
    expect(longDate('2025-12-31T23:30:00Z')).toBe('31 December 2025');
  });

  it('leave text that is not a date as it stands', () => {
    expect(longDate('not recorded')).toBe('not recorded');
  });

  it('write every ISO date inside a text', () => {
    expect(datesInText('in place for more than 3 months: no, it was 2025-03-03')).toBe('in place for more than 3 months: no, it was 3 March 2025');
  });

  it('name months from 1 to 12 only', () => {
    expect([monthName(1), monthName(12), monthName(13)]).toEqual(['January', 'December', undefined]);
  });
});
