import { editableFields } from '../pack/editable-fields.js';
import { testPack } from '../pack/test-pack.test-helpers.js';
import type { FieldChange } from './qaf-field-editor.js';
import { describe, expect, it } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import './qaf-field-editor.js';

describe('qaf-field-editor', () => {
  const field = editableFields(testPack()).find((f) => f.pointer === '/framework/domains/0/parameters/silverMinFullyMet')!;

  it('labels its input with the field and its section, and shows the engine\'s problems', async () => {
    const el = await mount('qaf-field-editor', { field, problems: [{ pointer: field.pointer, message: 'Must be at least 0.' }] });
    const input = el.shadowRoot!.querySelector('input')!;
    const label = el.shadowRoot!.querySelector(`label[for="${input.id}"]`)!;
    expect(label.textContent).toContain('At least … criteria judged at least Fully met');
    expect(label.textContent).toContain('(Safe)');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(text(el)).toContain('Must be at least 0.');
  });

  it('fires field-change with the problem when a bad value is typed, and with the number when it is fine', async () => {
    const el = await mount('qaf-field-editor', { field });
    const seen: FieldChange[] = [];
    el.addEventListener('field-change', (e) => seen.push((e as CustomEvent<FieldChange>).detail));
    const input = el.shadowRoot!.querySelector('input')!;
    input.value = '9';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(seen[0]).toEqual({ pointer: field.pointer, problem: 'Enter a number from 0 to 3 (there are 3 criteria in this domain).' });
    expect(text(el)).toContain('Enter a number from 0 to 3');
    input.value = '3';
    input.dispatchEvent(new Event('input'));
    expect(seen[1]).toEqual({ pointer: field.pointer, value: 3 });
  });

  it('cannot be changed when read only', async () => {
    const el = await mount('qaf-field-editor', { field, readonly: true });
    expect(el.shadowRoot!.querySelector('input')!.readOnly).toBe(true);
  });
});
