import { describe, expect, it } from 'vitest';
import { operatorWords } from '@openqaf/engine/browser';
import { describeCondition, describeValue } from './describe-condition.js';

describe('describeCondition', () => {
  it('prefers the author\'s label', () => {
    expect(describeCondition({ fact: 'x', operator: 'equal', value: 1, label: 'x is one' })).toBe('x is one');
  });

  it('reads a count of criteria with the domain\'s own number', () => {
    const text = describeCondition(
      { fact: 'criteriaCount', params: { domain: '$domain', atLeast: 'Fully met' }, operator: 'greaterThanInclusive', value: { param: 'silverMinFullyMet' } },
      { silverMinFullyMet: 12 },
    );
    expect(text).toBe('the number of criteria judged at least Fully met is at least 12 (silverMinFullyMet)');
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
    expect(describeValue({ clamp: { value: { sum: [1, { param: 'extra' }] }, min: 0 } }, { extra: 2 })).toBe('the sum of 1, 2 (extra), kept at least 0');
  });

  it('uses the engine\'s words for every operator, as the trace does', () => {
    expect(describeCondition({ fact: 'visitsMissed', operator: 'lessThan', value: 3 })).toBe(`Visits missed ${operatorWords('lessThan')} 3`);
    expect(describeCondition({ fact: 'visitsMissed', operator: 'lessThan', value: 3 })).toBe('Visits missed is fewer than 3');
    expect(describeCondition({ fact: 'concerns', operator: 'contains', value: 'falls' })).toBe('Concerns contains falls');
  });

  it('reads counts of flagged criteria and of domains with the engine\'s fact words', () => {
    expect(describeCondition({ fact: 'criteriaCount', params: { domain: 'safe', flag: 'mandatory', is: 'Not met' }, operator: 'equal', value: 0 }))
      .toBe('the number of mandatory criteria in safe judged Not met is 0');
    expect(describeCondition({ fact: 'domainCount', params: { decision: 'domainRating', atMost: 'Bronze' }, operator: 'greaterThanInclusive', value: 2 }))
      .toBe('the number of domains whose domain rating is at most Bronze is at least 2');
  });

  it('reads presence without its value', () => {
    expect(describeCondition({ fact: 'concernsRaised', operator: 'present', value: false })).toBe('Concerns raised is not recorded');
    expect(describeCondition({ fact: 'concernsRaised', operator: 'present', value: true })).toBe('Concerns raised is recorded');
  });
});
