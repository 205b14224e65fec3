import { describe, expect, it } from 'vitest';
import { completionAsOf, determinedAsOf } from './determined-as-of.js';

describe('the date a stored assessment is determined as of', () => {
  it('is the stored determination\'s asOf, or the assessment\'s date for a row without one', () => {
    expect(determinedAsOf({ asOf: '2025-03-11' }, '2025-03-03')).toBe('2025-03-11');
    expect(determinedAsOf({}, '2025-03-03')).toBe('2025-03-03');
    expect(determinedAsOf(null, '2025-03-03')).toBe('2025-03-03');
    expect(determinedAsOf({ asOf: 'soon' }, '2025-03-03')).toBe('2025-03-03');
  });

  it('for a completion: its day, never before the visit nor before the day its current determination was made as of', () => {
    expect(completionAsOf('2025-03-03', '2025-03-03', '2025-03-11')).toBe('2025-03-11');
    expect(completionAsOf('2025-03-03', '2025-03-03', '2025-03-03')).toBe('2025-03-03');
    // The request recorded (5 March) after the submission (11 March) was: the determination stays as of 11 March.
    expect(completionAsOf('2025-03-03', '2025-03-11', '2025-03-05')).toBe('2025-03-11');
  });
});
