import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../types.js';
import { parameterWords, valueWordsText } from './parameter-words.js';
import { leafConditionWords } from '../wording.js';

const birmingham = (): Pack => JSON.parse(readFileSync(new URL('../../../../councils-birmingham/pack/pack.json', import.meta.url), 'utf8')) as Pack;
const helpers = { value: (v: unknown) => String(v), name: (id: string) => id, subject: (fact: string) => fact };

describe('parameterWords', () => {
  it("reads a per-domain number in one domain as that domain's value (000 s3.2.2: Safeguarding and safety, Silver at 12 Fully met)", () => {
    expect(parameterWords(birmingham(), 'silverMinFullyMet', 'safeguarding')).toEqual({ text: '12' });
  });

  it("reads a per-domain number outside a domain as the domain's number, with each domain's value by its title, never the label", () => {
    const w = parameterWords(birmingham(), 'silverMinFullyMet');
    // 000 s3.2.2: at least 9, 13, 12, 15 and 13 criteria Fully met for Silver.
    expect(w).toEqual({ text: "the domain's number", byDomain: 'Involvement and information 9, Personalised care and support 13, Safeguarding and safety 12, Suitability of staffing 15, Quality of management 13' });
    expect(valueWordsText(w)).not.toContain('Silver: criteria');
  });

  it('reads a pack-wide parameter as its value, inside a domain or not (000 s4.1: within 7 days)', () => {
    expect(parameterWords(birmingham(), 'iapSubmitDays')).toEqual({ text: '7' });
    expect(parameterWords(birmingham(), 'iapSubmitDays', 'staffing')).toEqual({ text: '7' });
  });

  it('reads a number every domain sets alike as that one value, and an undeclared one without its id', () => {
    const pack = birmingham();
    for (const d of pack.framework!.domains) d.parameters = { ...d.parameters, silverMinFullyMet: 10 };
    expect(parameterWords(pack, 'silverMinFullyMet')).toEqual({ text: '10' });
    expect(valueWordsText(parameterWords(pack, 'notDeclared'))).toBe('the declared number');
  });
});

describe('leafConditionWords', () => {
  const silver = { fact: 'criteriaCount', params: { domain: '$domain', is: 'Fully met' }, operator: 'greaterThanInclusive', value: { param: 'silverMinFullyMet' } };

  it('reads a count by its count words with the number before what is counted', () => {
    expect(leafConditionWords(silver, { text: '12' }, helpers)).toBe('at least 12 criteria judged Fully met');
  });

  it("reads a count against each domain's number with the numbers after it", () => {
    expect(leafConditionWords(silver, parameterWords(birmingham(), 'silverMinFullyMet'), helpers))
      .toBe("at least the domain's number of criteria judged Fully met (Involvement and information 9, Personalised care and support 13, Safeguarding and safety 12, Suitability of staffing 15, Quality of management 13)");
  });

  it('reads a count of one in the singular and exactly none as "no"', () => {
    expect(leafConditionWords({ fact: 'criteriaCount', params: { flag: 'mandatory', is: 'Not met' }, operator: 'greaterThanInclusive', value: 1 }, { text: '1' }, helpers)).toBe('at least 1 mandatory criterion judged Not met');
    expect(leafConditionWords({ fact: 'criteriaCount', params: { is: 'Not met' }, operator: 'equal', value: 0 }, { text: '0' }, helpers)).toBe('no criteria judged Not met');
  });

  it('reads any other fact by its subject and the comparison', () => {
    expect(leafConditionWords({ fact: 'weeklyHours', operator: 'greaterThan', value: { param: 'largeOverWeeklyHours' } }, { text: '2000' }, { ...helpers, subject: () => 'Weekly hours' }))
      .toBe('Weekly hours is more than 2000');
  });
});
