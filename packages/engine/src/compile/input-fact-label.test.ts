import { describe, expect, it } from 'vitest';
import { inputFactLabel } from './input-fact-label.js';

describe('an input fact named in an explanation', () => {
  it('reads as its title when the pack gives one', () => {
    expect(inputFactLabel('visitType', { title: 'Visit type', description: 'The kind of visit.' })).toBe('Visit type');
  });

  it('reads as the lead of its description when there is no title, never as its name', () => {
    // Birmingham's inputs carry descriptions only (pack.json `inputs.properties.visitType`).
    expect(inputFactLabel('visitType', { description: 'The kind of visit: the annual visit (the default), a focussed visit after negative intelligence, or a re-inspection to validate improvement.' })).toBe('The kind of visit');
    expect(inputFactLabel('serviceType', { description: 'The service assessed. The guidance (000) covers Home Support and Supported Living.' })).toBe('The service assessed');
    expect(inputFactLabel('pqasNotSubmittedInTime', { description: 'The PQAS (assurance statement) was not submitted within the timescale requested.' })).toBe('The PQAS (assurance statement) was not submitted within the timescale requested');
  });

  it('keeps the item after a colon that starts with a capital (a list of triggers, each its own)', () => {
    expect(inputFactLabel('triggerContractBreach', { description: 'Focussed inspection trigger: Evidence of a breach of contract.' })).toBe('Focussed inspection trigger: Evidence of a breach of contract');
  });

  it('falls back to the name only when the pack gives neither', () => {
    expect(inputFactLabel('weeklyHours', {})).toBe('weeklyHours');
    expect(inputFactLabel('weeklyHours', undefined)).toBe('weeklyHours');
  });
});
