import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import { fakeServer, json, settled } from './fake-server.test-helpers.js';
import './qaf-publish.js';

const finding = (kind: string, message: string) => ({ kind, decision: 'overallRating', message, count: 1, examples: [], more: 0 });

/** The query of each analysis the page asked for. */
let analysesAsked: string[] = [];

/** A draft whose only findings are about its schedule: a conflict (to acknowledge) and a note (not listed). */
const outcomes = {
  exhaustive: true, notes: [],
  outcomes: [
    { outcome: 'annual-visit', of: 'schedule', label: 'Annual quality visit', activity: 'quality-visit', exhaustive: true, points: 4, combinations: 4, fires: 3, dimensions: [], notes: [], firesWhen: [] },
    { outcome: 'biennial-visit', of: 'schedule', label: 'Quality visit every two years', activity: 'quality-visit', exhaustive: true, points: 4, combinations: 4, fires: 2, dimensions: [], notes: [], firesWhen: [] },
    { outcome: 'refresh', of: 'schedule', label: 'Rating refresh', activity: 'publication', exhaustive: true, points: 1, combinations: 1, fires: 1, dimensions: [], notes: [], firesWhen: [] },
  ],
  findings: [
    { kind: 'conflicting-schedule', of: 'schedule', outcome: 'annual-visit + biennial-visit', message: 'schedule entries "annual-visit" and "biennial-visit" both schedule "quality-visit" for the same inputs: two cycles of one activity', count: 1, examples: [{ inputs: 'Overall rating Silver', count: 1 }], more: 0 },
    { kind: 'always-fires', of: 'schedule', outcome: 'refresh', note: true, message: 'schedule entry "refresh" fires whatever the inputs: its condition always holds', count: 1, examples: [], more: 0 },
  ],
};

/** `GET .../versions?limit=1`: the latest version's record alone; asked for more, the fake server has no answer. */
function latest(url: URL) {
  return url.searchParams.get('limit') === '1' ? json({ versions: [{ version: '1.0.0', effectiveFrom: '2025-01-01' }], nextCursor: 'c1' }) : undefined;
}

function outcomesServer() {
  return fakeServer(({ method, url }) => {
    if (url.pathname === '/api/councils/testshire/versions' && method === 'GET') return latest(url);
    if (url.pathname === '/api/councils/testshire/diff') return json({ from: '1.0.0', to: 'draft', changes: [] });
    if (url.pathname === '/api/councils/testshire/draft/analyse' && method === 'POST') {
      return json({
        revision: 3, findings: 0,
        report: { complete: true, decisions: [], outcomes },
        changed: [{ key: 'outcome:schedule:annual-visit + biennial-visit|conflicting-schedule', change: 'introduced', kind: 'conflicting-schedule', decision: 'Schedule', pointer: '/outcomes/schedule/0', words: 'Schedule: the schedule entries "Annual quality visit" and "Quality visit every two years" both schedule "quality-visit" at once for Overall rating Silver', examples: ['Overall rating Silver'] }],
      });
    }
    return undefined;
  });
}

function server(analysis?: Promise<void>) {
  analysesAsked = [];
  return fakeServer(async ({ method, url }) => {
    if (url.pathname === '/api/councils/testshire/versions' && method === 'GET') return latest(url);
    if (url.pathname === '/api/councils/testshire/diff') return json({ from: '1.0.0', to: 'draft', changes: [{ pointer: '/x', kind: 'changed', summary: 'Overall rating, Silver: at least 3 -> 4 criteria Fully met' }] });
    if (url.pathname === '/api/councils/testshire/draft/analyse' && method === 'POST') {
      analysesAsked.push(url.search);
      await analysis;
      return json({
        revision: 3, findings: 2,
        report: { complete: true, decisions: [{ decision: 'overallRating', label: 'Overall rating', exhaustive: true, notes: [], findings: [finding('fallback-only', 'covered only by the fallback'), finding('masked', 'rule "r-any" matches only where …')] }] },
        changed: [{ key: 'overallRating|masked|r-any|', change: 'introduced', kind: 'masked', decision: 'Overall rating', words: 'Overall rating: the rule "Anyone else" can never fire: a rule above it always decides first', examples: [] }],
      });
    }
    return undefined;
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('qaf-publish', () => {
  it('finds the published version with one GET of the latest version\'s record, not the pack nor every version', async () => {
    const seen = server();
    const el = await mount('qaf-publish', { council: 'testshire', canEdit: true });
    await settled(el);
    expect(text(el)).toContain('Changes from the published version 1.0.0');
    const gets = seen.filter((r) => r.method === 'GET').map((r) => `${r.url.pathname}${r.url.search}`);
    expect(gets).toEqual(['/api/councils/testshire/versions?limit=1', '/api/councils/testshire/diff?from=1.0.0&to=draft']);
  });

  it('asks acknowledgement only of the findings new or changed since the published version, in council words', async () => {
    server();
    const el = await mount('qaf-publish', { council: 'testshire', canEdit: true });
    await settled(el);
    const changed = [...el.shadowRoot!.querySelectorAll('ul.changed-findings li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(changed).toEqual(['New — Overall rating: the rule "Anyone else" can never fire: a rule above it always decides first']);
    expect(text(el)).toContain('I have read the 1 new or changed finding above and accept it');
    expect(text(el)).toContain('All 2 findings of the draft');
    // The page shows the findings' words only: it asks for them without their example inputs.
    expect(analysesAsked).toEqual(['?examples=false']);
  });

  it('shows the diff and the form while the analysis is still coming, its section marked busy, and publishing waits for it', async () => {
    let answer = () => undefined as void;
    server(new Promise<void>((resolve) => { answer = resolve; }));
    const el = await mount('qaf-publish', { council: 'testshire', canEdit: true });
    await settled(el);
    const section = el.shadowRoot!.querySelector('section[aria-busy]')!;
    expect(section.getAttribute('aria-busy')).toBe('true');
    expect(section.querySelector('qaf-status')?.getAttribute('message')).toBe('Analysing the draft…');
    expect((el.shadowRoot!.querySelector('qaf-diff-view') as unknown as { changes: { summary: string }[] }).changes.map((c) => c.summary)).toEqual(['Overall rating, Silver: at least 3 -> 4 criteria Fully met']);
    expect(text(el)).toContain('Changes from the published version 1.0.0');
    expect(el.shadowRoot!.getElementById('note')).not.toBeNull();
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).toBe(true);
    answer();
    await settled(el);
    expect(section.getAttribute('aria-busy')).toBe('false');
    expect(section.querySelector('qaf-status')).toBeNull();
    expect(text(el)).toContain('All 2 findings of the draft');
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).toBe(false);
  });

  it('asks acknowledgement of a schedule conflict the draft introduces, naming the entries by their labels, and lists no note', async () => {
    outcomesServer();
    const el = await mount('qaf-publish', { council: 'testshire', canEdit: true });
    await settled(el);
    const changed = [...el.shadowRoot!.querySelectorAll('ul.changed-findings li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(changed).toEqual(['New — Schedule: the schedule entries "Annual quality visit" and "Quality visit every two years" both schedule "quality-visit" at once for Overall rating Silver']);
    expect(text(el)).toContain('I have read the 1 new or changed finding above and accept it');
    expect(text(el)).toContain('All 1 finding of the draft');
    expect(text(el)).toContain('Schedule “Annual quality visit” and “Quality visit every two years”: Two schedule entries for one activity fire together.');
    expect(text(el)).not.toContain('Rating refresh');
  });
});
