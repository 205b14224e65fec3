import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import { fakeServer, json, settled } from './fake-server.test-helpers.js';
import './qaf-what-if.js';

const pack = {
  decisions: { overallRating: { label: 'Overall rating', scale: 'band' } },
  outcomes: { headline: 'overallRating' },
  scales: { band: { values: ['Gold', 'Silver', 'Bronze'] } },
};

const report = {
  published: { version: '1.0.0', hash: 'h1' },
  draft: { revision: 2, hash: 'h2' },
  providers: 3,
  before: { Gold: 1, Silver: 2 },
  after: { Gold: 1, Silver: 1, Bronze: 1 },
  unchanged: 1,
  errors: [],
  changed: [
    {
      providerId: 'p1', name: 'Alder Court', assessmentId: 'a1', assessmentDate: '2025-01-10', before: 'Silver', after: 'Bronze', headlineChanged: true,
      differences: [{ kind: 'headline', id: 'overallRating', explanation: 'Overall rating: Silver -> Bronze', before: 'Silver', after: 'Bronze' }],
    },
    {
      providerId: 'p2', name: 'Birch House', assessmentId: 'a2', assessmentDate: '2025-02-03', before: 'Gold', after: 'Gold', headlineChanged: false,
      differences: [
        { kind: 'decision', id: 'domainRating.safe', explanation: 'Safeguarding and safety, Domain rating: Gold -> Silver', before: 'Gold', after: 'Silver' },
        { kind: 'actions', explanation: 'Actions: now Action plan', before: [], after: [{ label: 'Action plan', due: '2025-03-03' }] },
      ],
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('qaf-what-if', () => {
  it('lists a provider whose domain band and actions change while its headline stays, with each difference in words', async () => {
    fakeServer(({ method, url }) => {
      if (url.pathname === '/api/councils/testshire/what-if' && method === 'POST') return json(report);
      if (url.pathname === '/api/councils/testshire/pack' && method === 'GET') return json({ version: '1.0.0', pack });
      return undefined;
    });
    const el = await mount('qaf-what-if', { council: 'testshire' });
    el.shadowRoot!.querySelector('button')!.click();
    await settled(el);
    expect(text(el)).toContain("2 of 3 providers would change under the draft (published version 1.0.0): 1 in the overall rating, 1 only in a domain's band, the actions, the schedule or a score.");
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows[0]!.slice(0, 4)).toEqual(['Alder Court', '10 January 2025', 'Silver', 'Bronze']);
    expect(rows[1]!.slice(0, 4)).toEqual(['Birch House', '3 February 2025', 'Gold', 'unchanged']);
    const birch = [...el.shadowRoot!.querySelectorAll('tbody tr')[1]!.querySelectorAll('ul.differences li')].map((li) => li.textContent);
    expect(birch).toEqual(['Safeguarding and safety, Domain rating: Gold → Silver', 'Actions added: Action plan (due 3 March 2025)']);
  });
});
