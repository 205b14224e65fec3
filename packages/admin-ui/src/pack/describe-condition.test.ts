import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LeafCondition, Pack } from '@openqaf/engine';
import { operatorWords } from '@openqaf/engine/browser';
import { PackWords, describeCondition, describeValue, paramWords, parametersOutsideDomain } from './describe-condition.js';
import { INHERITED_NAMES, INHERITED_READ } from './inherited-names.test-helpers.js';
import { testPack } from './test-pack.test-helpers.js';

const bolton = (): Pack => JSON.parse(readFileSync(`${process.cwd()}/../councils-bolton/pack/pack.json`, 'utf8')) as Pack;
const birmingham = (): Pack => JSON.parse(readFileSync(`${process.cwd()}/../councils-birmingham/pack/pack.json`, 'utf8')) as Pack;

describe('describeCondition', () => {
  it('prefers the author\'s label', () => {
    expect(describeCondition({ fact: 'x', operator: 'equal', value: 1, label: 'x is one' })).toBe('x is one');
  });

  it('reads a count of criteria with the domain\'s own number', () => {
    const text = describeCondition(
      { fact: 'criteriaCount', params: { domain: '$domain', atLeast: 'Fully met' }, operator: 'greaterThanInclusive', value: { param: 'silverMinFullyMet' } },
      { silverMinFullyMet: 12 },
    );
    expect(text).toBe('at least 12 criteria judged at least Fully met');
  });

  it('joins all, any and not', () => {
    const text = describeCondition({
      all: [{ fact: 'cqcRating', operator: 'in', value: ['Good', 'Outstanding'] }, { not: { fact: 'concernsRaised', operator: 'equal', value: true } }],
    });
    expect(text).toBe('CQC rating is one of Good, Outstanding and not (Concerns raised is true)');
  });

  it('describes mapped and most-recent expressions', () => {
    expect(describeValue({ map: 'cqcToRating', of: { fact: 'cqcRating' } })).toBe('the CQC rating mapped by cqcToRating');
    expect(describeValue({ mostRecent: [{ label: 'CQC', value: 1, date: 'x' }, { label: 'QMV', value: 2, date: 'y' }] })).toBe('the most recent of CQC, QMV');
  });

  it('words every expression form with the engine\'s words, not as JSON', () => {
    expect(describeValue({ addMonths: 3, to: { fact: 'noticeIssuedOn' } })).toBe('3 months after the notice issued on');
    expect(describeValue({ clamp: { value: { sum: [1, { param: 'extra' }] }, min: 0 } }, { extra: 2 })).toBe('the sum of 1, 2, kept at least 0');
  });

  it('reads an expression compared on the left side in the pack\'s words (issue 10)', () => {
    const pack = { inputs: { type: 'object', properties: { weightedScore: { title: 'Weighted score' }, penaltyPoints: { title: 'Penalty points' } } }, decisions: {} } as unknown as Pack;
    const leaf: LeafCondition = { expression: { subtract: [{ fact: 'weightedScore' }, { fact: 'penaltyPoints' }] }, operator: 'lessThan', value: 50 };
    expect(describeCondition(leaf, {}, new PackWords(pack))).toBe('Weighted score minus Penalty points is less than 50');
    expect(describeCondition({ expression: { percentage: { part: { fact: 'visitsMissed' }, of: { fact: 'visitsDue' } } }, operator: 'greaterThan', value: { param: 'maxMissed' } }, { maxMissed: 10 }))
      .toBe('Visits missed as a percentage of Visits due is more than 10');
  });

  it('uses the engine\'s words for every operator, as the trace does', () => {
    expect(describeCondition({ fact: 'visitsMissed', operator: 'lessThan', value: 3 })).toBe(`Visits missed ${operatorWords('lessThan')} 3`);
    expect(describeCondition({ fact: 'visitsMissed', operator: 'lessThan', value: 3 })).toBe('Visits missed is less than 3');
    // A score reads "less than" (issue 10's audit: "Weighted score is fewer than 50"); only a count of criteria or domains reads "fewer than".
    expect(describeCondition({ fact: 'weightedScore', operator: 'lessThan', value: 50 })).toBe('Weighted score is less than 50');
    expect(describeCondition({ fact: 'criteriaCount', params: { is: 'Not met' }, operator: 'lessThan', value: 3 })).toBe('fewer than 3 criteria judged Not met');
    expect(describeCondition({ fact: 'concerns', operator: 'contains', value: 'falls' })).toBe('Concerns contains falls');
  });

  it('reads counts of flagged criteria and of domains with the engine\'s fact words', () => {
    expect(describeCondition({ fact: 'criteriaCount', params: { domain: 'safe', flag: 'mandatory', is: 'Not met' }, operator: 'equal', value: 0 }))
      .toBe('no mandatory criteria in safe judged Not met');
    expect(describeCondition({ fact: 'domainCount', params: { decision: 'domainRating', atMost: 'Bronze' }, operator: 'greaterThanInclusive', value: 2 }))
      .toBe('at least 2 domains whose domain rating is at most Bronze');
  });

  it('names a flag by its label from the framework\'s flag declaration, never by its id', () => {
    const pack = birmingham();
    // A label that is not its id ("mandatory"), as a council may word it.
    pack.framework!.flags!.mandatory!.label = 'Key to safe care';
    const safeguarding = pack.framework!.domains.find((d) => d.id === 'safeguarding')!;
    expect(describeCondition({ fact: 'criteriaCount', params: { domain: 'safeguarding', flag: 'mandatory', is: 'Not met' }, operator: 'equal', value: 0 }, {}, new PackWords(pack)))
      .toBe(`no key to safe care criteria in ${safeguarding.title} judged Not met`);
    expect(describeCondition({ fact: 'criteriaCount', params: { notFlag: 'mandatory', atLeast: 'Fully met' }, operator: 'greaterThanInclusive', value: 1 }, {}, new PackWords(pack)))
      .toBe('at least 1 criterion not key to safe care judged at least Fully met');
  });

  it("reads Birmingham's parameters as the domain's number, the pack-wide value or each domain's, never the id or label", () => {
    const pack = birmingham();
    const silver = pack.decisions.domainRating!.rules!.find((r) => JSON.stringify(r.when).includes('"silverMinFullyMet"'))!;
    const leaf = (silver.when as { all: LeafCondition[] }).all.find((c) => JSON.stringify(c.value).includes('silverMinFullyMet'))!;
    const involvement = pack.framework!.domains.find((d) => d.id === 'involvement')!;
    // 000 s3.2.2, Involvement and information: "At least 9 of the 12 criteria are rated Fully met".
    const inDomain = describeCondition(leaf, involvement.parameters, pack.parameters);
    expect(inDomain).toBe('at least 9 criteria judged Fully met');
    expect(inDomain).not.toContain('silverMinFullyMet');
    // Shown once for every domain, the number reads as each domain's (000 s3.2.2: 9, 13, 12, 15 and 13 for Silver), never as a quoted label.
    const outside = describeCondition(leaf, {}, parametersOutsideDomain(pack));
    expect(outside).toBe("at least the domain's number of criteria judged Fully met (Involvement and information 9, Personalised care and support 13, Safeguarding and safety 12, Suitability of staffing 15, Quality of management 13)");
    expect(outside).not.toContain('"');
    // A pack-wide parameter: 000 s4.1, the IAP submitted "within 7 days".
    expect(describeValue({ param: 'iapSubmitDays' }, {}, pack.parameters)).toBe('7');
    expect(describeValue({ param: 'undeclared' })).toBe('the declared number');
  });

  it("reads Bolton's facts by the pack's titles and labels, and its size threshold by its value (003 A1: more than 6 beds)", () => {
    const pack = bolton();
    const words = new PackWords(pack);
    expect(describeCondition({ fact: 'beds', operator: 'greaterThan', value: { param: 'residentialMoreThanBeds' } }, {}, words)).toBe('Beds is more than 6');
    const larger = pack.decisions.minimumVisitsPerYear!.rules!.find((r) => r.id === 'larger-services')!;
    const text = describeCondition(larger.when, {}, words);
    expect(text).toMatch(/^Service type in the minimum visit frequency tables is one of Larger Residential Services, Larger Domiciliary Services/);
    expect(text).not.toMatch(/Visit frequency service type/);
  });

  it('reads presence without its value', () => {
    expect(describeCondition({ fact: 'concernsRaised', operator: 'present', value: false })).toBe('Concerns raised is not recorded');
    expect(describeCondition({ fact: 'concernsRaised', operator: 'present', value: true })).toBe('Concerns raised is recorded');
  });

  it("names a domain by the framework's title and counts one criterion in the singular (Birmingham)", () => {
    const leaf = { fact: 'criteriaCount', params: { domain: 'safeguarding', is: 'Not met' }, operator: 'greaterThanInclusive', value: 1 } as LeafCondition;
    expect(describeCondition(leaf, {}, new PackWords(birmingham()))).toBe('at least 1 criterion in Safeguarding and safety judged Not met');
  });
});

describe('names every object has through its prototype (toString, constructor, __proto__)', () => {
  it.each(INHERITED_NAMES)('reads "%s" as no such parameter, domain number, decision, input or flag', (name) => {
    const words = new PackWords(testPack());
    expect(paramWords(name, {}, words)).toEqual({ text: 'the declared number' });
    expect(paramWords(name, {}, testPack().parameters)).toEqual({ text: 'the declared number' });
    expect(paramWords(name, {}, parametersOutsideDomain(testPack()))).toEqual({ text: 'the declared number' });
    expect(words.flagLabel(name)).toBe(name);
    const text = describeCondition({ fact: name, operator: 'greaterThanInclusive', value: { param: name } }, {}, words);
    expect(text).not.toMatch(INHERITED_READ);
    expect(text).toContain('the declared number');
    expect(describeValue({ fact: `${name}.safe` }, {}, words)).not.toMatch(INHERITED_READ);
  });

  it('still reads a parameter the pack declares under such a name', () => {
    const pack = testPack();
    pack.parameters = JSON.parse('{ "constructor": { "label": "Odd name", "type": "integer", "value": 4, "source": { "doc": "000", "section": "3.1" } }, "__proto__": { "label": "Odder", "type": "integer", "value": 5, "source": { "doc": "000", "section": "3.1" } } }') as Pack['parameters'];
    expect(paramWords('constructor', {}, new PackWords(pack))).toEqual({ text: '4' });
    expect(paramWords('__proto__', {}, new PackWords(pack))).toEqual({ text: '5' });
    expect(paramWords('toString', {}, new PackWords(pack))).toEqual({ text: 'the declared number' });
  });
});
