import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import { fakeServer, json, settled } from './fake-server.test-helpers.js';
import './qaf-publish.js';

const finding = (kind: string, message: string) => ({ kind, decision: 'overallRating', message, count: 1, examples: [], more: 0 });

/** The query of each analysis the page asked for. */
let analysesAsked: string[] = [];

function server(analysis?: Promise<void>) {
  analysesAsked = [];
  return fakeServer(async ({ method, url }) => {
    if (url.pathname === '/api/councils/testshire/pack' && method === 'GET') return json({ version: '1.0.0', pack: {} });
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
});
