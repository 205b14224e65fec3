import { describe, expect, it } from 'vitest';
import { assessmentFormModel, factsFromForm, readFactValue } from './assessment-form-model.js';
import { testPack } from './test-pack.test-helpers.js';

describe('assessmentFormModel', () => {
  const model = assessmentFormModel(testPack());

  it('groups criteria by domain and standard with the judgements each may take', () => {
    expect(model.groups[0]!.title).toBe('Safe');
    const criteria = model.groups[0]!.standards[0]!.criteria;
    expect(criteria.find((c) => c.id === 's-01')!.judgements).toEqual(['Not met', 'Partly met', 'Fully met']);
    expect(criteria.find((c) => c.id === 's-03')!.judgements).toEqual(['Not met', 'Partly met', 'Fully met', 'Exceptional']);
    expect(model.judgementsRequired).toBe(true);
  });

  it('turns scale facts into choices, booleans into yes/no and dates into date fields', () => {
    expect(model.facts).toEqual([
      { name: 'cqcRating', label: 'CQC rating', hint: 'The latest CQC rating', kind: 'choice', choices: ['Inadequate', 'Requires Improvement', 'Good', 'Outstanding'], required: false },
      { name: 'cqcRatingDate', label: 'CQC rating date', hint: 'Date of the CQC rating', kind: 'date', required: false },
      { name: 'concernsRaised', label: 'Concerns raised', hint: 'Concerns raised since the last visit', kind: 'yes-no', required: false },
    ]);
  });

  it('leaves empty controls out of the facts and converts yes/no to booleans', () => {
    expect(factsFromForm(model, { cqcRating: 'Good', cqcRatingDate: '', concernsRaised: 'no' })).toEqual({ cqcRating: 'Good', concernsRaised: false });
  });

  it('reads one fact from its control, refusing an empty value or a number out of bounds', () => {
    const [cqc, , concerns] = model.facts;
    expect(readFactValue(cqc!, 'Good')).toEqual({ value: 'Good' });
    expect(readFactValue(concerns!, 'no')).toEqual({ value: false });
    expect(readFactValue(cqc!, '').problem).toBe('Choose or enter a value, or remove the fact.');
    const beds = { name: 'beds', label: 'Beds', kind: 'number' as const, required: false, min: 0 };
    expect(readFactValue(beds, '7')).toEqual({ value: 7 });
    expect(readFactValue(beds, '-1').problem).toBe('Enter 0 or more.');
  });
});
