import { describe, expect, it } from 'vitest';
import { decisionWords } from './decision-words.js';
import { INHERITED_NAMES } from './inherited-names.test-helpers.js';
import { testPack } from './test-pack.test-helpers.js';

describe('a decision in the pack\'s words', () => {
  const pack = testPack();

  it('is the decision\'s label', () => {
    expect(decisionWords(pack, 'domainRating')).toBe('Domain rating');
  });

  it('names the domain of a decision taken per domain by its title', () => {
    expect(decisionWords(pack, 'domainRating.safe')).toBe('Domain rating: Safe');
  });

  it('keeps an id the pack has no words for', () => {
    expect(decisionWords(pack, 'domainRating.elsewhere')).toBe('Domain rating: elsewhere');
    expect(decisionWords(pack, 'noSuchDecision')).toBe('noSuchDecision');
  });

  it.each(INHERITED_NAMES)('reads "%s" as an id the pack has no decision of, not an inherited member', (name) => {
    expect(decisionWords(pack, name)).toBe(name);
    expect(decisionWords(pack, `${name}.safe`)).toBe(`${name}: Safe`);
  });
});
