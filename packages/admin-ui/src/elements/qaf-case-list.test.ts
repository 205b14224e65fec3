import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../api/api-types.js';
import { casePack, determination } from '../pack/case-pack.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import { CASES_AT_ONCE } from './qaf-case-list.js';

const pack = casePack();
const snapshot = Object.fromEntries(pack.cases!.map((c) => [c.id, JSON.stringify(c)]));
const results: Record<string, CaseResult> = {
  'safe-silver-at-2': { id: 'safe-silver-at-2', note: '', ok: false, failures: ['decision domainRating.safe: expected "Silver", got "Bronze"'], determination: determination({ headline: 'Bronze', decisions: { 'domainRating.safe': 'Bronze' } }) },
  'safe-bronze-at-1': { id: 'safe-bronze-at-1', note: '', ok: true, failures: [], determination: determination({ headline: 'Bronze' }) },
  'refuses-unjudged': { id: 'refuses-unjudged', note: '', ok: true, failures: [] },
};
const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());

describe('qaf-case-list', () => {
  it('shows each case\'s id, note, citation, assessment and expectations before any run', async () => {
    const el = await mount('qaf-case-list', { pack });
    expect(rows(el)).toHaveLength(3);
    expect(rows(el)[0]).toContain('Not run');
    expect(rows(el)[0]).toContain('safe-silver-at-2');
    expect(rows(el)[0]).toContain('Two of three Fully met gives Silver');
    expect(rows(el)[0]).toContain('Except Partly met: s-03');
    expect(rows(el)[0]).toContain('Domain rating — Safe: Silver');
    expect(el.shadowRoot!.querySelector<HTMLElementTagNameMap['qaf-citation']>('tbody qaf-citation')!.source).toEqual({ doc: '000', section: '3.2' });
    expect(el.shadowRoot!.querySelector('tbody button')).toBeNull();
  });

  it('shows the last run\'s values and failures in plain words, and filters to the failing cases', async () => {
    const el = await mount('qaf-case-list', { pack, results, snapshot, show: 'failing' });
    expect(text(el)).toContain('Showing 1 of 3 cases.');
    expect(rows(el)).toHaveLength(1);
    expect(rows(el)[0]).toMatch(/^Failed safe-silver-at-2/);
    expect(rows(el)[0]).toContain('Domain rating — Safe: Bronze');
    expect(rows(el)[0]).toContain('Domain rating — Safe: expected Silver, got Bronze');
  });

  it('marks a case changed since the run, and finds cases by words in them', async () => {
    const edited = casePack();
    edited.cases![1]!.note = 'Changed';
    const el = await mount('qaf-case-list', { pack: edited, results, snapshot, show: 'changed' });
    expect(rows(el)).toEqual([expect.stringMatching(/^Changed since the run safe-bronze-at-1/)]);
    el.show = 'all';
    const find = el.shadowRoot!.querySelector<HTMLInputElement>('#find')!;
    find.value = 'must be judged';
    find.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(rows(el)).toEqual([expect.stringMatching(/^Passed refuses-unjudged/)]);
  });

  it('offers admins an Edit button per case, and opens the editor beneath the case being edited', async () => {
    const el = await mount('qaf-case-list', { pack, canEdit: true });
    const opened: number[] = [];
    el.addEventListener('case-open', (e) => opened.push((e as CustomEvent<{ index: number }>).detail.index));
    const edit = [...el.shadowRoot!.querySelectorAll('tbody button')][1] as HTMLButtonElement;
    expect(edit.textContent).toBe('Edit case safe-bronze-at-1');
    edit.click();
    expect(opened).toEqual([1]);
    el.editing = 1;
    el.show = 'failing';
    await el.updateComplete;
    // The case being edited stays on the page whatever the filter.
    expect(el.shadowRoot!.querySelector('qaf-case-editor')!.index).toBe(1);
    expect(el.shadowRoot!.querySelector('tbody button')!.getAttribute('aria-expanded')).toBe('true');
  });

  it('says a case the JSON editor left unreadable cannot be read, instead of going blank', async () => {
    const broken = casePack();
    (broken.cases as unknown[])[1] = { id: 'half-typed', note: 'No input yet' };
    const el = await mount('qaf-case-list', { pack: broken, canEdit: true });
    expect(rows(el)[1]).toContain('This case cannot be read: fix it in the JSON editor.');
    expect(rows(el)[0]).toContain('safe-silver-at-2');
    expect(el.shadowRoot!.querySelectorAll('tbody button')).toHaveLength(2);
  });

  it('lets the lead accept a failing case\'s new result, one case or a reviewed batch, and never a passing one', async () => {
    const el = await mount('qaf-case-list', { pack, results, snapshot, canEdit: true });
    const fired: string[][] = [];
    el.addEventListener('case-accept', (e) => fired.push((e as CustomEvent<{ ids: string[] }>).detail.ids));
    expect(el.shadowRoot!.querySelectorAll('button[data-accept]')).toHaveLength(1);
    const batch = el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-accept-batch]')!;
    expect(batch.disabled).toBe(true);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-accept="safe-silver-at-2"]')!.click();
    expect(fired).toEqual([['safe-silver-at-2']]);
    const tick = el.shadowRoot!.querySelector<HTMLInputElement>('input[data-choose="safe-silver-at-2"]')!;
    tick.click();
    await el.updateComplete;
    expect(batch.disabled).toBe(false);
    expect(batch.textContent!.replace(/\s+/g, ' ').trim()).toBe('Accept the 1 reviewed result');
    batch.click();
    expect(fired).toEqual([['safe-silver-at-2'], ['safe-silver-at-2']]);
  });

  it('says who accepted a case\'s expected value and when, as distinct from the document', async () => {
    const accepted = casePack();
    accepted.cases![0]!.accepted = { by: 'Ann Lead', on: '2026-12-06' };
    const el = await mount('qaf-case-list', { pack: accepted });
    expect(rows(el)[0]).toContain('Expected value accepted by Ann Lead on 6 December 2026 (not from the document)');
    expect(rows(el)[1]).not.toContain('accepted by');
  });

  describe('a long list', () => {
    /** The three cases copied to `n` cases, each with its own id (`case-0` ...), note and result. */
    function longPack(n: number) {
      const long = casePack();
      const base = long.cases!;
      long.cases = Array.from({ length: n }, (_, i) => ({ ...base[i % 2]!, id: `case-${i}`, note: `Case number ${i}` }));
      return long;
    }
    const ids = (el: HTMLElement) => rows(el).flatMap((r) => /^(?:Not run|Passed|Failed|Changed since the run) (case-\d+)/.exec(r)?.[1] ?? []);
    const more = CASES_AT_ONCE + 5;

    it('draws the first cases at once and the rest on demand, and finds an undrawn case by its words', async () => {
      const el = await mount('qaf-case-list', { pack: longPack(more) });
      expect(text(el)).toContain(`Showing ${more} of ${more} cases.`);
      expect(ids(el)).toEqual(Array.from({ length: CASES_AT_ONCE }, (_, i) => `case-${i}`));
      expect(text(el)).toContain(`${CASES_AT_ONCE} of these ${more} cases are drawn.`);
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-more]')!.click();
      await el.updateComplete;
      expect(ids(el)).toHaveLength(more);
      expect(el.shadowRoot!.querySelector('button[data-more]')).toBeNull();
      const find = el.shadowRoot!.querySelector<HTMLInputElement>('#find')!;
      find.value = `Case number ${more - 1}`;
      find.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(ids(el)).toEqual([`case-${more - 1}`]);
    });

    it('draws every failing case and the case being edited, failing cases first, whatever the window', async () => {
      const long = longPack(more + CASES_AT_ONCE);
      const last = long.cases!.length - 1;
      const snap = Object.fromEntries(long.cases!.map((c) => [c.id, JSON.stringify(c)]));
      const ran: Record<string, CaseResult> = Object.fromEntries(long.cases!.map((c) => [c.id, { id: c.id, note: '', ok: c.id !== `case-${last}`, failures: c.id === `case-${last}` ? ['headline: expected "Silver", got "Bronze"'] : [] }]));
      const el = await mount('qaf-case-list', { pack: long, results: ran, snapshot: snap, editing: last - 1 });
      expect(ids(el)[0]).toBe(`case-${last}`);
      expect(rows(el)[0]).toMatch(/^Failed/);
      expect(ids(el)).toContain(`case-${last - 1}`);
      expect(el.shadowRoot!.querySelector('qaf-case-editor')!.index).toBe(last - 1);
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-all]')!.click();
      await el.updateComplete;
      expect(new Set(ids(el)).size).toBe(long.cases!.length);
    });
  });
});
