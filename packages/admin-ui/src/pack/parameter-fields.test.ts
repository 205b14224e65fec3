import { describe, expect, it } from 'vitest';
import { validatePack } from '@openqaf/engine/browser';
import { checkFieldValue, editableFields } from './editable-fields.js';
import { declaresParameters, parameterFields } from './parameter-fields.js';
import { declaredTestPack } from './declared-test-pack.test-helpers.js';
import { testPack } from './test-pack.test-helpers.js';

describe('the declared parameters as edit fields', () => {
  it('the fixture is a valid pack', () => {
    expect(validatePack(declaredTestPack()).errors).toEqual([]);
  }, 30_000);

  it('are exactly the declared values, with the declaration\'s label, unit, bounds and citation', () => {
    const fields = parameterFields(declaredTestPack());
    expect(fields.map((f) => [f.pointer, f.section, f.label, f.value, f.min, f.max, f.integer, f.source?.section])).toEqual([
      ['/framework/domains/0/parameters/silverMinFullyMet', 'Safe', 'Silver: Fully met criteria at least', 2, 0, 3, true, '3.2'],
      ['/parameters/iapDue/value', 'Whole framework', 'Improvement Action Plan due within', 10, 0, 250, true, '4.1'],
      ['/parameters/visitEveryMonths/value', 'Whole framework', 'Quality monitoring visit every', 12, 1, 36, true, '3.1'],
    ]);
    expect(fields[1]!.parameter).toEqual({ name: 'iapDue', type: 'integer', unit: 'working days', min: 0, max: 250 });
  });

  it('replace the numbers guessed from names: no threshold, visit or action field is guessed when the pack declares its parameters', () => {
    const pack = declaredTestPack();
    expect(declaresParameters(pack)).toBe(true);
    const groups = new Set(editableFields(pack).map((f) => f.group));
    expect([...groups]).toEqual(['parameters', 'mappings', 'criteria']);
    // The guessed threshold field is gone.
    expect(editableFields(pack).some((f) => f.label === 'At least … criteria judged at least Fully met')).toBe(false);
  });

  it('fall back to the guessed fields for a pack that declares none', () => {
    expect(declaresParameters(testPack())).toBe(false);
    const fields = editableFields(testPack());
    expect(fields.some((f) => f.group === 'parameters')).toBe(false);
    expect(fields.find((f) => f.label === 'At least … criteria judged at least Fully met')?.pointer).toBe('/framework/domains/0/parameters/silverMinFullyMet');
  });

  it('refuse a due time of -2 or 100,000 working days at the field, in words, and accept one within the bounds', () => {
    const due = parameterFields(declaredTestPack()).find((f) => f.pointer === '/parameters/iapDue/value')!;
    expect(checkFieldValue(due, '-2')).toEqual({ problem: 'This must be from 0 to 250 working days.' });
    expect(checkFieldValue(due, '100000')).toEqual({ problem: 'This must be from 0 to 250 working days.' });
    expect(checkFieldValue(due, '2.5')).toEqual({ problem: 'This must be a whole number.' });
    expect(checkFieldValue(due, '')).toEqual({ problem: 'Enter a number.' });
    expect(checkFieldValue(due, '15')).toEqual({ value: 15 });
  });
});
