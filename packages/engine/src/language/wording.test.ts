import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { decisionInstanceWords, decisionInstanceWordsBy, everyWords, leafConditionWords, operatorWords } from './wording.js';

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
  it('says the same from the words alone (a reader holding only labels and titles, as the work queue)', () => {
    const labels = new Map([['overallRating', 'Overall rating'], ['domainBand', 'Domain band']]);
    const titles = new Map([['safety', 'Safety']]);
    const words = { decision: (id: string) => labels.get(id), domain: (id: string) => titles.get(id) };
    for (const id of ['overallRating', 'domainBand.safety', 'actions', 'constructor', 'nothing.safety']) expect(decisionInstanceWordsBy(id, words)).toBe(decisionInstanceWords(pack, id));
    expect(decisionInstanceWordsBy('domainBand.wellLed', words)).toBe('Domain band: wellLed');
  });
});

describe('lessThan in words', () => {
  const helpers = { value: (v: unknown) => String(v), name: (id: string) => id, subject: (fact: string) => ({ weighted: 'Weighted score', visitsMissed: 'The number of visits missed' }[fact] ?? fact) };
  it('reads a score, a percentage or any number named as a subject as "less than", never "fewer than"', () => {
    expect(operatorWords('lessThan')).toBe('is less than');
    expect(leafConditionWords({ fact: 'weighted', operator: 'lessThan', value: 50 }, { text: '50' }, helpers)).toBe('Weighted score is less than 50');
    expect(leafConditionWords({ fact: 'visitsMissed', operator: 'lessThan', value: 3 }, { text: '3' }, helpers)).toBe('The number of visits missed is less than 3');
  });
  it('reads a count of criteria or domains, counted as things, as "fewer than"', () => {
    expect(leafConditionWords({ fact: 'criteriaCount', params: { is: 'Not met' }, operator: 'lessThan', value: 3 }, { text: '3' }, helpers)).toBe('fewer than 3 criteria judged Not met');
    expect(leafConditionWords({ fact: 'domainCount', params: { decision: 'rating', is: 'Gold' }, operator: 'lessThan', value: 2 }, { text: '2' }, helpers)).toBe('fewer than 2 domains whose rating is Gold');
  });
});

describe('everyWords', () => {
  it('says one unit without its number and more in the plural, never "every 1 months"', () => {
    expect([everyWords(1, 'month'), everyWords(3, 'month'), everyWords(1, 'day'), everyWords(14, 'day'), everyWords('1', 'year'), everyWords(2, 'year')])
      .toEqual(['every month', 'every 3 months', 'every day', 'every 14 days', 'every year', 'every 2 years']);
  });
});
