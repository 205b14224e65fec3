import { describe, expect, it } from 'vitest';
import type { Provider } from '../providers/provider-record.js';
import { factsFromProvider } from './provider-facts.js';

const provider = (over: Partial<Provider>): Provider => ({
  id: 'p1', councilId: 'c', name: 'Acme', cqcLocationId: '1-123', serviceType: 'Home Support', size: { beds: 12 }, facts: {},
  revision: 1, createdAt: '', updatedAt: '', latest: null, ...over,
});

const inputs = {
  properties: {
    serviceType: { type: 'string', enum: ['Home Support', 'Supported Living'] },
    beds: { type: 'integer' },
    concerns: { type: 'boolean' },
    cqcRating: { 'x-scale': 'cqc' },
    cqcRatingDate: { type: 'string', format: 'date' },
  },
};

describe('facts taken from the provider record', () => {
  it("fills the current CQC rating and its date the record keeps as other facts", () => {
    const rated = provider({ facts: { cqcRating: 'Good', cqcRatingDate: '2025-03-31', notRead: 'x' } });
    expect(factsFromProvider(inputs, rated)).toEqual({ serviceType: 'Home Support', beds: 12, cqcRating: 'Good', cqcRatingDate: '2025-03-31' });
  });

  it('fills the facts the pack declares under the same name', () => {
    expect(factsFromProvider(inputs, provider({}))).toEqual({ serviceType: 'Home Support', beds: 12 });
  });

  it('leaves out a value the pack would refuse, for the officer to enter', () => {
    expect(factsFromProvider(inputs, provider({ serviceType: 'Day care', size: { beds: 2.5 } }))).toEqual({});
  });

  it('fills nothing the record does not know', () => {
    expect(factsFromProvider(inputs, provider({ serviceType: null, size: {} }))).toEqual({});
  });
});
