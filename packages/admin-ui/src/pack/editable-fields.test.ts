import { describe, expect, it } from 'vitest';
import type { Pack } from '@openqaf/engine';
import { validatePack } from '@openqaf/engine/browser';
import { checkFieldValue, editableFields, humanize } from './editable-fields.js';
import { testPack } from './test-pack.test-helpers.js';

describe('editableFields', () => {
  const fields = editableFields(testPack());

  it('offers each domain threshold bounded by the number of criteria in the domain', () => {
    const f = fields.find((x) => x.pointer === '/framework/domains/0/parameters/silverMinFullyMet')!;
    // Labelled by the condition the number is compared in, under the domain's title; never from the parameter's id.
    expect(f).toMatchObject({ group: 'thresholds', section: 'Safe', label: 'At least … criteria judged at least Fully met', value: 2, integer: true, min: 0, max: 3 });
    expect(f.context).toBe('Silver: at least [this number] Fully met');
    expect(f.source).toEqual({ doc: '000', section: '3.2' });
  });

  it('bounds a threshold compared with a count of flagged criteria by the criteria counted, as the engine does', () => {
    const pack = testPack();
    const silver = pack.decisions.domainRating!.rules![0]!;
    silver.when = { all: [{ fact: 'criteriaCount', params: { domain: '$domain', flag: 'mandatory', atLeast: 'Fully met' }, operator: 'greaterThanInclusive', value: { param: 'silverMinFullyMet' } }] };
    pack.framework!.domains[0]!.parameters = { silverMinFullyMet: 1 };
    const f = editableFields(pack).find((x) => x.pointer === '/framework/domains/0/parameters/silverMinFullyMet')!;
    expect(f).toMatchObject({ max: 1, limitNote: 'it counts 1 of the 3 criteria in this domain' });
    expect(checkFieldValue(f, '2').problem).toBe('Enter a number from 0 to 1 (it counts 1 of the 3 criteria in this domain).');
    // The engine refuses the value the editor refuses, and accepts the one it accepts.
    pack.framework!.domains[0]!.parameters = { silverMinFullyMet: 2 };
    expect(validatePack(pack).errors.map((e) => e.code)).toContain('parameter');
    pack.framework!.domains[0]!.parameters = { silverMinFullyMet: 1 };
    expect(validatePack(pack).errors.map((e) => e.code)).not.toContain('parameter');
  });

  it('offers mapping entries as a choice of the target scale', () => {
    const f = fields.find((x) => x.pointer === '/mappings/cqcToRating/table/Good')!;
    expect(f).toMatchObject({ kind: 'choice', value: 'Silver', choices: ['Inadequate', 'Bronze', 'Silver', 'Gold'] });
  });

  it('offers visit intervals, action due days and criterion titles', () => {
    expect(fields.find((x) => x.pointer === '/outcomes/schedule/0/every/months')).toMatchObject({ group: 'visits', value: 12 });
    expect(fields.find((x) => x.pointer === '/outcomes/actions/0/due/days')).toMatchObject({ group: 'actions', value: 7 });
    expect(fields.find((x) => x.pointer === '/framework/domains/0/standards/0/criteria/1/title')).toMatchObject({ group: 'criteria', value: 'Staff are trained' });
  });

  it('labels a domain number by its declared label when there is one, else by its condition\'s own label', () => {
    const pack = testPack();
    const leaf = (pack.decisions.domainRating!.rules![0]!.when as { all: { label?: string }[] }).all[0]!;
    leaf.label = 'Fully met criteria, at least';
    expect(editableFields(pack).find((x) => x.pointer === '/framework/domains/0/parameters/silverMinFullyMet')!.label).toBe('Fully met criteria, at least');
    pack.parameters = { silverMinFullyMet: { label: 'Silver: Fully met criteria at least', source: { doc: '000', section: '3.2' } } } as unknown as Pack['parameters'];
    // (With a declaration the declared fields are shown: the label is the declaration's.)
    expect(editableFields(pack).find((x) => x.pointer === '/framework/domains/0/parameters/silverMinFullyMet')!.label).toBe('Silver: Fully met criteria at least');
  });

  it('finds numbers inside rule conditions', () => {
    expect(fields.find((x) => x.pointer === '/decisions/overall/rules/0/when/all/0/value')).toMatchObject({ label: 'no domain Inadequate', value: 0, integer: true });
  });

  it('finds nothing to edit in a pack without framework or outcomes entries', () => {
    const bare = { ...testPack(), framework: undefined, mappings: undefined, outcomes: { headline: 'overall' } } as unknown as Pack;
    expect(editableFields(bare).filter((f) => f.group !== 'thresholds')).toEqual([]);
  });
});

describe('checkFieldValue', () => {
  const threshold = editableFields(testPack()).find((x) => x.pointer === '/framework/domains/0/parameters/silverMinFullyMet')!;

  it('accepts a whole number within the domain', () => {
    expect(checkFieldValue(threshold, '3')).toEqual({ value: 3 });
  });

  it('refuses a negative threshold, saying how many criteria the domain has', () => {
    expect(checkFieldValue(threshold, '-1').problem).toBe('Enter a number from 0 to 3 (there are 3 criteria in this domain).');
  });

  it('refuses text and fractions in plain words', () => {
    expect(checkFieldValue(threshold, 'abc').problem).toBe('"abc" is not a number.');
    expect(checkFieldValue(threshold, '2.5').problem).toBe('Enter a whole number.');
    expect(checkFieldValue(threshold, ' ').problem).toBe('Enter a number.');
  });

  it('refuses an empty criterion title', () => {
    const title = editableFields(testPack()).find((x) => x.group === 'criteria')!;
    expect(checkFieldValue(title, '').problem).toBe('This cannot be empty.');
  });
});

describe('humanize', () => {
  it('turns camelCase names into words', () => {
    expect(humanize('goldMinExceptional')).toBe('Gold min exceptional');
    expect(humanize('cqcRatingDate')).toBe('CQC rating date');
  });
});
