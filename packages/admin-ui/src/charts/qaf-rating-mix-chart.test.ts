import { describe, expect, it } from 'vitest';
import { mount, text } from '../elements/mount.test-helpers.js';
import type { MixPoint } from './rating-mix-bars.js';
import './qaf-rating-mix-chart.js';

const points: MixPoint[] = [
  { month: '2025-11', asOf: '2025-11-30', byRating: { Bronze: 2, 'Not assessed': 1 } },
  { month: '2025-12', asOf: '2025-12-15', byRating: { Gold: 1, Bronze: 1, 'Not assessed': 1 } },
];

describe('qaf-rating-mix-chart', () => {
  it('draws a bar segment per rating held and gives the same numbers as a table, ratings highest first', async () => {
    const el = await mount('qaf-rating-mix-chart', { points, order: ['Inadequate', 'Bronze', 'Silver', 'Gold'] });
    expect(el.shadowRoot!.querySelectorAll('rect')).toHaveLength(5);
    expect([...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Month', 'Gold', 'Bronze', 'Not assessed']);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      ['November 2025 (to 30 November 2025)', '0', '2', '1'],
      ['December 2025 (to 15 December 2025)', '1', '1', '1'],
    ]);
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')).toContain('November 2025 to December 2025');
  });

  it('says so when there are no providers', async () => {
    const el = await mount('qaf-rating-mix-chart', { points: [{ month: '2025-12', asOf: '2025-12-15', byRating: {} }], order: [] });
    expect(text(el)).toContain('No providers yet.');
  });
});
