import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { decisionInstanceWords } from './wording.js';

describe('decisionInstanceWords', () => {
  const pack = examplePack();
  it('names a decision by its label, and one domain\'s instance by the label and the domain\'s title', () => {
    expect(decisionInstanceWords(pack, 'overallRating')).toBe('Overall rating');
    expect(decisionInstanceWords(pack, 'domainBand.safety')).toBe('Domain band: Safety');
  });
  it('names the explanation\'s outcome groups, and leaves an id the pack does not have as it is', () => {
    expect(decisionInstanceWords(pack, 'actions')).toBe('Actions');
    expect(decisionInstanceWords(pack, 'constructor')).toBe('constructor');
    expect(decisionInstanceWords(pack, 'nothing.safety')).toBe('nothing.safety');
  });
});
