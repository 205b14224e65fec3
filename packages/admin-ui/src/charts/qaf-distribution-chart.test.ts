import { describe, expect, it } from 'vitest';
import { mount } from '../elements/mount.test-helpers.js';
import './qaf-distribution-chart.js';

describe('qaf-distribution-chart', () => {
  it('draws a bar per band and series and repeats the numbers in a table', async () => {
    const el = await mount('qaf-distribution-chart', { order: ['Bronze', 'Silver'], published: { Bronze: 2 }, draft: { Bronze: 1, Silver: 1 } });
    expect(el.shadowRoot!.querySelectorAll('rect')).toHaveLength(4);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual(['Bronze21', 'Silver01']);
  });
});
