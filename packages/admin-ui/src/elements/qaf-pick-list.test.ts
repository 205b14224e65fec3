import { describe, expect, it } from 'vitest';
import type { PickedItem } from './qaf-pick-list.js';
import { mount, text } from './mount.test-helpers.js';
import './qaf-pick-list.js';

const options = [{ id: 'iap', label: 'Submit an Improvement Action Plan' }, { id: 'suspend', label: 'Suspend new packages' }];

describe('qaf-pick-list', () => {
  it('offers only the entries not picked yet, and labels each control with the entry', async () => {
    const el = await mount('qaf-pick-list', { legend: 'Actions expected', options, items: [{ id: 'iap' }], dateLabel: 'Due' });
    expect([...el.shadowRoot!.querySelectorAll('option')].map((o) => o.value)).toEqual(['suspend']);
    const date = el.shadowRoot!.querySelector('input')!;
    expect(el.shadowRoot!.querySelector(`label[for="${date.id}"]`)!.textContent).toBe('Due (optional): Submit an Improvement Action Plan');
    expect(el.shadowRoot!.querySelector('legend')!.textContent).toBe('Actions expected');
  });

  it('fires items-change when an entry is added, dated or removed', async () => {
    const el = await mount('qaf-pick-list', { legend: 'Actions expected', options, items: [{ id: 'iap', date: '2025-03-08' }], dateLabel: 'Due' });
    const seen: PickedItem[][] = [];
    el.addEventListener('items-change', (e) => seen.push((e as CustomEvent<{ items: PickedItem[] }>).detail.items));
    const buttons = [...el.shadowRoot!.querySelectorAll('button')];
    buttons.find((b) => b.textContent === 'Add to “Actions expected”')!.click();
    const date = el.shadowRoot!.querySelector('input')!;
    date.value = '';
    date.dispatchEvent(new Event('change'));
    buttons.find((b) => b.textContent === 'Remove: Submit an Improvement Action Plan')!.click();
    expect(seen).toEqual([[{ id: 'iap', date: '2025-03-08' }, { id: 'suspend' }], [{ id: 'iap' }], []]);
  });

  it('shows the last run beside each entry and hides the controls when read only', async () => {
    const el = await mount('qaf-pick-list', { legend: 'Must not be triggered', options, items: [{ id: 'iap' }, { id: 'suspend' }], actual: { iap: 'triggered, due 2025-03-08' }, readonly: true });
    expect(text(el)).toContain('Last run: triggered, due 2025-03-08');
    expect(text(el)).toContain('Last run: not triggered');
    expect(el.shadowRoot!.querySelector('button')).toBeNull();
  });
});
