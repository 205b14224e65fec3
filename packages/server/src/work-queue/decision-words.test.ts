import { describe, expect, it } from 'vitest';
import type { Pack } from '../engine/index.js';
import { decisionTitle, decisionWords } from './decision-words.js';

// Enough of a pack for the words: a whole-pack decision and a per-domain one.
const pack = {
  decisions: { overallRating: { label: 'Overall rating' }, domainRating: { label: 'Domain rating', forEach: 'domain' } },
  framework: { domains: [{ id: 'safe', title: 'Safe' }] },
} as unknown as Pack;

describe('decisionTitle', () => {
  it("names a decision by its label, and a per-domain one with the domain's title", () => {
    expect(decisionTitle(pack, 'overallRating')).toBe('Overall rating');
    expect(decisionTitle(pack, 'domainRating.safe')).toBe('Domain rating (Safe)');
  });

  it('keeps the id where the pack does not name it', () => {
    expect(decisionTitle(pack, 'domainRating.unknown')).toBe('Domain rating (unknown)');
    expect(decisionTitle(pack, 'level')).toBe('level');
    expect(decisionTitle(undefined, 'overallRating')).toBe('overallRating');
  });
});

describe('decisionWords', () => {
  const proposal = { decision: 'overallRating', proposed: 'Silver', role: 'team-manager', roleLabel: 'the team manager', due: '2027-01-18', source: 'Testshire 2', meanwhile: 'proposed' as const };

  it('says what is to be decided, the proposal, who decides and by when, in words, not ids', () => {
    expect(decisionWords(pack, proposal)).toBe('Overall rating: proposed Silver, to be decided by the team manager, by 18 January 2027');
  });

  it('leaves out the date where the pack gives none, and writes a number as it is', () => {
    const { due: _due, ...undated } = proposal;
    expect(decisionWords(pack, { ...undated, decision: 'domainRating.safe', proposed: 3 })).toBe('Domain rating (Safe): proposed 3, to be decided by the team manager');
  });
});
