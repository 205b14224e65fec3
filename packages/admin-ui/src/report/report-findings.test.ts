import { describe, expect, it } from 'vitest';
import type { ProviderReport } from '../api/report-api.js';
import { findingWords, findings } from './report-findings.js';

const report = {
  rating: { label: 'Overall rating', value: 'Silver', pending: false },
  bands: [
    { instance: 'overallRating', band: 'Silver', nextBand: 'Gold', criteria: [{ id: 'c4', wording: 'Complaints are answered', judgement: 'Partly met', needed: 'Fully met' }], otherReasons: [] },
    { instance: 'domainRating.care', domain: 'Care', band: 'Gold', criteria: [{ id: 'c4', wording: 'Complaints are answered', judgement: 'Partly met', needed: 'Fully met' }], otherReasons: [] },
  ],
} as unknown as ProviderReport;

describe('report findings', () => {
  it('lists each band, each criterion once by its wording, then the note, actions and next visit', () => {
    expect(findings(report)).toEqual([
      { key: 'overallRating', words: 'Overall rating: Silver' },
      { key: 'c4', words: 'Complaints are answered' },
      { key: 'domainRating.care', words: 'Care: Gold' },
      { key: 'evidence', words: "The officer's note on the visit" },
      { key: 'actions', words: 'Actions' },
      { key: 'next-visit', words: 'Next visit' },
    ]);
  });

  it('names a finding by its words, falling back to the key', () => {
    expect(findingWords(report, 'c4')).toBe('Complaints are answered');
    expect(findingWords(report, 'c9')).toBe('c9');
  });
});
