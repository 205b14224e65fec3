import { describe, expect, it } from 'vitest';
import { parameterFields } from '../pack/parameter-fields.js';
import { declaredTestPack } from '../pack/declared-test-pack.test-helpers.js';
import type { FieldChange } from './qaf-field-editor.js';
import { mount, text } from './mount.test-helpers.js';
import './qaf-field-editor.js';

describe('qaf-field-editor for a declared parameter', () => {
  const pack = declaredTestPack();
  const due = parameterFields(pack).find((f) => f.pointer === '/parameters/iapDue/value')!;

  it('shows the declared label, unit, bounds and citation', async () => {
    const el = await mount('qaf-field-editor', { field: due, pack });
    const input = el.shadowRoot!.querySelector('input')!;
    expect(el.shadowRoot!.querySelector(`label[for="${input.id}"]`)!.textContent).toContain('Improvement Action Plan due within');
    expect(text(el)).toContain('working days');
    expect(text(el)).toContain('A whole number from 0 to 250 working days.');
    expect(input.min).toBe('0');
    expect(input.max).toBe('250');
    expect(el.shadowRoot!.querySelector('qaf-citation')!.source).toEqual({ doc: '000', section: '4.1' });
  });

  it('refuses -2 and 100,000 working days at the field with a message in words, and passes a value within bounds', async () => {
    const el = await mount('qaf-field-editor', { field: due, pack });
    const seen: FieldChange[] = [];
    el.addEventListener('field-change', (e) => seen.push((e as CustomEvent<FieldChange>).detail));
    const input = el.shadowRoot!.querySelector('input')!;
    for (const raw of ['-2', '100000', '20']) {
      input.value = raw;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      if (raw !== '20') expect(text(el)).toContain('This must be from 0 to 250 working days.');
    }
    expect(seen).toEqual([
      { pointer: '/parameters/iapDue/value', problem: 'This must be from 0 to 250 working days.' },
      { pointer: '/parameters/iapDue/value', problem: 'This must be from 0 to 250 working days.' },
      { pointer: '/parameters/iapDue/value', value: 20 },
    ]);
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  it('shows the unit after the value in the singular for 1 (1 working day), and in its declared plural otherwise', async () => {
    const el = await mount('qaf-field-editor', { field: { ...due, value: 1 }, pack });
    const unit = (): string => el.shadowRoot!.querySelector('.unit')!.textContent!;
    expect(unit()).toBe('working day');
    const input = el.shadowRoot!.querySelector('input')!;
    input.value = '2';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(unit()).toBe('working days');
  });

  it('shows a counting parameter (declared with counts) read-only, counted from the criteria list', async () => {
    const counted = declaredTestPack();
    const criteria = counted.framework!.domains.flatMap((d) => d.standards.flatMap((st) => st.criteria)).length;
    counted.parameters!.totalCriteria = { label: 'Criteria in the framework', type: 'integer', unit: 'criteria', value: criteria, source: { doc: '000', section: '3.2' }, counts: { of: 'criteria' } };
    const fields = parameterFields(counted);
    const total = fields.find((f) => f.pointer === '/parameters/totalCriteria/value')!;
    expect(total.countedFrom).toBe('Counted from the criteria list (criteria).');
    expect(fields.find((f) => f.pointer === '/parameters/iapDue/value')!.countedFrom).toBeUndefined();
    const el = await mount('qaf-field-editor', { field: total, pack: counted });
    const input = el.shadowRoot!.querySelector('input')!;
    expect(input.readOnly).toBe(true);
    expect(input.value).toBe(String(criteria));
    const context = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(context.textContent).toContain('Counted from the criteria list (criteria).');
    // An editable parameter is not read-only.
    const editable = await mount('qaf-field-editor', { field: due, pack });
    expect(editable.shadowRoot!.querySelector('input')!.readOnly).toBe(false);
  });
});
