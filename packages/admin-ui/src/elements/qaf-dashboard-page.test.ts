import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, json, settled } from './fake-server.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import './qaf-dashboard-page.js';

afterEach(() => vi.unstubAllGlobals());

const dashboard = {
  today: '2025-12-15', days: 30, until: '2026-01-14', providers: 3, byRating: { Bronze: 2, Gold: 1 },
  actions: [{ providerId: 'p1', name: 'Bronze Early', id: 'plan', label: 'Submit a plan', due: '2025-01-08', overdue: true }],
  visits: [
    { providerId: 'p1', name: 'Bronze Early', id: 'v', label: 'Annual visit', nextDue: '2026-01-01', overdue: false },
    { providerId: 'p2', name: 'Bronze Late', id: 'v', label: 'Annual visit', nextDue: '2026-01-02', overdue: false },
  ],
};
const mix = { today: '2025-12-15', points: [{ month: '2025-12', asOf: '2025-12-15', byRating: { Bronze: 2, Gold: 1 } }] };
const pack = {
  council: 't', version: '1.0.0',
  pack: { outcomes: { headline: 'overall' }, decisions: { overall: { scale: 'rating', label: 'Overall rating' } }, scales: { rating: { values: ['Bronze', 'Silver', 'Gold'] } } },
};

describe('qaf-dashboard-page', () => {
  it('counts visits and actions due and overdue in words and charts the rating mix in the scale order', async () => {
    const seen = fakeServer((req) => {
      if (req.url.pathname === '/api/councils/t/dashboard') return json(dashboard);
      if (req.url.pathname === '/api/councils/t/dashboard/rating-mix') return json(mix);
      if (req.url.pathname === '/api/councils/t/pack') return json(pack);
      return undefined;
    });
    const el = await mount('qaf-dashboard-page', { council: 't' });
    await settled(el);
    const words = text(el);
    expect(words).toContain('As of 15 December 2025, looking ahead to 14 January 2026.');
    expect(words).toContain('2 visits: 2 due, 0 overdue');
    expect(words).toContain('1 action: 0 due, 1 overdue');
    expect(words).toContain('3 providers');
    expect(words).toContain('1 overdue in all');
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).toBe('#/councils/t/work-queue');
    const chart = el.shadowRoot!.querySelector('qaf-rating-mix-chart')!;
    await chart.updateComplete;
    expect([...chart.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Month', 'Gold', 'Bronze']);
    expect(seen.find((r) => r.url.pathname.endsWith('/rating-mix'))!.url.searchParams.get('months')).toBe('12');
  });
});
