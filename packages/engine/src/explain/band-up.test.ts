import { describe, expect, it } from 'vitest';
import { bandUp, takesWorseBand, worseBand } from './band-up.js';

describe('bandUp: the band one step towards the better end of the scale', () => {
  it('on a scale worst first (Birmingham: Inadequate, Bronze, Silver, Gold) it is the next value, none at Gold', () => {
    const rating = { label: 'Quality rating', values: ['Inadequate', 'Bronze', 'Silver', 'Gold'] };
    expect(bandUp(rating, 'Bronze')).toBe('Silver');
    expect(bandUp({ ...rating, better: 'last' }, 'Silver')).toBe('Gold');
    expect(bandUp(rating, 'Gold')).toBeUndefined();
  });

  it('on a scale best first (Bolton PQR, 1 = "No concerns") it is the value before, none at 1', () => {
    const pqr = { label: 'PQR', values: ['1', '2', '3', '4', '5'], better: 'first' as const };
    expect(bandUp(pqr, '3')).toBe('2');
    expect(bandUp(pqr, '5')).toBe('4');
    expect(bandUp(pqr, '1')).toBeUndefined();
  });

  it('a value that is no band (Herefordshire "Not determined") is never the band up, and has none', () => {
    const level = { label: 'Level', values: ['Not determined', 'Level 1', 'Level 2', 'Level 3'], better: 'first' as const, unrated: ['Not determined'] };
    expect(bandUp(level, 'Level 3')).toBe('Level 2');
    expect(bandUp(level, 'Level 2')).toBe('Level 1');
    expect(bandUp(level, 'Level 1')).toBeUndefined();
    expect(bandUp(level, 'Not determined')).toBeUndefined();
    // Worst first with the unrated value at the bottom: it is not the band up from anything either.
    expect(bandUp({ label: 'Size', values: ['Not classified', 'Small'], unrated: ['Not classified'] }, 'Not classified')).toBeUndefined();
  });

  it('a value off the scale has no band up', () => {
    expect(bandUp({ label: 'PQR', values: ['1', '2'], better: 'first' }, '7')).toBeUndefined();
  });
});

describe('takesWorseBand and worseBand: which way a hit policy and a scale go', () => {
  const pqr = { label: 'PQR', values: ['1', '2', '3', '4', '5'], better: 'first' as const };
  const rating = { label: 'Quality rating', values: ['Inadequate', 'Bronze', 'Silver', 'Gold'] };
  it('max takes the worse band on a best-first scale (Bolton: the highest PQR matched), min on a worst-first one', () => {
    expect(takesWorseBand('max', pqr)).toBe(true);
    expect(takesWorseBand('min', pqr)).toBe(false);
    expect(takesWorseBand('max', rating)).toBe(false);
    expect(takesWorseBand('min', rating)).toBe(true);
    expect(takesWorseBand('first', pqr)).toBe(false);
  });
  it('4 is worse than 3 on the PQR; Bronze worse than Silver; a value off the scale is neither', () => {
    expect(worseBand(pqr, '4', '3')).toBe(true);
    expect(worseBand(pqr, '2', '3')).toBe(false);
    expect(worseBand(rating, 'Bronze', 'Silver')).toBe(true);
    expect(worseBand(rating, 'Gold', 'Silver')).toBe(false);
    expect(worseBand(rating, { fact: 'x' }, 'Silver')).toBe(false);
  });
});
