import { describe, expect, it } from 'vitest';
import { testshirePack } from '../test-fixtures/testshire-pack.js';
import { addDays, challengeWindow, DEFAULT_CHALLENGE_WINDOW_DAYS } from './challenge-window.js';

describe('the challenge window', () => {
  it('is the documented default, named as an interpretation, when neither pack nor council sets one', () => {
    const w = challengeWindow(testshirePack(), null, '2025-02-20');
    expect(w).toMatchObject({ days: DEFAULT_CHALLENGE_WINDOW_DAYS, until: '2025-03-06', basis: 'council' });
    expect(w.why).toContain('Interpretation');
  });

  it("is the council's setting over the default", () => {
    expect(challengeWindow(testshirePack(), 10, '2025-02-20')).toMatchObject({ days: 10, until: '2025-03-02', basis: 'council' });
  });

  it("is the pack's declared parameter, cited, over the council's setting", () => {
    const pack = testshirePack();
    pack.parameters = { challengeWindowDays: { label: 'Factual accuracy comments within', type: 'integer', unit: 'days', value: 21, source: { doc: 'qaf', section: '3' } } };
    const w = challengeWindow(pack, 10, '2025-02-20');
    expect(w).toMatchObject({ days: 21, until: '2025-03-13', basis: 'pack' });
    expect(w.why).toBe('Factual accuracy comments within: Test framework, section 3');
  });

  it('counts calendar days across month and year ends', () => {
    expect(addDays('2024-12-25', 14)).toBe('2025-01-08');
    expect(addDays('2024-02-20', 10)).toBe('2024-03-01');
  });
});
