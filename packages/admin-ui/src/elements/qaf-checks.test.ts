import { afterEach, describe, expect, it, vi } from 'vitest';
import { casePack } from '../pack/case-pack.test-helpers.js';
import { deepText, mount, text } from './mount.test-helpers.js';
import './qaf-checks.js';

interface Seen { method: string; url: string; ifMatch: string | null; body: unknown }

/** A fake server: the draft at revision 4, a save answered with `saveStatus`, and a case run. */
function fakeServer(saveStatus: number) {
  const seen: Seen[] = [];
  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    seen.push({ method: init.method ?? 'GET', url, ifMatch: headers.get('if-match'), body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (url.endsWith('/draft') && init.method === 'GET') return json({ councilId: 'testshire', content: casePack(), revision: 4, baseVersionId: null, updatedBy: null, updatedAt: '' }, 200, { etag: '"4"' });
    if (url.endsWith('/draft') && init.method === 'PUT') {
      return saveStatus === 200 ? json({ revision: 5, valid: true, errors: [] }, 200, { etag: '"5"' })
        : json({ error: { status: 409, code: 'conflict', message: 'The draft has changed since you loaded it: reload it and apply your change again' } }, 409);
    }
    if (url.endsWith('/draft/cases')) {
      return json({ revision: 5, passed: 2, failed: 1, results: [
        { id: 'safe-silver-at-2', note: '', ok: false, failures: ['decision domainRating.safe: expected "Bronze", got "Silver"'] },
        { id: 'safe-bronze-at-1', note: '', ok: true, failures: [] },
        { id: 'refuses-unjudged', note: '', ok: true, failures: [] },
      ] });
    }
    if (url.endsWith('/draft/analyse')) return json(ANALYSIS);
    return json({ error: { status: 404, code: 'not-found', message: 'No such route' } }, 404);
  });
  return seen;
}

/** A draft's analysis: one decision finding whose inputs form a block, and the schedule's findings. */
const ANALYSIS = {
  revision: 4, findings: 1,
  report: {
    complete: true, millis: 5, cycles: [], pack: { id: 'testshire', version: '1.0.0', hash: 'sha256:0' }, summary: {},
    decisions: [{ decision: 'domainRating.safe', label: 'Domain rating (Safe)', hitPolicy: 'first', exhaustive: true, points: 15, combinations: 81, dimensions: [], notes: [], findings: [
      { kind: 'fallback-only', decision: 'domainRating.safe', message: 'covered only by the fallback', count: 80, more: 0, varies: 'with 14 of the 15 ways the mandatory criteria (4) are judged',
        examples: [{ inputs: 'mandatory criteria (4): 3 Fully met, 1 Partly met', count: 4 }] },
    ] }],
    outcomes: {
      exhaustive: true, notes: [],
      outcomes: [
        { outcome: 'celebrate', of: 'action', label: 'Celebrate', exhaustive: true, points: 4, combinations: 4, fires: 0, dimensions: [], notes: [], firesWhen: [] },
        { outcome: 'refresh', of: 'schedule', label: 'Rating refresh', activity: 'publication', exhaustive: true, points: 1, combinations: 1, fires: 1, dimensions: [], notes: [], firesWhen: [] },
      ],
      findings: [
        { kind: 'never-fires', of: 'action', outcome: 'celebrate', message: 'action "celebrate" never fires: no inputs meet its condition', count: 0, examples: [], more: 0 },
        { kind: 'always-fires', of: 'schedule', outcome: 'refresh', note: true, message: 'schedule entry "refresh" fires whatever the inputs: its condition always holds', count: 1, examples: [], more: 0 },
      ],
    },
  },
};

async function settled(el: HTMLElement & { updateComplete: Promise<unknown> }) {
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
}

async function openAndEdit(el: HTMLElementTagNameMap['qaf-checks']) {
  const list = el.shadowRoot!.querySelector('qaf-case-list')!;
  list.dispatchEvent(new CustomEvent('case-open', { detail: { index: 0 }, bubbles: true, composed: true }));
  await settled(el);
  const editor = list.shadowRoot!.querySelector('qaf-case-editor')!;
  const value = editor.shadowRoot!.querySelector('qaf-expectation-editor')!.shadowRoot!.querySelector('qaf-expected-value')!;
  const select = value.shadowRoot!.querySelector('select')!;
  select.value = '"Bronze"';
  select.dispatchEvent(new Event('change'));
  await settled(el);
}

const button = (el: HTMLElement, words: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === words)!;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('qaf-checks', () => {
  it('puts a case edit into the draft and saves it with If-Match before running the cases', async () => {
    const seen = fakeServer(200);
    const el = await mount('qaf-checks', { council: 'testshire', canEdit: true });
    await settled(el);
    expect(deepText(el)).toMatch(/Showing 3 of 3 cases\s?\./);
    await openAndEdit(el);
    expect(text(el)).toContain('Unsaved changes');
    button(el, "Run the pack's cases").click();
    await settled(el);
    const put = seen.find((s) => s.method === 'PUT')!;
    expect(put.ifMatch).toBe('"4"');
    expect((put.body as ReturnType<typeof casePack>).cases![0]!.want).toEqual({ decisions: { 'domainRating.safe': 'Bronze' } });
    expect(seen.map((s) => `${s.method} ${s.url}`).slice(-2)).toEqual(['PUT /api/councils/testshire/draft', 'POST /api/councils/testshire/draft/cases']);
    expect(text(el)).toContain('2 passed, 1 failed');
    expect(deepText(el)).toContain('Domain rating — Safe: expected Bronze, got Silver');
  });

  it('says clearly when someone else saved first, keeps the edit on the page, runs nothing and offers to reload and reapply it', async () => {
    const seen = fakeServer(409);
    const el = await mount('qaf-checks', { council: 'testshire', canEdit: true });
    await settled(el);
    await openAndEdit(el);
    button(el, "Run the pack's cases").click();
    await settled(el);
    expect(seen.some((s) => s.url.endsWith('/draft/cases'))).toBe(false);
    const alert = [...el.shadowRoot!.querySelectorAll('[role="alert"]')].map((a) => a.textContent).join(' ');
    expect(alert).toContain('someone else saved the draft after you opened it');
    expect(text(el)).toContain('Unsaved changes');
    button(el, 'Reload and reapply my changes').click();
    await settled(el);
    expect(seen.filter((s) => s.method === 'GET' && s.url.endsWith('/draft'))).toHaveLength(2);
    expect(text(el)).toContain('reapplied your changes on it. Check them and save.');
    // The edit is still on the page, to be saved over the reloaded draft.
    expect(text(el)).toContain('Unsaved changes');
  });

  it('lets a viewer read the cases but offers no way to change or save them', async () => {
    fakeServer(200);
    const el = await mount('qaf-checks', { council: 'testshire', canEdit: false });
    await settled(el);
    expect(text(el)).toContain("only the council's admins can change cases.");
    expect(button(el, 'Save draft')).toBeUndefined();
    expect(el.shadowRoot!.querySelector('qaf-case-list')!.shadowRoot!.querySelector('tbody button')).toBeNull();
  });

  it('shows the actions and schedule findings by their labels, and what varies among a finding\'s inputs', async () => {
    fakeServer(200);
    const el = await mount('qaf-checks', { council: 'testshire', canEdit: true });
    await settled(el);
    button(el, 'Run the analysis').click();
    await settled(el);
    const page = text(el).replace(/\s+/g, ' ');
    expect(page).toContain('Actions and schedule (2 actions and schedule entries)');
    expect(page).toContain('Never fires: no inputs meet its condition — action “Celebrate”');
    expect(page).toContain('Note: fires whatever the inputs — schedule “Rating refresh”');
    expect(page).toContain('With 14 of the 15 ways the mandatory criteria (4) are judged.');
  });
});
