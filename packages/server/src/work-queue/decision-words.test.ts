import { describe, expect, it } from 'vitest';
import { decisionWords, type PackWords } from './decision-words.js';

const words: PackWords = {
  decisions: new Map([['providerQualityRating', 'Provider Quality Rating (PQR)'], ['domainRating', 'Domain rating']]),
  domains: new Map([['safe', 'Safe']]),
};

describe('a decision in the pack\'s words', () => {
  it('is the decision\'s label', () => {
    expect(decisionWords('providerQualityRating', words)).toBe('Provider Quality Rating (PQR)');
  });

  it('names the domain of a decision taken per domain by its title', () => {
    expect(decisionWords('domainRating.safe', words)).toBe('Domain rating: Safe');
    expect(decisionWords('domainRating.wellLed', words)).toBe('Domain rating: wellLed');
  });

  it('falls back to the id where the pack has no words for it', () => {
    expect(decisionWords('qualityThresholdLevel', words)).toBe('qualityThresholdLevel');
    expect(decisionWords('qualityThresholdLevel', undefined)).toBe('qualityThresholdLevel');
  });
});
