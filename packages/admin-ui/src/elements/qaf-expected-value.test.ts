import { describe, expect, it } from 'vitest';
import { decisionTargets } from '../pack/expectation-targets.js';
import { casePack } from '../pack/case-pack.test-helpers.js';
import type { ValueChange } from './qaf-expected-value.js';
import { chosen, mount, text } from './mount.test-helpers.js';
import './qaf-expected-value.js';

describe('qaf-expected-value', () => {
  const targets = decisionTargets(casePack());
  const safe = targets.find((t) => t.id === 'domainRating.safe')!;
  const visits = targets.find((t) => t.id === 'visitTypes')!;
  const changes = (el: HTMLElement) => {
    const seen: ValueChange[] = [];
    el.addEventListener('value-change', (e) => seen.push((e as CustomEvent<ValueChange>).detail));
    return seen;
  };

  it('labels its choice of the scale\'s values and shows the last run beside it, without choosing it', async () => {
    const el = await mount('qaf-expected-value', { target: safe, value: undefined, actual: 'Bronze', hasActual: true });
    const select = el.shadowRoot!.querySelector('select')!;
    expect(el.shadowRoot!.querySelector(`label[for="${select.id}"]`)!.textContent).toContain('Domain rating — Safe (expected)');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose…', 'Inadequate', 'Bronze', 'Silver', 'Gold', 'No value']);
    expect(chosen(select)).toBe('');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(text(el)).toContain('Choose the expected value.');
    expect(text(el)).toContain('Last run: Bronze');
  });

  it('fires value-change with the value the person chose', async () => {
    const el = await mount('qaf-expected-value', { target: safe, value: 'Silver', actual: 'Bronze', hasActual: true, stale: true });
    const seen = changes(el);
    expect(text(el)).toContain('Last run (before your changes): Bronze');
    const select = el.shadowRoot!.querySelector('select')!;
    expect(chosen(select)).toBe('"Silver"');
    select.value = '"Bronze"';
    select.dispatchEvent(new Event('change'));
    expect(seen).toEqual([{ id: 'domainRating.safe', value: 'Bronze' }]);
  });

  it('takes a number for a numeric target, empty meaning no value, and refuses one off the scale at the field', async () => {
    const el = await mount('qaf-expected-value', { target: { id: 'qualityScore', label: 'Quality score', kind: 'number', min: 0, max: 100, integer: true }, value: 61 });
    const seen = changes(el);
    const input = el.shadowRoot!.querySelector('input')!;
    expect(input.value).toBe('61');
    input.value = '';
    input.dispatchEvent(new Event('input'));
    input.value = '140';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(seen).toEqual([{ id: 'qualityScore', value: null }, { id: 'qualityScore', problem: 'Enter 100 or less.' }]);
    expect(el.shadowRoot!.querySelector('.field-error')!.textContent).toBe('Enter 100 or less.');
  });

  it('edits a collect decision as an ordered list: add, move and remove values', async () => {
    const el = await mount('qaf-expected-value', { target: visits, value: ['Annual'] });
    const seen = changes(el);
    const add = el.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
    add.value = 'Focussed';
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Add to the list')!.click();
    el.value = ['Annual', 'Focussed'];
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Up: Focussed')!.click();
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Remove: Annual')!.click();
    expect(seen.map((s) => s.value)).toEqual([['Annual', 'Focussed'], ['Focussed', 'Annual'], ['Focussed']]);
  });

  it('cannot be changed when read only', async () => {
    const el = await mount('qaf-expected-value', { target: safe, value: 'Silver', readonly: true, removable: true });
    expect(el.shadowRoot!.querySelector('select')!.disabled).toBe(true);
    expect(el.shadowRoot!.querySelector('button')).toBeNull();
  });
});
